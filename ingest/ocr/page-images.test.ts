/** The OCR resolution cap: pages scanned finer than `maxDpi` are recognised at `maxDpi` (needs poppler-utils, as the loader tests do). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageOnlyPdf } from '../../scripts/fixtures/scan.ts';
import { resolveOcrOptions } from './options.ts';
import { imageInfo, imagePageJob, MIN_DPI, ocrDpiCap, pdfPageJob, pdfPageSizes } from './page-images.ts';
import { readPgm } from './pgm.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'page-images-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

/** A white A6-sized page (4.1 × 5.8 in) at `dpi` with a black bar, as PNG declaring that resolution. */
function page(dpi: number): Promise<Buffer> {
  const width = Math.round(4.1 * dpi);
  const height = Math.round(5.8 * dpi);
  return sharp({ create: { width, height, channels: 3, background: '#fff' } })
    .composite([{ input: { create: { width: Math.round(width / 2), height: 20, channels: 3, background: '#000' } }, top: 40, left: 40 }])
    .withMetadata({ density: dpi })
    .png()
    .toBuffer();
}

describe('OCR resolution cap', () => {
  it('scales an image that declares more than maxDpi down to it, and leaves a coarser one as it is', async () => {
    const opts = resolveOcrOptions({ maxDpi: 200 });
    const fine = await page(300);
    const fineInfo = await imageInfo(fine);
    const fineOut = await imagePageJob(fine, 1, fineInfo, opts).prepare(dir);
    const fineImage = await readPgm(fineOut.path);
    expect(fineOut.dpi).toBe(200);
    expect(fineImage.width).toBe(Math.round(fineInfo.width * 200 / 300));
    expect(Math.abs(fineImage.height - fineInfo.height * 200 / 300)).toBeLessThanOrEqual(1);

    const coarse = await page(150);
    const coarseInfo = await imageInfo(coarse);
    const coarseOut = await imagePageJob(coarse, 1, coarseInfo, opts).prepare(dir);
    expect(coarseOut.dpi).toBe(150);
    expect((await readPgm(coarseOut.path)).width).toBe(coarseInfo.width);
  });

  it('rasterises a scanned PDF page at the lower of its scan resolution and maxDpi', async () => {
    const png = await page(300);
    const { width, height } = await sharp(png).metadata();
    const pdf = join(dir, 'scan.pdf');
    await writeFile(pdf, await imageOnlyPdf([{ image: png, width: width!, height: height!, format: 'png' }], 300));
    const sizes = await pdfPageSizes(pdf, 1, resolveOcrOptions());
    for (const [maxDpi, expected] of [[200, 200], [300, 300], [600, 300]] as const) {
      const opts = resolveOcrOptions({ maxDpi });
      const out = await pdfPageJob(pdf, 1, sizes[0], opts, 300).prepare(dir);
      expect(out.dpi).toBe(expected);
      expect(Math.abs((await readPgm(out.path)).width - width! * expected / 300)).toBeLessThanOrEqual(1);
    }
  });

  it('never goes under the lowest resolution pages are rasterised at', () => {
    expect(ocrDpiCap({ maxDpi: 72 })).toBe(MIN_DPI);
    expect(ocrDpiCap({ maxDpi: 250 })).toBe(250);
  });
});
