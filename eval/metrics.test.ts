import { describe, expect, it } from 'vitest';
import { ndcgAt, scoreRankings } from './metrics.ts';

describe('scoreRankings', () => {
  it('computes recall and MRR from first occurrences', () => {
    const s = scoreRankings([
      { ranked: ['a', 'a', 'b', 'c'], gold: ['b'] },
      { ranked: ['x', 'y'], gold: ['z'] },
    ]);
    expect(s.recallAt1).toBe(0);
    expect(s.recallAt5).toBe(0.5);
    expect(s.mrrAt10).toBeCloseTo(0.25, 10);
    // 'b' is second once duplicates are dropped: 1/log2(3) for the first question, 0 for the other.
    expect(s.ndcgAt10).toBeCloseTo(1 / Math.log2(3) / 2, 10);
  });
});

describe('ndcgAt', () => {
  it('is 1 for a gold id ranked first and falls with its rank', () => {
    expect(ndcgAt(['g', 'x'], ['g'], 10)).toBe(1);
    expect(ndcgAt(['x', 'y', 'g'], ['g'], 10)).toBeCloseTo(0.5, 10);
  });

  it('normalises by the ideal ranking when there are several gold ids', () => {
    // Gold at ranks 1 and 3 against the ideal ranks 1 and 2.
    expect(ndcgAt(['a', 'x', 'b'], ['a', 'b'], 10)).toBeCloseTo((1 + 0.5) / (1 + 1 / Math.log2(3)), 10);
  });

  it('counts nothing beyond k', () => {
    expect(ndcgAt(['x', 'y', 'g'], ['g'], 2)).toBe(0);
  });
});
