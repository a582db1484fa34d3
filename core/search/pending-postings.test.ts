import { describe, expect, it } from 'vitest';
import { PendingPostings } from './pending-postings.ts';

describe('PendingPostings', () => {
  it('keeps every posting in order across growth, and clear() empties it', () => {
    const p = new PendingPostings();
    for (let i = 0; i < 5000; i++) p.push(i % 97, i, (i % 7) + 1);
    expect(p.length).toBe(5000);
    expect(p.term.length).toBeGreaterThanOrEqual(5000);
    expect([p.term[4321], p.label[4321], p.tf[4321]]).toEqual([4321 % 97, 4321, (4321 % 7) + 1]);
    expect([p.term[0], p.label[0], p.tf[0]]).toEqual([0, 0, 1]);
    p.clear();
    expect(p.length).toBe(0);
    expect(p.term.length).toBe(0);
    p.push(3, 9, 2);
    expect([p.term[0], p.label[0], p.tf[0], p.length]).toEqual([3, 9, 2, 1]);
  });
});
