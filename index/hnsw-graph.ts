/**
 * A read-only HNSW graph searched in JavaScript over the file hnswlib writes
 * (`vectors.hnsw`), held in one SharedArrayBuffer. The served index uses it instead of
 * hnswlib-node: the native library keeps its graph in memory of its own per instance, so
 * each answer worker thread held a copy (docs/SCALING.md, "Memory"); this graph is read
 * once per process and every thread searches the same bytes.
 *
 * The search is hnswlib's `searchKnn` step by step (hnswlib-node 3.0.0, hnswalg.h), so
 * results are the ones the native index gives, ties included:
 * - distances are hnswlib's inner-product distance as its build computes it (on x86-64,
 *   node-gyp's default flags: SSE without AVX, four float lanes summed lane by lane, then
 *   a scalar tail; elsewhere the scalar loop), each operation rounded to float32 with
 *   Math.fround. An hnswlib-node compiled with -mavx would differ in the last bit of
 *   some distances, and so at most in the order of near-ties;
 * - the candidate queues are std::priority_queue with libstdc++'s heap algorithms, so
 *   equal distances leave the queues in the same order;
 * - the k results are sorted by (distance, label), as hnswlib-node's result queue does.
 *
 * Building and incremental updates still use hnswlib-node (index/hnsw-index.ts).
 */
import { open } from 'node:fs/promises';
import { AppError } from '../core/errors.ts';
import type { VectorIndex } from '../core/ports.ts';
import { assertDimension } from '../core/search/flat-index.ts';
import { HNSW_DEFAULTS } from './hnsw-index.ts';

/** What another thread needs to search the same graph (posting it shares the memory). */
export interface SharedHnswGraph {
  /** The file, as hnswlib wrote it. */
  bytes: Uint8Array;
  /** Byte offset in `bytes` of each element's upper-level link lists; -1 when it has none. */
  upper: Float64Array;
}

/** Size of hnswlib's file header (saveIndex: 10 size_t, one int, one uint32, one double). */
const HEADER_BYTES = 96;
/** Byte 2 of an element's level-0 list header marks it deleted (hnswlib DELETE_MARK). */
const DELETE_MARK = 0x01;
const FLOAT_MAX = 3.4028234663852886e38;

interface Layout {
  count: number;
  sizePerElement: number;
  labelOffset: number;
  dataOffset: number;
  level0Offset: number;
  maxLevel: number;
  entryPoint: number;
  sizeLinksPerElement: number;
  dimension: number;
}

function corrupt(path: string, why: string): AppError {
  return new AppError('INDEX_CORRUPT', `HNSW index ${path}: ${why}`);
}

function readLayout(bytes: Uint8Array, path: string): Layout {
  if (bytes.byteLength < HEADER_BYTES) throw corrupt(path, 'truncated header');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = (at: number) => Number(v.getBigUint64(at, true));
  const layout = {
    level0Offset: size(0),
    count: size(16),
    sizePerElement: size(24),
    labelOffset: size(32),
    dataOffset: size(40),
    maxLevel: v.getInt32(48, true),
    entryPoint: v.getUint32(52, true),
    sizeLinksPerElement: size(56) * 4 + 4,
    dimension: (size(32) - size(40)) / 4,
  };
  const aligned = [layout.level0Offset, layout.sizePerElement, layout.labelOffset, layout.dataOffset].every((n) => n % 4 === 0);
  if (!aligned || !Number.isInteger(layout.dimension) || layout.labelOffset + 8 > layout.sizePerElement) throw corrupt(path, 'unsupported layout');
  if (HEADER_BYTES + layout.count * layout.sizePerElement > bytes.byteLength) throw corrupt(path, 'truncated level 0');
  return layout;
}

/** Where each element's upper-level lists start, checking the file ends where they do (as hnswlib's loadIndex). */
function indexUpperLevels(bytes: Uint8Array, layout: Layout, path: string): Float64Array {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const upper = new Float64Array(new SharedArrayBuffer(8 * Math.max(layout.count, 1))).fill(-1);
  let at = HEADER_BYTES + layout.count * layout.sizePerElement;
  for (let i = 0; i < layout.count; i++) {
    if (at + 4 > bytes.byteLength) throw corrupt(path, 'truncated link lists');
    const size = v.getUint32(at, true);
    at += 4;
    if (size > 0) {
      if (size % layout.sizeLinksPerElement !== 0) throw corrupt(path, `bad link list size ${size}`);
      upper[i] = at;
      at += size;
    }
  }
  if (at !== bytes.byteLength) throw corrupt(path, 'unexpected length');
  return upper.subarray(0, layout.count);
}

/**
 * Read a `vectors.hnsw` file into shared memory, to open with {@link HnswGraph} here and
 * in other threads. Throws AppError INDEX_NOT_FOUND / INDEX_CORRUPT.
 */
