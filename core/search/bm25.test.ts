import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bm25Index, type FieldQuery } from './bm25.ts';

const docs: Record<number, string[]> = {
  0: ['lệ', 'phí', 'cấp', 'giấy', 'phép', 'xây', 'dựng'],
  1: ['thời', 'hạn', 'giải', 'quyết', 'giấy', 'phép'],
  2: ['đăng', 'ký', 'thường', 'trú', 'thường', 'trú'],
};

function build(): Bm25Index {
  const bm = new Bm25Index(['terms']);
  for (const [label, terms] of Object.entries(docs)) bm.add(Number(label), { terms });
  return bm;
}

describe('Bm25Index', () => {
  it('ranks the document containing a rare query term first', () => {
    const hits = build().search([{ field: 'terms', terms: ['thường', 'trú'] }], 3);
    expect(hits.map((h) => h.label)).toEqual([2]);
    expect(hits[0]!.score).toBeGreaterThan(0);
  });

  it('compacts to the same index: the serialized form and a search are those without compact()', () => {
    const plain = build();
    const compacted = build();
    compacted.add(3, { terms: ['giấy', 'phép', 'kinh', 'doanh'] });
    plain.add(3, { terms: ['giấy', 'phép', 'kinh', 'doanh'] });
    compacted.compact();
    const q: FieldQuery[] = [{ field: 'terms', terms: ['giấy', 'phép', 'xây'] }];
    expect(compacted.search(q, 4)).toEqual(plain.search(q, 4));
    expect(compacted.serialize()).toEqual(plain.serialize());
  });

  it('gives a rarer term a higher idf than a common one', () => {
    const bm = build();
    expect(bm.idf('terms', 'lệ')).toBeGreaterThan(bm.idf('terms', 'giấy'));
  });

  it('scores a repeated term higher but with saturation', () => {
    const bm = new Bm25Index(['terms']);
    bm.add(0, { terms: ['a', 'x'] });
    bm.add(1, { terms: ['a', 'a', 'a', 'a'] });
    bm.add(2, { terms: ['y', 'z'] });
    const [first, second] = bm.search([{ field: 'terms', terms: ['a'] }], 2);
    expect(first!.label).toBe(1);
    expect(first!.score / second!.score).toBeLessThan(4);
  });

  it('forgets a removed document and corrects document frequencies', () => {
    const bm = build();
    bm.remove(0, { terms: docs[0]! });
    expect(bm.size).toBe(2);
    expect(bm.docFreq('terms', 'giấy')).toBe(1);
    expect(bm.search([{ field: 'terms', terms: ['lệ'] }], 5)).toEqual([]);
  });

  it('round-trips through its binary form with identical scores', () => {
    const bm = build();
    bm.remove(1, { terms: docs[1]! });
    const copy = Bm25Index.deserialize(bm.serialize());
    const q = [{ field: 'terms', terms: ['giấy', 'phép', 'trú'] }];
    expect(copy.search(q, 5)).toEqual(bm.search(q, 5));
    expect(copy.size).toBe(2);
    copy.add(7, { terms: ['giấy'] });
    expect(copy.search(q, 5).map((h) => h.label)).toContain(7);
  });

  it('applies field and term weights and the accept filter', () => {
    const bm = new Bm25Index(['terms', 'folded']);
    bm.add(0, { terms: ['đăng', 'ký'], folded: ['dang', 'ky'] });
    bm.add(1, { terms: ['dáng', 'kỳ'], folded: ['dang', 'ky'] });
    bm.add(2, { terms: ['khác'], folded: ['khac'] });
    const q = [
      { field: 'terms', terms: ['đăng', 'ký'], weight: 1 },
      { field: 'folded', terms: ['dang', 'ky'], weight: 0.5 },
    ];
    const hits = bm.search(q, 3);
    expect(hits[0]!.label).toBe(0);
    expect(hits[1]!.label).toBe(1);
    expect(bm.search(q, 3, (l) => l !== 0).map((h) => h.label)).toEqual([1]);
    const damped = bm.search([{ field: 'terms', terms: ['đăng', 'ký'], termWeights: [0, 1] }], 1);
    expect(damped[0]!.score).toBeCloseTo(bm.idf('terms', 'ký') * (2.2 / (1 + 1.2 * (1 - 0.75 + 0.75 * 2 / (5 / 3)))), 5);
  });

  it('uses per-query k1 and b in place of the index parameters', () => {
    const bm = build();
    const [hit] = bm.search([{ field: 'terms', terms: ['lệ'], k1: 2, b: 0 }], 1);
    // b = 0 ignores length: idf · tf · (k1 + 1) / (tf + k1).
    expect(hit!.score).toBeCloseTo(bm.idf('terms', 'lệ') * 3 / 3, 10);
    const [saturated] = bm.search([{ field: 'terms', terms: ['trú'], k1: 0, b: 0.75 }], 1);
    expect(saturated!.score).toBeCloseTo(bm.idf('terms', 'trú'), 10);
  });

  it('ranks like a full sort while asking the filter only about contenders', () => {
    const bm = new Bm25Index(['terms']);
    for (let i = 0; i < 200; i++) bm.add(i, { terms: Array.from({ length: 1 + (i % 7) }, () => 'a').concat(i % 3 ? ['b'] : []) });
    const asked: number[] = [];
    const hits = bm.search([{ field: 'terms', terms: ['a', 'b'] }], 5, (l) => (asked.push(l), l % 2 === 0));
    const all = bm.search([{ field: 'terms', terms: ['a', 'b'] }], 200).filter((h) => h.label % 2 === 0);
    expect(hits).toEqual(all.slice(0, 5));
    expect(asked.length).toBeLessThan(200);
  });

  it('rejects duplicate labels and unknown fields', () => {
    const bm = build();
    expect(() => bm.add(0, { terms: ['x'] })).toThrow(/already indexed/);
    expect(() => bm.search([{ field: 'nope', terms: ['x'] }], 1)).toThrow(/unknown field/);
  });
});

