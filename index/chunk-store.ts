/**
 * The chunks of a served index version in one compact, read-only store: their JSON lines
 * (as written in the version's chunk segments) back to back in one UTF-8 buffer, with
 * where each label's line starts and ends. A chunk is parsed when asked for, and the
 * parsed objects most recently asked for are kept, so a question's chunks are parsed once
 * and stay the same objects (the answerer memoizes by chunk).
 *
 * The buffers are SharedArrayBuffers: answer worker threads are handed the same memory
 * (`shared()`, then `ChunkStore.fromShared` in the thread) instead of a copy of every
 * chunk object. A parsed chunk costs several times its bytes on the heap; the store
 * costs its bytes once per process.
 */
import { AppError } from '../core/errors.ts';
import { BoundedCache } from '../core/bounded-cache.ts';
import type { StoredChunk } from './index-state.ts';

/** Parsed chunks kept per store (at least the answerer's own memo of chunk term sets). */
const PARSED_KEPT = 16_384;

/** What a worker thread needs to open the same store (posting it shares the memory). */
export interface SharedChunks {
  /** The JSON lines, back to back. */
  bytes: Uint8Array;
  /** Byte offset of each label's line, and its end; equal for an absent label. */
  starts: Float64Array;
  ends: Float64Array;
  size: number;
}

/** Builds a store from JSON lines, growing one SharedArrayBuffer as lines come. */
export class ChunkStoreBuilder {
  private bytes: Uint8Array;
  private used = 0;
  private starts: Float64Array;
  private ends: Float64Array;
  private size = 0;

  /** `expectedBytes` and `labelCount` are hints (the segments' sizes, the next label). */
  constructor(expectedBytes: number, labelCount: number) {
    this.bytes = new Uint8Array(new SharedArrayBuffer(Math.max(expectedBytes, 1024)));
    this.starts = new Float64Array(new SharedArrayBuffer(8 * Math.max(labelCount, 16)));
    this.ends = new Float64Array(new SharedArrayBuffer(8 * Math.max(labelCount, 16)));
  }

  /** Add the chunk `label` whose JSON line is `line` (UTF-8, no newline). */
  add(label: number, line: Uint8Array): void {
    if (!Number.isSafeInteger(label) || label < 0) throw new AppError('INDEX_CORRUPT', `bad chunk label ${label}`);
    if (label >= this.starts.length) {
      const n = Math.max(label + 1, this.starts.length * 2);
      this.starts = grow(this.starts, n);
      this.ends = grow(this.ends, n);
    }
    if (this.used + line.length > this.bytes.length) {
      const next = new Uint8Array(new SharedArrayBuffer(Math.max(this.used + line.length, Math.ceil(this.bytes.length * 1.5))));
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
    if (this.ends[label]! > this.starts[label]!) throw new AppError('INDEX_CORRUPT', `chunk label ${label} appears twice`);
    this.bytes.set(line, this.used);
    this.starts[label] = this.used;
    this.used += line.length;
    this.ends[label] = this.used;
    this.size++;
  }

  /** The finished store (the builder is not used afterwards). */
  finish(): ChunkStore {
    return new ChunkStore({ bytes: this.bytes.subarray(0, this.used), starts: this.starts, ends: this.ends, size: this.size });
  }
}

function grow(a: Float64Array, n: number): Float64Array {
  const next = new Float64Array(new SharedArrayBuffer(8 * n));
  next.set(a);
  return next;
}

/** Chunks by label, read-only, parsed on demand from one shared UTF-8 buffer. */
export class ChunkStore implements ReadonlyMap<number, StoredChunk> {
  private readonly parsed = new BoundedCache<number, StoredChunk>(PARSED_KEPT);
  private readonly buffer: Buffer;

  constructor(private readonly data: SharedChunks) {
    this.buffer = Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength);
  }

  /** Open a store handed over by another thread (same memory, nothing copied). */
  static fromShared(data: SharedChunks): ChunkStore {
    return new ChunkStore(data);
  }

  /** The buffers, to hand to a worker thread. */
  shared(): SharedChunks {
    return this.data;
  }

  /** Bytes held by the store's buffers. */
  get byteLength(): number {
    return this.data.bytes.byteLength + this.data.starts.byteLength + this.data.ends.byteLength;
  }

  get size(): number {
    return this.data.size;
  }

  has(label: number): boolean {
    return Number.isInteger(label) && label >= 0 && label < this.data.starts.length && this.data.ends[label]! > this.data.starts[label]!;
  }

  get(label: number): StoredChunk | undefined {
    if (!this.has(label)) return undefined;
    return this.parsed.get(label, () => JSON.parse(this.buffer.toString('utf8', this.data.starts[label], this.data.ends[label])) as StoredChunk);
  }

  /** The JSON line of `label` as stored. */
  line(label: number): string | undefined {
    return this.has(label) ? this.buffer.toString('utf8', this.data.starts[label], this.data.ends[label]) : undefined;
  }

  *keys(): MapIterator<number> {
    const { starts, ends } = this.data;
    for (let label = 0; label < starts.length; label++) if (ends[label]! > starts[label]!) yield label;
  }

  *values(): MapIterator<StoredChunk> {
    for (const label of this.keys()) yield this.get(label)!;
  }

  *entries(): MapIterator<[number, StoredChunk]> {
    for (const label of this.keys()) yield [label, this.get(label)!];
  }

  [Symbol.iterator](): MapIterator<[number, StoredChunk]> {
    return this.entries();
  }

  forEach(fn: (value: StoredChunk, key: number, map: ReadonlyMap<number, StoredChunk>) => void): void {
    for (const [label, chunk] of this.entries()) fn(chunk, label, this);
  }
}
