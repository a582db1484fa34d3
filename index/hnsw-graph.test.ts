import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { randomUnitVectors, unit } from '../core/search/vector-index.contract.ts';
import { HnswGraph, readHnswGraph } from './hnsw-graph.ts';
import { HnswIndex } from './hnsw-index.ts';

const dir = mkdtempSync(join(tmpdir(), 'hnsw-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let saved = 0;

/** Vectors whose components are -1, 0 or 1: many of them, and many distances, are equal. */
function coarseVectors(count: number, dimension: number): Float32Array[] {
  return randomUnitVectors(count, dimension, 7).map((v) => {
    const c = Array.from(v, (x) => (x > 0.05 ? 1 : x < -0.05 ? -1 : 0));
    return c.some((x) => x !== 0) ? unit(...c) : new Float32Array(dimension);
  });
}

/** Build with hnswlib-node, save, and open the file both ways (the served path's arguments). */
async function both(vectors: Float32Array[], removed: number[] = []): Promise<{ native: HnswIndex; graph: HnswGraph }> {
  const dimension = vectors[0]!.length;
  const built = new HnswIndex(dimension, { capacity: 64 });
  vectors.forEach((v, i) => built.add(i * 2 + 1, v));
  for (const label of removed) built.remove(label);
  const path = join(dir, `graph-${saved++}.hnsw`);
  await built.save(path);
  const live = vectors.map((_, i) => i * 2 + 1).filter((l) => !removed.includes(l));
  const native = await HnswIndex.load(path, dimension, { liveLabels: live });
  const graph = new HnswGraph(await readHnswGraph(path), dimension, { liveCount: live.length, path });
  return { native, graph };
}

describe('HnswGraph', () => {
  // Each dimension takes another of hnswlib's distance paths: 16-float blocks, 4-float
  // blocks, either with a scalar tail, and the scalar loop alone.
  for (const dimension of [256, 36, 20, 12, 7, 3]) {
    it(`finds exactly what hnswlib-node finds, scores and ties included (dimension ${dimension})`, async () => {
      const vectors = [...randomUnitVectors(700, dimension, dimension), ...coarseVectors(700, dimension)];
      const { native, graph } = await both(vectors);
      expect(graph.size).toBe(native.size);
      const queries = [...randomUnitVectors(60, dimension, 1000 + dimension), ...coarseVectors(60, dimension).slice(0, 40), new Float32Array(dimension)];
      let compared = 0;
      for (const q of queries) {
        for (const k of [1, 10, 80]) {
          const expected = native.search(q, k);
          expect(graph.search(q, k)).toEqual(expected);
          compared += expected.length;
        }
      }
      expect(compared).toBeGreaterThan(queries.length * 80);
    });
  }

  it('skips deleted points the way hnswlib does (its search with deletions)', async () => {
    const vectors = [...randomUnitVectors(600, 32, 5), ...coarseVectors(600, 32)];
    const removed = Array.from({ length: 300 }, (_, i) => i * 8 + 1);
    const { native, graph } = await both(vectors, removed);
    expect(graph.size).toBe(vectors.length - removed.length);
    for (const q of randomUnitVectors(80, 32, 77)) {
      const found = graph.search(q, 20);
      expect(found).toEqual(native.search(q, 20));
      expect(found.some((h) => removed.includes(h.label))).toBe(false);
    }
  });

  it('searches the same bytes from a copy of the handle, as a worker thread does', async () => {
    const vectors = randomUnitVectors(300, 16, 3);
    const built = new HnswIndex(16);
    vectors.forEach((v, i) => built.add(i, v));
    const path = join(dir, 'handed.hnsw');
    await built.save(path);
    const shared = await readHnswGraph(path);
    const handed = structuredClone(shared);
    expect(handed.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const a = new HnswGraph(shared, 16, { liveCount: 300 });
    const b = new HnswGraph(handed, 16, { liveCount: 300 });
    expect(b.search(vectors[9]!, 5)).toEqual(a.search(vectors[9]!, 5));
    expect(a.search(vectors[9]!, 1)[0]!.label).toBe(9);
  });

  it('clamps k to the live count and returns nothing for k 0', async () => {
    const { graph } = await both(randomUnitVectors(10, 8, 2));
    expect(graph.search(unit(1, 0, 0, 0, 0, 0, 0, 0), 50)).toHaveLength(10);
    expect(graph.search(unit(1, 0, 0, 0, 0, 0, 0, 0), 0)).toEqual([]);
  });

  it('is read-only', async () => {
    const { graph } = await both(randomUnitVectors(5, 4, 2));
    expect(() => graph.add()).toThrowError(AppError);
    expect(() => graph.remove()).toThrowError(AppError);
  });

  it('refuses a missing file, a truncated one and a wrong dimension with AppErrors', async () => {
    const missing = await readHnswGraph(join(dir, 'missing.hnsw')).catch((e: unknown) => e);
    expect((missing as AppError).code).toBe('INDEX_NOT_FOUND');
    const built = new HnswIndex(8);
    randomUnitVectors(50, 8).forEach((v, i) => built.add(i, v));
    const path = join(dir, 'whole.hnsw');
    await built.save(path);
    const cut = join(dir, 'cut.hnsw');
    writeFileSync(cut, readFileSync(path).subarray(0, 2000));
    const truncated = await readHnswGraph(cut).catch((e: unknown) => e);
    expect((truncated as AppError).code).toBe('INDEX_CORRUPT');
    const shared = await readHnswGraph(path);
    expect(() => new HnswGraph(shared, 16, { liveCount: 50 })).toThrowError(/not 16-dimensional/);
    expect(() => new HnswGraph(shared, 8, { liveCount: 51 })).toThrowError(/fewer points/);
  });
});
