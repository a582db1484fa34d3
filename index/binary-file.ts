/**
 * A tiny container for a JSON header plus named typed arrays, written in one file:
 * magic "TLAB1\n", uint32 header length, header JSON, then 8-byte-aligned array bytes.
 * Used for the BM25 postings and the embedder's matrices.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { AppError } from '../core/errors.ts';

type ArrayKind = 'u8' | 'u16' | 'u32' | 'i32' | 'f32';
export type NumericArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;

const MAGIC = Buffer.from('TLAB1\n', 'ascii');

function kindOf(a: NumericArray): ArrayKind {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  return 'f32';
}

function view(kind: ArrayKind, buf: ArrayBuffer | SharedArrayBuffer, offset: number, length: number): NumericArray {
  switch (kind) {
    case 'u8': return new Uint8Array(buf, offset, length);
    case 'u16': return new Uint16Array(buf, offset, length);
    case 'u32': return new Uint32Array(buf, offset, length);
    case 'i32': return new Int32Array(buf, offset, length);
    case 'f32': return new Float32Array(buf, offset, length);
  }
}

/**
 * The bytes of a header object and named arrays as encodeBinary lays them out, as a list
 * of pieces (the arrays' own memory, not copies), so a large file can be written without
 * first building it whole in memory.
 */
export function encodeBinaryParts(header: unknown, arrays: Record<string, NumericArray>): Uint8Array[] {
  const entries: Array<{ name: string; kind: ArrayKind; offset: number; length: number }> = [];
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    entries.push({ name, kind: kindOf(a), offset, length: a.length });
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const head = Buffer.from(JSON.stringify({ header, arrays: entries }), 'utf8');
  const headPadded = Math.ceil((MAGIC.length + 4 + head.length) / 8) * 8;
  const first = Buffer.alloc(headPadded);
  MAGIC.copy(first, 0);
  first.writeUInt32LE(head.length, MAGIC.length);
  head.copy(first, MAGIC.length + 4);
  const parts: Uint8Array[] = [first];
  for (const a of Object.values(arrays)) {
    parts.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    const pad = Math.ceil(a.byteLength / 8) * 8 - a.byteLength;
    if (pad) parts.push(new Uint8Array(pad));
  }
  return parts;
}

/** Encode a header object and named arrays into one buffer. */
export function encodeBinary(header: unknown, arrays: Record<string, NumericArray>): Buffer {
  return Buffer.concat(encodeBinaryParts(header, arrays));
}

/** A decoded file: its header and its arrays. */
export interface BinaryContent<H> {
  header: H;
  arrays: Record<string, NumericArray>;
}

interface ParsedHead<H> {
  header: H;
  arrays: Array<{ name: string; kind: ArrayKind; offset: number; length: number }>;
}

/** The header of a file's first bytes, and where its array bytes start. */
function decodeHead<H>(data: Buffer, fileLength: number): { parsed: ParsedHead<H>; headPadded: number } | { needs: number } {
  if (fileLength < MAGIC.length + 4 || (data.length >= MAGIC.length && !data.subarray(0, MAGIC.length).equals(MAGIC))) {
    throw new AppError('INDEX_CORRUPT', 'bad binary magic');
  }
  if (data.length < MAGIC.length + 4) return { needs: MAGIC.length + 4 };
  const headLen = data.readUInt32LE(MAGIC.length);
  const headEnd = MAGIC.length + 4 + headLen;
  if (headEnd > fileLength) throw new AppError('INDEX_CORRUPT', 'truncated binary header');
  if (headEnd > data.length) return { needs: headEnd };
  try {
    return { parsed: JSON.parse(data.subarray(MAGIC.length + 4, headEnd).toString('utf8')) as ParsedHead<H>, headPadded: Math.ceil(headEnd / 8) * 8 };
  } catch (err) {
    throw new AppError('INDEX_CORRUPT', 'bad binary header', { cause: err });
  }
}

function viewArrays<H>(parsed: ParsedHead<H>, body: ArrayBuffer | SharedArrayBuffer): BinaryContent<H> {
  const arrays: Record<string, NumericArray> = {};
  for (const e of parsed.arrays) {
    const bytesPer = e.kind === 'u8' ? 1 : e.kind === 'u16' ? 2 : 4;
    if (e.offset + e.length * bytesPer > body.byteLength) throw new AppError('INDEX_CORRUPT', `truncated array ${e.name}`);
    arrays[e.name] = view(e.kind, body, e.offset, e.length);
  }
  return { header: parsed.header, arrays };
}

/**
 * Decode what encodeBinary wrote; arrays are views over one copied ArrayBuffer, or over
 * one SharedArrayBuffer with `shared` (so that worker threads can be handed the same
 * memory: posting a view of a SharedArrayBuffer shares it).
 */
export function decodeBinary<H>(data: Buffer, opts: { shared?: boolean } = {}): BinaryContent<H> {
  const head = decodeHead<H>(data, data.length);
  if ('needs' in head) throw new AppError('INDEX_CORRUPT', 'truncated binary header');
  const body = opts.shared ? new SharedArrayBuffer(data.length - head.headPadded) : new ArrayBuffer(data.length - head.headPadded);
  new Uint8Array(body).set(data.subarray(head.headPadded));
  return viewArrays(head.parsed, body);
}

/** Fill `into` from `fh` at `position` (a short read is a truncated file). */
async function readFully(fh: FileHandle, into: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < into.length;) {
    const { bytesRead } = await fh.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new AppError('INDEX_CORRUPT', 'file shorter than its size');
    done += bytesRead;
  }
}

/** A whole file read straight into a SharedArrayBuffer (no intermediate copy). */
export async function readFileShared(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const out = new Uint8Array(new SharedArrayBuffer((await fh.stat()).size));
    await readFully(fh, out, 0);
    return out;
  } finally {
    await fh.close();
  }
}

/**
 * Read and decode a file written by encodeBinary. With `shared`, the array bytes are read
 * straight into one SharedArrayBuffer: a large file costs one read, not a read and a copy.
 */
export async function readBinaryFile<H>(path: string, opts: { shared?: boolean } = {}): Promise<BinaryContent<H>> {
  if (!opts.shared) return decodeBinary<H>(await readFile(path), opts);
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    let first = Buffer.alloc(Math.min(size, 64 * 1024));
    await readFully(fh, first, 0);
    let head = decodeHead<H>(first, size);
    if ('needs' in head) {
      first = Buffer.alloc(head.needs);
      await readFully(fh, first, 0);
      head = decodeHead<H>(first, size);
      if ('needs' in head) throw new AppError('INDEX_CORRUPT', 'truncated binary header');
    }
    const body = new SharedArrayBuffer(Math.max(0, size - head.headPadded));
    await readFully(fh, new Uint8Array(body), head.headPadded);
    return viewArrays(head.parsed, body);
  } finally {
    await fh.close();
  }
}
