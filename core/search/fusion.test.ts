import { describe, expect, it } from 'vitest';
import { diversify, reciprocalRankFusion, scoreFusion } from './fusion.ts';

describe('reciprocalRankFusion', () => {
  it('favours items ranked well by both lists', () => {
    const fused = reciprocalRankFusion([
      { labels: [1, 2, 3], weight: 1 },
      { labels: [2, 3, 1], weight: 1 },
    ]);
    expect(fused[0]!.label).toBe(2);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 61, 10);
  });
  it('ignores a list with weight zero', () => {
    const fused = reciprocalRankFusion([
      { labels: [5, 6], weight: 1 },
      { labels: [6, 9], weight: 0 },
    ]);
    expect(fused.map((f) => f.label)).toEqual([5, 6]);
  });
});

describe('diversify', () => {
  it('caps hits per document and keeps order', () => {
    const hits = [{ d: 'a', i: 1 }, { d: 'a', i: 2 }, { d: 'a', i: 3 }, { d: 'b', i: 4 }, { d: 'c', i: 5 }];
    expect(diversify(hits, (h) => h.d, 2, 4).map((h) => h.i)).toEqual([1, 2, 4, 5]);
  });
});

describe('scoreFusion', () => {
  it('normalises each list by its best score before the weighted sum', () => {
    const fused = scoreFusion([
      { hits: [{ label: 1, score: 10 }, { label: 2, score: 5 }], weight: 1 },
      { hits: [{ label: 2, score: 0.9 }, { label: 3, score: 0.45 }], weight: 0.5 },
    ]);
    expect(fused.map((f) => f.label)).toEqual([1, 2, 3]);
    expect(fused[1]!.score).toBeCloseTo(0.5 + 0.5, 10);
    expect(fused[2]!.score).toBeCloseTo(0.25, 10);
  });
});
