import { describe, expect, it } from 'vitest';
import { PendingPostings } from './pending-postings.ts';

describe('PendingPostings', () => {
  it('gives back every posting with its run label, in order, across growth; clear() empties it', () => {
    const p = new PendingPostings();
    const added: Array<[number, number, number]> = [];
    for (let label = 0; label < 2000; label++) {
      p.startRun(label * 3);
      // Some runs are empty: a document with no term in this field.
      for (let j = 0; j < label % 5; j++) {
        p.push((label + j) % 97, j + 1);
        added.push([(label + j) % 97, label * 3, j + 1]);
      }
    }
    const seen: Array<[number, number, number]> = [];
    p.forEach((term, label, tf) => seen.push([term, label, tf]));
    expect(p.length).toBe(added.length);
    expect(p.runs).toBe(2000);
    expect(seen).toEqual(added);
    p.clear();
    expect([p.length, p.runs, p.term.length]).toEqual([0, 0, 0]);
    p.forEach(() => {
      throw new Error('no posting after clear');
    });
  });
});
