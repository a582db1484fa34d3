import { describe, expect, it } from 'vitest';
import data from './syllable-pairs.vi.json' with { type: 'json' };
import { oneCharNeighbours, repairInPair, repairPairs, syllablePairs } from './pair-repair.ts';

const shipped = new Map(Object.entries(data as Record<string, number>));

/** A small table: "kế hoạch chi tiết" and "cơ sở dữ liệu" are frequent, nothing else is. */
const pairs = new Map([
  ['kế hoạch', 500], ['hoạch chi', 60], ['chi tiết', 900], ['cơ sở', 800], ['sở dữ', 400], ['dữ liệu', 700],
  ['mức chi', 300], ['chỉ tiết', 0],
]);

describe('syllable pairs', () => {
  it('pairs letter runs that only spaces or one line break separate', () => {
    expect([...syllablePairs('Kế hoạch\nchi tiết, cơ sở.\n\ndữ liệu KH&CN 5 năm')]).toEqual([
      ['kế', 'hoạch'], ['hoạch', 'chi'], ['chi', 'tiết'], ['cơ', 'sở'], ['dữ', 'liệu'], ['liệu', 'kh'],
    ]);
  });

  it('lists spellings one character away, marked by whether the letter or only its marks changed', () => {
    const n = oneCharNeighbours('đữ');
    expect(n).toContainEqual({ spelling: 'dữ', kind: 'mark' });
    expect(n).toContainEqual({ spelling: 'đủ', kind: 'mark' });
    expect(n).toContainEqual({ spelling: 'bữ', kind: 'letter' });
    expect(n.map((c) => c.spelling)).not.toContain('đữ');
    expect(oneCharNeighbours('đữ', false).every((c) => c.kind === 'mark')).toBe(true);
    expect(oneCharNeighbours('đữ', false)).toContainEqual({ spelling: 'dữ', kind: 'mark' });
  });
});

describe('word-pair repair', () => {
  it('replaces a valid syllable that pairs with neither neighbour by the one that pairs with both', () => {
    expect(repairInPair('hoạch', 'chỉ', 'tiết', pairs)).toBe('chi');
    expect(repairPairs('Lập kế hoạch chỉ tiết.', pairs)).toEqual({ text: 'Lập kế hoạch chi tiết.', repaired: 1 });
    expect(repairPairs('cơ sở đữ\nliệu', pairs).text).toBe('cơ sở dữ\nliệu');
    expect(repairPairs('CƠ SỞ ĐỮ LIỆU', pairs).text).toBe('CƠ SỞ DỮ LIỆU');
  });

  it('keeps a syllable that forms a known pair with either neighbour', () => {
    // "mức chi" is known: "chi" is not suspect however rare "chi tiết" may be here.
    expect(repairPairs('định mức chi tiết', pairs).repaired).toBe(0);
    expect(repairInPair('hoạch', 'chỉ', 'tiết', new Map([...pairs, ['hoạch chỉ', 1]]))).toBeUndefined();
  });

  it('needs both neighbours: a syllable next to a sign, a number or a paragraph break is left as it is', () => {
    expect(repairPairs('kế hoạch chỉ, tiết', pairs).repaired).toBe(0);
    expect(repairPairs('kế hoạch chỉ 5 tiết', pairs).repaired).toBe(0);
    expect(repairPairs('kế hoạch chỉ\n\ntiết', pairs).repaired).toBe(0);
    expect(repairPairs('chỉ tiết', pairs).repaired).toBe(0);
  });

  it('needs strong evidence for the replacement with both neighbours, and exactly one candidate', () => {
    expect(repairInPair('hoạch', 'chỉ', 'tiết', pairs, { minPair: 100 })).toBeUndefined();
    const two = new Map([...pairs, ['hoạch chì', 60], ['chì tiết', 900]]);
    expect(repairInPair('hoạch', 'chỉ', 'tiết', two)).toBeUndefined();
  });

  it('changes another letter only when asked to, with its own threshold', () => {
    const letter = new Map([['cơ sở', 800], ['sở dữ', 400], ['dữ liệu', 700]]);
    expect(repairPairs('cơ sở dữ diệu mới', letter).repaired).toBe(0);
    const withNext = new Map([...letter, ['liệu mới', 50]]);
    expect(repairPairs('cơ sở dữ diệu mới', withNext, { minLetterPair: 40 }).text).toBe('cơ sở dữ liệu mới');
    expect(repairPairs('cơ sở dữ diệu mới', withNext, { minLetterPair: 60 }).repaired).toBe(0);
  });

  it('leaves names, abbreviations and single letters to themselves', () => {
    const named = new Map([...pairs, ['toàn đối', 30], ['đối ứng', 30]]);
    expect(repairPairs('kiện toàn Đội ứng cứu', named).repaired).toBe(0);
    expect(repairPairs('kiện toàn đội ứng cứu', named).text).toBe('kiện toàn đối ứng cứu');
  });

  it('is idempotent', () => {
    const once = repairPairs('Lập kế hoạch chỉ tiết trên cơ sở đữ liệu', pairs).text;
    expect(repairPairs(once, pairs)).toEqual({ text: once, repaired: 0 });
  });

  it('repairs OCR misreadings with the shipped table and keeps correct text as written', () => {
    expect(repairPairs('xây dựng kế hoạch chỉ tiết để triển khai', shipped).text).toBe('xây dựng kế hoạch chi tiết để triển khai');
    expect(repairPairs('xây dựng cơ sở đữ liệu đất đai', shipped).text).toBe('xây dựng cơ sở dữ liệu đất đai');
    for (const ok of ['chia sẻ dữ liệu mở trong tỉnh', 'định mức chi thực hiện nhiệm vụ', 'kiện toàn Đội ứng cứu sự cố', 'Hội tụ nguồn lực']) {
      expect(repairPairs(ok, shipped).text).toBe(ok);
    }
  });
});
