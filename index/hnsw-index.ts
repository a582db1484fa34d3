/**
 * VectorIndex adapter over hnswlib-node. Vectors are unit length (Embedder contract), so
 * the 'ip' space is used: hnswlib's distance is 1 − u·v and the score returned is
 * 1 − distance = u·v, the cosine similarity (higher is more similar). Unlike the 'cosine'
 * space, 'ip' leaves the all-zero vector usable: it scores 0 against everything.
 */
import hnswlib from 'hnswlib-node';
import { AppError } from '../core/errors.ts';
import type { VectorIndex } from '../core/ports.ts';
import { assertDimension } from '../core/search/flat-index.ts';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** Graph parameters. M and efConstruction are fixed at creation (and saved in the file). */
export interface HnswOptions {
  M: number;
  efConstruction: number;
  /** Lower bound of the search beam; each search uses max(efSearch, k). */
  efSearch: number;
  /** Initial capacity; the index grows (doubling) as needed. */
  capacity: number;
  seed: number;
}

export const HNSW_DEFAULTS: Readonly<HnswOptions> = Object.freeze({ M: 16, efConstruction: 100, efSearch: 64, capacity: 1024, seed: 100 });

/** Approximate nearest-neighbour index; labels are integers chosen by the caller. */
export class HnswIndex implements VectorIndex {
  readonly dimension: number;
  private readonly efSearch: number;
  private readonly live: Set<number>;
  private readonly index: Hnsw;

  /** A new empty index. (`loaded` is for {@link HnswIndex.load} only.) */
  constructor(dimension: number, opts: Partial<HnswOptions> = {}, loaded?: { index: Hnsw; live: Set<number> }) {
    if (!Number.isInteger(dimension) || dimension < 1) throw new AppError('INVALID_ARGUMENT', `bad dimension ${dimension}`);
    const o = { ...HNSW_DEFAULTS, ...opts };
    this.dimension = dimension;
    this.efSearch = o.efSearch;
    if (loaded) {
      this.index = loaded.index;
      this.live = loaded.live;
    } else {
      this.index = new HierarchicalNSW('ip', dimension);
      this.index.initIndex({ maxElements: Math.max(16, o.capacity), m: o.M, efConstruction: o.efConstruction, randomSeed: o.seed });
      this.live = new Set();
    }
  }

  /**
   * Open an index written by {@link HnswIndex.save}. `dimension` must be the one it was
   * built with (the manifest records it). Throws AppError INDEX_NOT_FOUND / INDEX_CORRUPT.
   */
  static async load(path: string, dimension: number, opts: Partial<HnswOptions> & { liveLabels?: Iterable<number> } = {}): Promise<HnswIndex> {
    const index = new HierarchicalNSW('ip', dimension);
    try {
      await index.readIndex(path);
    } catch (err) {
      const missing = err instanceof Error && /not (be )?(found|open)|no such file|cannot open/i.test(err.message);
      throw new AppError(missing ? 'INDEX_NOT_FOUND' : 'INDEX_CORRUPT', `cannot read HNSW index ${path}`, { cause: err });
    }
    if (index.getNumDimensions() !== dimension) throw new AppError('INDEX_CORRUPT', `HNSW index ${path} is not ${dimension}-dimensional`);
    if (opts.liveLabels) {
      // The caller's store knows which labels are live: trust it and skip the O(n·dim) scan.
      const live = new Set(opts.liveLabels);
      if (live.size > index.getCurrentCount()) throw new AppError('INDEX_CORRUPT', `HNSW index ${path} has fewer points than live labels`);
      return new HnswIndex(dimension, opts, { index, live });
    }
    // The file keeps deleted labels (marked); getPoint refuses those, which tells them apart.
    const live = new Set<number>();
    for (const label of index.getIdsList()) {
      try {
        const point = index.getPoint(label);
        if (point.length !== dimension) throw new AppError('INDEX_CORRUPT', `HNSW index ${path}: point ${label} has ${point.length} components`);
        live.add(label);
      } catch (err) {
        if (err instanceof AppError) throw err;
      }
    }
    return new HnswIndex(dimension, opts, { index, live });
  }

  get size(): number {
    return this.live.size;
  }

  /** Current capacity (grows automatically). */
  get capacity(): number {
    return this.index.getMaxElements();
  }

  has(label: number): boolean {
    return this.live.has(label);
  }

  /** Adds `label`, or replaces its vector when present (or previously removed). */
  add(label: number, vector: Float32Array): void {
    assertDimension(vector, this.dimension);
    if (!Number.isSafeInteger(label) || label < 0) throw new AppError('INVALID_ARGUMENT', `label must be a non-negative integer, got ${label}`);
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) this.index.resizeIndex(this.index.getMaxElements() * 2);
    this.index.addPoint(Array.from(vector), label);
    this.live.add(label);
  }

  /** Marks `label` deleted; it no longer appears in results. Unknown labels are ignored. */
  remove(label: number): void {
    if (!this.live.delete(label)) return;
    this.index.markDelete(label);
  }

  /** Up to k labels, best first, with score = inner product; k beyond the size is clamped. */
  search(query: Float32Array, k: number): Array<{ label: number; score: number }> {
    assertDimension(query, this.dimension);
    const limit = Math.min(Math.floor(k), this.live.size);
    if (limit <= 0) return [];
    this.index.setEf(Math.max(this.efSearch, limit));
    const { neighbors, distances } = this.index.searchKnn(Array.from(query), limit);
    return neighbors.map((label, i) => ({ label, score: 1 - distances[i]! }));
  }

  /** Write the index (deleted marks included) to one file. */
  async save(path: string): Promise<void> {
    await this.index.writeIndex(path);
  }
}
