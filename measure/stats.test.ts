import { describe, expect, it } from 'vitest';
import { nearestRank, summarize } from './stats.ts';

describe('nearestRank', () => {
  it('takes the value at the nearest rank of sorted values', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([], 0.5)).toBe(0);
  });
});

describe('summarize', () => {
  it('gives nearest-rank percentiles of the latencies, in any order', () => {
    const s = summarize(Array.from({ length: 100 }, (_, i) => 100 - i));
    expect(s).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('is all zeros for no samples', () => {
    expect(summarize([])).toEqual({ count: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });
});