describe('Bm25Index after removals and reloads', () => {
  it('keeps scores exact when removed postings stay in the saved segment', () => {
    const bm = new Bm25Index(['terms']);
    for (let i = 0; i < 50; i++) bm.add(i, { terms: ['chung', `riêng${i}`, i % 2 ? 'lẻ' : 'chẵn'] });
    const q = [{ field: 'terms', terms: ['lẻ', 'chung'] }];
    bm.search(q, 5); // freezes the segment
    bm.remove(3, { terms: ['chung', 'riêng3', 'lẻ'] });
    const reloaded = Bm25Index.deserialize(bm.serialize());
    const fresh = new Bm25Index(['terms']);
    for (let i = 0; i < 50; i++) if (i !== 3) fresh.add(i, { terms: ['chung', `riêng${i}`, i % 2 ? 'lẻ' : 'chẵn'] });
    expect(reloaded.docFreq('terms', 'lẻ')).toBe(24);
    expect(reloaded.search(q, 10)).toEqual(fresh.search(q, 10));
    reloaded.add(3, { terms: ['riêng3', 'mới'] });
    expect(reloaded.search([{ field: 'terms', terms: ['mới'] }], 1)[0]!.label).toBe(3);
  });

  it('purges removed postings once they are a large share', () => {
    const bm = new Bm25Index(['terms']);
    for (let i = 0; i < 20; i++) bm.add(i, { terms: ['a', `t${i}`] });
    for (let i = 0; i < 15; i++) bm.remove(i, { terms: ['a', `t${i}`] });
    const ser = bm.serialize();
    expect(ser.fields.terms!.labels.length).toBe(10);
    expect(Bm25Index.deserialize(ser).search([{ field: 'terms', terms: ['a'] }], 20).map((h) => h.label)).toEqual([15, 16, 17, 18, 19]);
  });
});

describe('Bm25Index searching a query again', () => {
  /** The top k by a full sort of every accepted label, as the selection must rank them. */
  function fullSort(bm: Bm25Index, q: FieldQuery[], k: number, accept: (l: number) => boolean) {
    return bm.search(q, 100_000).filter((h) => accept(h.label)).slice(0, k);
  }

  it('ranks any query, depth and filter as a full sort would, whatever was searched before', () => {
    const words = ['thủ', 'tục', 'cấp', 'giấy', 'phép', 'lệ', 'phí', 'hồ', 'sơ', 'mới'];
    const doc = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 });
    const query = fc.array(fc.constantFrom(...words, 'không'), { minLength: 1, maxLength: 4 }).map((terms): FieldQuery[] => [{ field: 'terms', terms }]);
    fc.assert(fc.property(fc.array(doc, { minLength: 1, maxLength: 700 }), query, query, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), (docs, first, second, k, mod) => {
      const bm = new Bm25Index(['terms']);
      docs.forEach((terms, label) => bm.add(label, { terms }));
      const accept = (l: number) => l % mod === 0;
      bm.search(first, k);
      expect(bm.search(second, k, accept)).toEqual(fullSort(bm, second, k, accept));
      expect(bm.search(second, k + 3)).toEqual(fullSort(bm, second, k + 3, () => true));
    }), { numRuns: 150 });
  });

  it('scores again after an add or a remove, and for a query that differs only in a weight', () => {
    const bm = build();
    const q = [{ field: 'terms', terms: ['giấy', 'phép'] }];
    expect(bm.search(q, 5).map((h) => h.label)).toEqual([1, 0]);
    bm.add(9, { terms: ['giấy', 'phép'] });
    expect(bm.search(q, 5).map((h) => h.label)).toEqual([9, 1, 0]);
    bm.remove(9, { terms: ['giấy', 'phép'] });
    expect(bm.search(q, 5).map((h) => h.label)).toEqual([1, 0]);
    const [full] = bm.search(q, 1);
    const [half] = bm.search([{ ...q[0]!, weight: 0.5 }], 1);
    expect(half!.score).toBeCloseTo(full!.score / 2, 10);
  });
});