export async function readHnswGraph(path: string): Promise<SharedHnswGraph> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (err) {
    throw new AppError('INDEX_NOT_FOUND', `cannot read HNSW index ${path}`, { cause: err });
  }
  try {
    const { size } = await file.stat();
    // Straight into the shared buffer: no second copy of a file that may be gigabytes.
    const bytes = new Uint8Array(new SharedArrayBuffer(Math.max(size, 4)), 0, size);
    for (let at = 0; at < size;) {
      const { bytesRead } = await file.read(bytes, at, Math.min(size - at, 1 << 26), at);
      if (bytesRead === 0) throw corrupt(path, 'file shrank while read');
      at += bytesRead;
    }
    return { bytes, upper: indexUpperLevels(bytes, readLayout(bytes, path), path) };
  } finally {
    await file.close();
  }
}

/**
 * A max-heap of (key, id) ordered by key only, with libstdc++'s push_heap/pop_heap, so
 * that entries with equal keys come out in the order std::priority_queue gives them.
 */
class StdHeap {
  keys: number[] = [];
  ids: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  topId(): number {
    return this.ids[0]!;
  }

  push(key: number, id: number): void {
    this.keys.push(key);
    this.ids.push(id);
    this.siftUp(this.keys.length - 1, 0, key, id);
  }

  pop(): void {
    const len = this.keys.length - 1;
    if (len > 0) {
      const key = this.keys[len]!;
      const id = this.ids[len]!;
      this.keys[len] = this.keys[0]!;
      this.ids[len] = this.ids[0]!;
      this.adjust(len, key, id);
    }
    this.keys.pop();
    this.ids.pop();
  }

  /** std::__push_heap */
  private siftUp(hole: number, top: number, key: number, id: number): void {
    const { keys, ids } = this;
    let parent = (hole - 1) >> 1;
    while (hole > top && keys[parent]! < key) {
      keys[hole] = keys[parent]!;
      ids[hole] = ids[parent]!;
      hole = parent;
      parent = (hole - 1) >> 1;
    }
    keys[hole] = key;
    ids[hole] = id;
  }

  /** std::__adjust_heap from the root over the first `len` entries. */
  private adjust(len: number, key: number, id: number): void {
    const { keys, ids } = this;
    let hole = 0;
    let child = 0;
    while (child < ((len - 1) >> 1)) {
      child = 2 * (child + 1);
      if (keys[child]! < keys[child - 1]!) child--;
      keys[hole] = keys[child]!;
      ids[hole] = ids[child]!;
      hole = child;
    }
    if ((len & 1) === 0 && child === ((len - 2) >> 1)) {
      child = 2 * (child + 1);
      keys[hole] = keys[child - 1]!;
      ids[hole] = ids[child - 1]!;
      hole = child - 1;
    }
    this.siftUp(hole, 0, key, id);
  }
}

/** A read-only VectorIndex over a {@link SharedHnswGraph}; scores are inner products, as HnswIndex's. */
export class HnswGraph implements VectorIndex {
  readonly dimension: number;
  readonly size: number;
  private readonly layout: Layout;
  private readonly u32: Uint32Array;
  private readonly f32: Float32Array;
  private readonly upper: Float64Array;
  private readonly efSearch: number;
  private readonly bareBone: boolean;
  /** Elements summed in float lanes by hnswlib's SSE distance; the rest is its scalar tail. */
  private readonly laned: number;
  private visited: Uint16Array | undefined;
  private visitTag = 0;

  /**
   * Open `graph` (read here or handed over by another thread). `liveCount` is the number
   * of live labels (the caller's store knows them, as for HnswIndex.load).
   */
  constructor(graph: SharedHnswGraph, dimension: number, opts: { liveCount: number; efSearch?: number; path?: string }) {
    const path = opts.path ?? 'vectors.hnsw';
    this.layout = readLayout(graph.bytes, path);
    if (this.layout.dimension !== dimension) throw new AppError('INDEX_CORRUPT', `HNSW index ${path} is not ${dimension}-dimensional`);
    if (opts.liveCount > this.layout.count) throw new AppError('INDEX_CORRUPT', `HNSW index ${path} has fewer points than live labels`);
    if (graph.upper.length !== this.layout.count) throw corrupt(path, 'link list offsets do not match');
    const { buffer, byteOffset, byteLength } = graph.bytes;
    this.u32 = new Uint32Array(buffer, byteOffset, Math.floor(byteLength / 4));
    this.f32 = new Float32Array(buffer, byteOffset, Math.floor(byteLength / 4));
    this.upper = graph.upper;
    this.dimension = dimension;
    this.size = opts.liveCount;
    this.efSearch = opts.efSearch ?? HNSW_DEFAULTS.efSearch;
    // hnswlib vectorizes with SSE on x86-64 only; elsewhere its distance is the scalar loop.
    this.laned = process.arch !== 'x64' ? 0 : dimension % 4 === 0 ? dimension : dimension > 16 ? dimension - (dimension % 16) : dimension > 4 ? dimension - (dimension % 4) : 0;
    let deleted = 0;
    for (let i = 0; i < this.layout.count; i++) if (this.isDeleted(i)) deleted++;
    this.bareBone = deleted === 0;
  }

  // Word indexes are byte offsets / 4 (every offset is a multiple of 4), not `>> 2`: a
  // graph past 2 GB (about 1.8M chunks at 256 dimensions) would overflow 32-bit shifts.

