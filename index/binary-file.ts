/**
 * A tiny container for a JSON header plus named typed arrays, written in one file:
 * magic "TLAB1\n", uint32 header length, header JSON, then 8-byte-aligned array bytes.
 * Used for the BM25 postings and the embedder's matrices.
 */
import { readFile } from 'node:fs/promises';
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

/** Encode a header object and named arrays into one buffer. */
export function encodeBinary(header: unknown, arrays: Record<string, NumericArray>): Buffer {
  const entries: Array<{ name: string; kind: ArrayKind; offset: number; length: number }> = [];
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    entries.push({ name, kind: kindOf(a), offset, length: a.length });
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const head = Buffer.from(JSON.stringify({ header, arrays: entries }), 'utf8');
  const headPadded = Math.ceil((MAGIC.length + 4 + head.length) / 8) * 8;
  const out = Buffer.alloc(headPadded + offset);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(head.length, MAGIC.length);
  head.copy(out, MAGIC.length + 4);
  Object.values(arrays).forEach((a, i) => {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, headPadded + entries[i]!.offset);
  });
  return out;
}

/** A decoded file: its header and its arrays. */
export interface BinaryContent<H> {
  header: H;
  arrays: Record<string, NumericArray>;
}

/**
 * Decode what encodeBinary wrote; arrays are views over one copied ArrayBuffer, or over
 * one SharedArrayBuffer with `shared` (so that worker threads can be handed the same
 * memory: posting a view of a SharedArrayBuffer shares it).
 */
export function decodeBinary<H>(data: Buffer, opts: { shared?: boolean } = {}): BinaryContent<H> {
  if (data.length < MAGIC.length + 4 || !data.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new AppError('INDEX_CORRUPT', 'bad binary magic');
  }
  const headLen = data.readUInt32LE(MAGIC.length);
  const headEnd = MAGIC.length + 4 + headLen;
  if (headEnd > data.length) throw new AppError('INDEX_CORRUPT', 'truncated binary header');
  let parsed: { header: H; arrays: Array<{ name: string; kind: ArrayKind; offset: number; length: number }> };
  try {
    parsed = JSON.parse(data.subarray(MAGIC.length + 4, headEnd).toString('utf8'));
  } catch (err) {
    throw new AppError('INDEX_CORRUPT', 'bad binary header', { cause: err });
  }
  const headPadded = Math.ceil(headEnd / 8) * 8;
  const body = opts.shared ? new SharedArrayBuffer(data.length - headPadded) : new ArrayBuffer(data.length - headPadded);
  new Uint8Array(body).set(data.subarray(headPadded));
  const arrays: Record<string, NumericArray> = {};
  for (const e of parsed.arrays) {
    const bytesPer = e.kind === 'u8' ? 1 : e.kind === 'u16' ? 2 : 4;
    if (e.offset + e.length * bytesPer > body.byteLength) throw new AppError('INDEX_CORRUPT', `truncated array ${e.name}`);
    arrays[e.name] = view(e.kind, body, e.offset, e.length);
  }
  return { header: parsed.header, arrays };
}

export async function readBinaryFile<H>(path: string, opts: { shared?: boolean } = {}): Promise<BinaryContent<H>> {
  return decodeBinary<H>(await readFile(path), opts);
}
