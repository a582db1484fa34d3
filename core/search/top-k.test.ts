import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from './top-k.ts';

describe('TopK', () => {
  it('keeps the k best pairs, best first, as a full sort would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (scores, k) => {
        const top = new TopK(k);
        scores.forEach((s, label) => top.offer(s, label));
        const expected = scores
          .map((score, label) => ({ label, score }))
          .sort((x, y) => y.score - x.score || x.label - y.label)
          .slice(0, k);
        expect(top.sorted()).toEqual(expected);
      }),
    );
  });

  it('breaks ties towards the lower label whatever the order offered', () => {
    const top = new TopK(2);
    for (const label of [9, 4, 7, 1]) top.offer(1.5, label);
    expect(top.sorted()).toEqual([{ label: 1, score: 1.5 }, { label: 4, score: 1.5 }]);
  });

  it('admits only pairs that beat the worst of a full selection', () => {
    const top = new TopK(2);
    top.offer(3, 0);
    top.offer(2, 1);
    expect(top.admits(1, 5)).toBe(false);
    expect(top.admits(2, 0)).toBe(true);
    expect(top.admits(2.5, 9)).toBe(true);
    expect(new TopK(0).admits(100, 0)).toBe(false);
  });

  it('states the least admissible score: none until full, then the worst kept', () => {
    const top = new TopK(2);
    expect(top.floor).toBe(-Infinity);
    top.offer(3, 0);
    expect(top.floor).toBe(-Infinity);
    top.offer(2, 1);
    expect(top.floor).toBe(2);
    top.offer(5, 2);
    expect(top.floor).toBe(3);
    expect(new TopK(0).floor).toBe(Infinity);
  });
});