  /** Word index of element `id`'s level-0 list header. */
  private level0(id: number): number {
    return (HEADER_BYTES + id * this.layout.sizePerElement + this.layout.level0Offset) / 4;
  }

  private isDeleted(id: number): boolean {
    return ((this.u32[this.level0(id)]! >>> 16) & DELETE_MARK) !== 0;
  }

  private label(id: number): number {
    return this.u32[(HEADER_BYTES + id * this.layout.sizePerElement + this.layout.labelOffset) / 4]!;
  }

  /** hnswlib's InnerProductDistance (SSE build) between `q` and element `id`. */
  private distance(q: Float32Array, id: number): number {
    const f = this.f32;
    const at = (HEADER_BYTES + id * this.layout.sizePerElement + this.layout.dataOffset) / 4;
    const fr = Math.fround;
    const laned = this.laned;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < laned; j += 4) {
      s0 = fr(s0 + fr(q[j]! * f[at + j]!));
      s1 = fr(s1 + fr(q[j + 1]! * f[at + j + 1]!));
      s2 = fr(s2 + fr(q[j + 2]! * f[at + j + 2]!));
      s3 = fr(s3 + fr(q[j + 3]! * f[at + j + 3]!));
    }
    let sum = fr(fr(fr(s0 + s1) + s2) + s3);
    if (laned < this.dimension) {
      let tail = 0;
      for (let j = laned; j < this.dimension; j++) tail = fr(tail + fr(q[j]! * f[at + j]!));
      sum = fr(sum + tail);
    }
    return fr(1 - sum);
  }

  /** Up to k labels, best first, with score = inner product; k beyond the size is clamped. */
  search(query: Float32Array, k: number): Array<{ label: number; score: number }> {
    assertDimension(query, this.dimension);
    const limit = Math.min(Math.floor(k), this.size);
    if (limit <= 0 || this.layout.count === 0) return [];
    const q = query instanceof Float32Array ? query : Float32Array.from(query);
    const u32 = this.u32;
    let current = this.layout.entryPoint;
    let currentDist = this.distance(q, current);
    for (let level = this.layout.maxLevel; level > 0; level--) {
      let changed = true;
      while (changed) {
        changed = false;
        const list = (this.upper[current]! + (level - 1) * this.layout.sizeLinksPerElement) / 4;
        const n = u32[list]! & 0xffff;
        for (let i = 1; i <= n; i++) {
          const candidate = u32[list + i]!;
          const d = this.distance(q, candidate);
          if (d < currentDist) {
            currentDist = d;
            current = candidate;
            changed = true;
          }
        }
      }
    }
    const top = this.searchBaseLayer(current, q, Math.max(this.efSearch, limit));
    while (top.size > limit) top.pop();
    const found: Array<{ dist: number; label: number }> = [];
    for (; top.size > 0; top.pop()) found.push({ dist: top.topKey(), label: this.label(top.topId()) });
    found.sort((a, b) => a.dist - b.dist || a.label - b.label);
    return found.map(({ dist, label }) => ({ label, score: 1 - dist }));
  }

  /** hnswlib's searchBaseLayerST, without filter or stop condition. */
  private searchBaseLayer(entry: number, q: Float32Array, ef: number): StdHeap {
    const visited = this.nextVisited();
    const tag = this.visitTag;
    const u32 = this.u32;
    const bare = this.bareBone;
    const top = new StdHeap();
    const candidates = new StdHeap();
    let lowerBound: number;
    if (bare || !this.isDeleted(entry)) {
      const d = this.distance(q, entry);
      lowerBound = d;
      top.push(d, entry);
      candidates.push(-d, entry);
    } else {
      lowerBound = FLOAT_MAX;
      candidates.push(-lowerBound, entry);
    }
    visited[entry] = tag;
    while (candidates.size > 0) {
      const candidateDist = -candidates.topKey();
      if (candidateDist > lowerBound && (bare || top.size === ef)) break;
      const node = candidates.topId();
      candidates.pop();
      const list = this.level0(node);
      const n = u32[list]! & 0xffff;
      for (let j = 1; j <= n; j++) {
        const id = u32[list + j]!;
        if (visited[id] === tag) continue;
        visited[id] = tag;
        const d = this.distance(q, id);
        if (top.size < ef || lowerBound > d) {
          candidates.push(-d, id);
          if (bare || !this.isDeleted(id)) top.push(d, id);
          while (top.size > ef) top.pop();
          if (top.size > 0) lowerBound = top.topKey();
        }
      }
    }
    return top;
  }

  /** The visited marks, with a fresh tag (cleared when the 16-bit tag wraps, as hnswlib's VisitedList). */
  private nextVisited(): Uint16Array {
    this.visited ??= new Uint16Array(this.layout.count);
    this.visitTag = (this.visitTag + 1) & 0xffff;
    if (this.visitTag === 0) {
      this.visited.fill(0);
      this.visitTag = 1;
    }
    return this.visited;
  }

  add(): void {
    throw new AppError('INTERNAL', 'a served HNSW graph is read-only');
  }

  remove(): void {
    throw new AppError('INTERNAL', 'a served HNSW graph is read-only');
  }
}
