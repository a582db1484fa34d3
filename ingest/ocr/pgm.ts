/**
 * Page images handed to Tesseract as binary PGM (8-bit greyscale, no compression): Tesseract
 * reads them without decoding, and neither pdftoppm nor sharp spends time compressing a PNG
 * that is read once (docs/BENCHMARKS.md, "OCR throughput").
 */
import { readFile, writeFile } from 'node:fs/promises';
import type sharp from 'sharp';

/** One-channel 8-bit pixels, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Buffer;
}

/** Writes `image` to `path` as a binary PGM (P5). */
export async function writePgm(path: string, image: GreyImage): Promise<void> {
  await writeFile(path, Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1'), image.data]));
}

/** Reads a binary 8-bit PGM written by {@link writePgm} or pdftoppm `-gray`. */
export async function readPgm(path: string): Promise<GreyImage> {
  const bytes = await readFile(path);
  // Header: magic, width, height, maxval, each after white space (comments are not written by either tool).
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!m || m[3] !== '255') throw new Error(`${path}: not an 8-bit binary PGM`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  const data = bytes.subarray(m[0].length, m[0].length + width * height);
  if (data.length !== width * height) throw new Error(`${path}: PGM data truncated`);
  return { width, height, data };
}

/** The greyscale pixels of a sharp pipeline (one channel, whatever the input's colour space). */
export async function greyPixels(pipeline: sharp.Sharp): Promise<GreyImage> {
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
  return { width: info.width, height: info.height, data };
}
