import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { runVectorIndexContract, randomUnitVectors, unit } from '../core/search/vector-index.contract.ts';
import { HnswIndex } from './hnsw-index.ts';

const dir = mkdtempSync(join(tmpdir(), 'hnsw-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let saved = 0;

runVectorIndexContract('HnswIndex', (dimension) => new HnswIndex(dimension, { capacity: 4 }), {
  persist: async (index) => {
    const path = join(dir, `index-${saved++}.hnsw`);
    await (index as HnswIndex).save(path);
    return HnswIndex.load(path, index.dimension);
  },
});

describe('HnswIndex', () => {
  it('grows past its initial capacity', () => {
    const index = new HnswIndex(8, { capacity: 16 });
    const vectors = randomUnitVectors(100, 8);
    vectors.forEach((v, label) => index.add(label * 3, v));
    expect(index.size).toBe(100);
    expect(index.capacity).toBeGreaterThanOrEqual(100);
    expect(index.search(vectors[42]!, 1)[0]?.label).toBe(126);
  });

  it('scores an all-zero query 0 instead of NaN', () => {
    const index = new HnswIndex(2);
    index.add(1, unit(1, 0));
    expect(index.search(new Float32Array(2), 1)).toEqual([{ label: 1, score: 0 }]);
  });

  it('rejects labels that are not non-negative integers', () => {
    const index = new HnswIndex(2);
    expect(() => index.add(-1, unit(1, 0))).toThrowError(AppError);
    expect(() => index.add(1.5, unit(1, 0))).toThrowError(AppError);
  });

  it('reports a missing file as INDEX_NOT_FOUND or INDEX_CORRUPT, never a raw error', async () => {
    const err = await HnswIndex.load(join(dir, 'missing.hnsw'), 4).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(['INDEX_NOT_FOUND', 'INDEX_CORRUPT']).toContain((err as AppError).code);
  });
});
