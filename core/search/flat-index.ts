/**
 * Brute-force VectorIndex: exact inner product over unit vectors (= cosine). The
 * reference implementation the HNSW adapter is checked against, and the test fake.
 */
import type { VectorIndex } from '../ports.ts';
import { AppError } from '../errors.ts';

/** Throws AppError INVALID_ARGUMENT unless `vector` has `dimension` components. */
export function assertDimension(vector: Float32Array, dimension: number): void {
  if (vector.length !== dimension) {
    throw new AppError('INVALID_ARGUMENT', `vector has ${vector.length} components, index expects ${dimension}`);
  }
}

/** Exact nearest neighbours by inner product; scores are cosine similarities for unit vectors. */
export class FlatIndex implements VectorIndex {
  private readonly vectors = new Map<number, Float32Array>();

  constructor(readonly dimension: number) {
    if (!Number.isInteger(dimension) || dimension < 1) throw new AppError('INVALID_ARGUMENT', `bad dimension ${dimension}`);
  }

  get size(): number {
    return this.vectors.size;
  }

  /** Whether `label` is stored. */
  has(label: number): boolean {
    return this.vectors.has(label);
  }

  /** Adds or replaces the vector of `label` (a copy is kept). */
  add(label: number, vector: Float32Array): void {
    assertDimension(vector, this.dimension);
    this.vectors.set(label, Float32Array.from(vector));
  }

  /** Removes `label`; unknown labels are ignored. */
  remove(label: number): void {
    this.vectors.delete(label);
  }

  /** The k best labels, best first; k larger than the index returns everything, k ≤ 0 nothing. */
  search(query: Float32Array, k: number): Array<{ label: number; score: number }> {
    assertDimension(query, this.dimension);
    const limit = Math.min(Math.floor(k), this.vectors.size);
    if (limit <= 0) return [];
    const hits: Array<{ label: number; score: number }> = [];
    for (const [label, v] of this.vectors) {
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i]! * query[i]!;
      hits.push({ label, score: dot });
    }
    hits.sort((a, b) => b.score - a.score || a.label - b.label);
    return hits.slice(0, limit);
  }
}
