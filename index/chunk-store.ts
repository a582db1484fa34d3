/**
 * The chunks of a served index version in one compact, read-only store: each chunk
 * segment's JSON lines as the segment file holds them, one UTF-8 buffer per segment, with
 * the segment, start and end of each label's line. A chunk is parsed when asked for, and
 * the parsed objects most recently asked for are kept, so a question's chunks are parsed
 * once and stay the same objects (the answerer memoizes by chunk).
 *
 * The buffers are SharedArrayBuffers: answer worker threads are handed the same memory
 * (`shared()`, then `ChunkStore.fromShared` in the thread) instead of a copy of every
 * chunk object. A segment is immutable once read, so the next version of the index shares
 * the segments it did not change with this one (index/served-state.ts): opening it reads
 * only the new segments.
 */
import { AppError } from '../core/errors.ts';
import { BoundedCache } from '../core/bounded-cache.ts';
import type { StoredChunk } from './index-state.ts';

/** Parsed chunks kept per store (at least the answerer's own memo of chunk term sets). */
const PARSED_KEPT = 16_384;

/** What a worker thread needs to open the same store (posting it shares the memory). */
export interface SharedChunks {
  /** Each segment's JSON lines, as its file holds them. */
  segments: Uint8Array[];
  /** Per label: its segment, or −1 for an absent label. */
  segmentOf: Int32Array;
  /** Per label: byte offset of its line in its segment, and its end. */
  starts: Uint32Array;
  ends: Uint32Array;
  size: number;
}

/** The lines of one segment: each one's label, start and end (byte offsets). */
export interface SegmentLines {
  labels: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

const NEWLINE = 0x0a;
const CLOSE_BRACE = 0x7d;
const LABEL_KEY = Buffer.from('"label":', 'ascii');

/**
 * The label of the JSON line bytes[start, end) read from its end when the line ends with
 * `,"label":<digits>}` (as the writer writes it): in valid JSON that is the top-level key,
 * and the last one, which is the one JSON.parse keeps. Undefined otherwise.
 */
function labelAtEnd(bytes: Uint8Array, start: number, end: number): number | undefined {
  const close = end - 1;
  if (close <= start || bytes[close] !== CLOSE_BRACE) return undefined;
  let value = 0;
  let scale = 1;
  let at = close - 1;
  while (at >= start && bytes[at]! >= 0x30 && bytes[at]! <= 0x39 && close - at <= 15) {
    value += (bytes[at]! - 0x30) * scale;
    scale *= 10;
    at--;
  }
  const digits = close - 1 - at;
  if (digits === 0 || digits > 15 || (digits > 1 && bytes[at + 1] === 0x30)) return undefined;
  const keyStart = at + 1 - LABEL_KEY.length;
  if (keyStart - 1 < start) return undefined;
  for (let i = 0; i < LABEL_KEY.length; i++) if (bytes[keyStart + i] !== LABEL_KEY[i]) return undefined;
  const before = bytes[keyStart - 1];
  return before === 0x2c || before === 0x7b ? value : undefined;
}

/**
 * Where each line of a segment's bytes is, and its chunk's label. The label is read from
 * the line's end where the writer put it; a line written otherwise is parsed.
 */
export function scanSegment(bytes: Uint8Array): SegmentLines {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const labels: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let start = 0; start < buffer.length;) {
    let end = buffer.indexOf(NEWLINE, start);
    if (end < 0) end = buffer.length;
    let last = end;
    if (last > start && buffer[last - 1] === 0x0d) last--;
    if (last > start) {
      let label = labelAtEnd(buffer, start, last);
      if (label === undefined) ({ label } = JSON.parse(buffer.toString('utf8', start, last)) as Pick<StoredChunk, 'label'>);
      if (!Number.isSafeInteger(label) || label < 0 || label > 0xffff_ffff) throw new AppError('INDEX_CORRUPT', `bad chunk label ${label}`);
      labels.push(label);
      starts.push(start);
      ends.push(last);
    }
    start = end + 1;
  }
  return { labels: Uint32Array.from(labels), starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** Builds a store from segments (their bytes and where their lines are). */
export class ChunkStoreBuilder {
  private readonly segments: Uint8Array[] = [];
  private segmentOf: Int32Array;
  private starts: Uint32Array;
  private ends: Uint32Array;
  private size = 0;

  /** `labelCount` is a hint (the next label). */
  constructor(labelCount: number) {
    const n = Math.max(labelCount, 16);
    this.segmentOf = new Int32Array(new SharedArrayBuffer(4 * n)).fill(-1);
    this.starts = new Uint32Array(new SharedArrayBuffer(4 * n));
    this.ends = new Uint32Array(new SharedArrayBuffer(4 * n));
  }

  /** Add a segment: `bytes` (a SharedArrayBuffer's view, kept as it is) and its lines. */
  addSegment(bytes: Uint8Array, lines: SegmentLines = scanSegment(bytes)): void {
    const segment = this.segments.length;
    this.segments.push(bytes);
    const max = lines.labels.reduce((m, l) => Math.max(m, l), -1);
    if (max >= this.segmentOf.length) this.grow(Math.max(max + 1, this.segmentOf.length * 2));
    for (let i = 0; i < lines.labels.length; i++) {
      const label = lines.labels[i]!;
      if (this.segmentOf[label]! >= 0) throw new AppError('INDEX_CORRUPT', `chunk label ${label} appears twice`);
      this.segmentOf[label] = segment;
      this.starts[label] = lines.starts[i]!;
      this.ends[label] = lines.ends[i]!;
      this.size++;
    }
  }

  /** The finished store (the builder is not used afterwards). */
  finish(): ChunkStore {
    return new ChunkStore({ segments: this.segments, segmentOf: this.segmentOf, starts: this.starts, ends: this.ends, size: this.size });
  }

  private grow(n: number): void {
    const segmentOf = new Int32Array(new SharedArrayBuffer(4 * n)).fill(-1);
    segmentOf.set(this.segmentOf);
    this.segmentOf = segmentOf;
    const starts = new Uint32Array(new SharedArrayBuffer(4 * n));
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Uint32Array(new SharedArrayBuffer(4 * n));
    ends.set(this.ends);
    this.ends = ends;
  }
}

/** A copy of `bytes` in a SharedArrayBuffer (for stores built from lines in memory). */
export function sharedBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  out.set(bytes);
  return out;
}

/** Chunks by label, read-only, parsed on demand from shared UTF-8 segment buffers. */
export class ChunkStore implements ReadonlyMap<number, StoredChunk> {
  private readonly parsed = new BoundedCache<number, StoredChunk>(PARSED_KEPT);
  private readonly buffers: Buffer[];

