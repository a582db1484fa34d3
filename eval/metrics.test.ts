import { describe, expect, it } from 'vitest';
import { scoreRankings } from './metrics.ts';

describe('scoreRankings', () => {
  it('computes recall and MRR from first occurrences', () => {
    const s = scoreRankings([
      { ranked: ['a', 'a', 'b', 'c'], gold: ['b'] },
      { ranked: ['x', 'y'], gold: ['z'] },
    ]);
    expect(s.recallAt1).toBe(0);
    expect(s.recallAt5).toBe(0.5);
    expect(s.mrrAt10).toBeCloseTo(0.25, 10);
  });
});
