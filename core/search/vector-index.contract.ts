/**
 * The VectorIndex port's contract, run against every adapter (Hono's `common.case.test.ts`
 * pattern): call {@link runVectorIndexContract} from each adapter's test file.
 */
import { describe, expect, it } from 'vitest';
import type { VectorIndex } from '../ports.ts';
import { AppError } from '../errors.ts';
import { FlatIndex } from './flat-index.ts';

/** Optional capabilities of an adapter that the contract also checks. */
export interface VectorIndexContractHooks {
  /** Save the index and open the saved copy (for adapters with persistence). */
  persist?: (index: VectorIndex) => Promise<VectorIndex>;
}

/** Unit vector from components. */
export function unit(...xs: number[]): Float32Array {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs, (x) => x / n);
}

/** Deterministic pseudo-random unit vectors. */
export function randomUnitVectors(count: number, dimension: number, seed = 42): Float32Array[] {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
  return Array.from({ length: count }, () => unit(...Array.from({ length: dimension }, rnd)));
}

function expectInvalidArgument(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(AppError);
  expect((thrown as AppError).code).toBe('INVALID_ARGUMENT');
}

/** Registers the contract tests for one adapter; `factory(dimension)` returns a new empty index. */
export function runVectorIndexContract(name: string, factory: (dimension: number) => VectorIndex, hooks: VectorIndexContractHooks = {}): void {
  describe(`VectorIndex contract: ${name}`, () => {
    it('reports its dimension and counts stored vectors', () => {
      const index = factory(3);
      expect(index.dimension).toBe(3);
      expect(index.size).toBe(0);
      index.add(1, unit(1, 0, 0));
      index.add(2, unit(0, 1, 0));
      expect(index.size).toBe(2);
    });

    it('finds a stored vector first, with score ≈ 1, when queried with it', () => {
      const index = factory(3);
      index.add(10, unit(1, 0, 0));
      index.add(11, unit(0, 1, 0));
      index.add(12, unit(1, 1, 0));
      const [best] = index.search(unit(0, 1, 0), 1);
      expect(best?.label).toBe(11);
      expect(best?.score).toBeCloseTo(1, 5);
    });

    it('ranks by similarity: higher score means more similar, scores are cosines', () => {
      const index = factory(2);
      // Angles 0°, 30°, 60°, 90°, 180° from the query direction (1, 0).
      const angles = [0, 30, 60, 90, 180];
      angles.forEach((deg, label) => index.add(label, unit(Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180))));
      const hits = index.search(unit(1, 0), 5);
      expect(hits.map((h) => h.label)).toEqual([0, 1, 2, 3, 4]);
      const expected = [1, Math.cos(Math.PI / 6), 0.5, 0, -1];
      hits.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!, 5));
    });

    it('returns every stored vector, best first, when k is larger than the store', () => {
      const index = factory(3);
      index.add(1, unit(1, 0, 0));
      index.add(2, unit(1, 1, 0));
      const hits = index.search(unit(1, 0, 0), 50);
      expect(hits.map((h) => h.label)).toEqual([1, 2]);
    });

    it('returns nothing from an empty index or for k = 0', () => {
      const index = factory(3);
      expect(index.search(unit(1, 0, 0), 5)).toEqual([]);
      index.add(1, unit(1, 0, 0));
      expect(index.search(unit(1, 0, 0), 0)).toEqual([]);
    });

    it('never returns a removed label, and still finds the others', () => {
      const index = factory(3);
      index.add(1, unit(1, 0, 0));
      index.add(2, unit(0.9, 0.1, 0));
      index.add(3, unit(0, 0, 1));
      index.remove(1);
      index.remove(99);
      expect(index.size).toBe(2);
      const hits = index.search(unit(1, 0, 0), 3);
      expect(hits.map((h) => h.label)).toEqual([2, 3]);
    });

    it('replaces the vector when a label is added again, also after removal', () => {
      const index = factory(2);
      index.add(7, unit(1, 0));
      index.add(7, unit(0, 1));
      expect(index.size).toBe(1);
      expect(index.search(unit(0, 1), 1)[0]?.score).toBeCloseTo(1, 5);
      index.remove(7);
      index.add(7, unit(1, 0));
      expect(index.search(unit(1, 0), 1)).toEqual([{ label: 7, score: expect.closeTo(1, 5) }]);
    });

    it('rejects vectors and queries of the wrong dimension with INVALID_ARGUMENT', () => {
      const index = factory(3);
      expectInvalidArgument(() => index.add(1, unit(1, 0)));
      index.add(1, unit(1, 0, 0));
      expectInvalidArgument(() => index.search(unit(1, 0, 0, 0), 1));
    });

    it('agrees with exact search on 500 random vectors (recall@10 ≥ 0.9)', () => {
      const dim = 16;
      const index = factory(dim);
      const exact = new FlatIndex(dim);
      randomUnitVectors(500, dim).forEach((v, label) => {
        index.add(label, v);
        exact.add(label, v);
      });
      let found = 0;
      const queries = randomUnitVectors(20, dim, 7);
      for (const q of queries) {
        const truth = new Set(exact.search(q, 10).map((h) => h.label));
        const hits = index.search(q, 10);
        for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score + 1e-6);
        found += hits.filter((h) => truth.has(h.label)).length;
      }
      expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.9);
    });

    if (hooks.persist) {
      const persist = hooks.persist;
      it('keeps vectors, scores and removals across a save/load round trip', async () => {
        const index = factory(3);
        index.add(1, unit(1, 0, 0));
        index.add(2, unit(1, 1, 0));
        index.add(3, unit(0, 0, 1));
        index.remove(3);
        const before = index.search(unit(1, 0.2, 0), 5);
        const reopened = await persist(index);
        expect(reopened.dimension).toBe(3);
        expect(reopened.size).toBe(2);
        const after = reopened.search(unit(1, 0.2, 0), 5);
        expect(after.map((h) => h.label)).toEqual([1, 2]);
        after.forEach((h, i) => expect(h.score).toBeCloseTo(before[i]!.score, 6));
        reopened.add(4, unit(0, 1, 0));
        expect(reopened.search(unit(0, 1, 0), 1)[0]?.label).toBe(4);
      });
    }
  });
}
