import { describe, expect, it } from 'vitest';
import { groupHits } from './group-hits.ts';
import type { SearchHit } from './types.ts';

const hit = (docId: string, n: number, score: number): SearchHit => ({
  docId, sourceId: docId, chunkId: `${docId}#${n}`, label: n, title: docId, section: `Điều ${n}`, score, text: `${docId} ${n}`,
});

describe('groupHits', () => {
  it('gives each source once, at the rank of its best chunk, with its other chunks as passages', () => {
    const hits = [hit('a', 1, 9), hit('a', 2, 8), hit('b', 1, 7), hit('a', 3, 6), hit('c', 5, 5), hit('b', 2, 4)];
    const groups = groupHits(hits, 10, 5);
    expect(groups.map((g) => g.best.chunkId)).toEqual(['a#1', 'b#1', 'c#5']);
    expect(groups[0]!.others.map((h) => h.chunkId)).toEqual(['a#2', 'a#3']);
    expect(groups[1]!.others.map((h) => h.chunkId)).toEqual(['b#2']);
  });

  it('stops at k sources and keeps at most perGroup passages each', () => {
    const hits = [hit('a', 1, 9), hit('b', 1, 8), hit('a', 2, 7), hit('a', 3, 6), hit('c', 1, 5), hit('b', 2, 4)];
    const groups = groupHits(hits, 2, 1);
    expect(groups.map((g) => g.best.docId)).toEqual(['a', 'b']);
    expect(groups[0]!.others.map((h) => h.chunkId)).toEqual(['a#2']);
    expect(groups[1]!.others.map((h) => h.chunkId)).toEqual(['b#2']);
  });
});