  constructor(private readonly data: SharedChunks) {
    this.buffers = data.segments.map((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength));
  }

  /** Open a store handed over by another thread (same memory, nothing copied). */
  static fromShared(data: SharedChunks): ChunkStore {
    return new ChunkStore(data);
  }

  /** The buffers, to hand to a worker thread. */
  shared(): SharedChunks {
    return this.data;
  }

  /** Bytes held by the store's buffers (segments shared with another version included). */
  get byteLength(): number {
    const { segments, segmentOf, starts, ends } = this.data;
    return segments.reduce((n, s) => n + s.byteLength, 0) + segmentOf.byteLength + starts.byteLength + ends.byteLength;
  }

  get size(): number {
    return this.data.size;
  }

  has(label: number): boolean {
    return Number.isInteger(label) && label >= 0 && label < this.data.segmentOf.length && this.data.segmentOf[label]! >= 0;
  }

  get(label: number): StoredChunk | undefined {
    if (!this.has(label)) return undefined;
    return this.parsed.get(label, () => JSON.parse(this.line(label)!) as StoredChunk);
  }

  /** The JSON line of `label` as stored. */
  line(label: number): string | undefined {
    if (!this.has(label)) return undefined;
    return this.buffers[this.data.segmentOf[label]!]!.toString('utf8', this.data.starts[label], this.data.ends[label]);
  }

  *keys(): MapIterator<number> {
    const { segmentOf } = this.data;
    for (let label = 0; label < segmentOf.length; label++) if (segmentOf[label]! >= 0) yield label;
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
