import { describe, expect, it } from 'vitest';
import type { FieldQuery } from './bm25.ts';
import { bm25Queries, DEFAULT_QUERY_TUNING, stopPositions } from './query.ts';
import { intentPhrases } from './query-intents.ts';

/** Weight of a term in a field query (0 when absent). */
function weightOf(q: FieldQuery, term: string): number {
  const i = q.terms.indexOf(term);
  return i < 0 ? 0 : q.termWeights?.[i] ?? 1;
}

describe('bm25Queries', () => {
  it('gives the folded field full weight for a query typed without diacritics', () => {
    const [terms, folded] = bm25Queries('dang ky thuong tru');
    expect(folded!.weight).toBe(1);
    expect(folded!.terms).toEqual(expect.arrayContaining(['dang', 'ky', 'thuong_tru']));
    expect(terms!.terms).toEqual(expect.arrayContaining(['thuong_tru']));
    const accented = bm25Queries('đăng ký thường trú');
    expect(accented[1]!.weight).toBe(DEFAULT_QUERY_TUNING.foldedWeight);
  });

  it('adds the official phrase of an abbreviation as extra, down-weighted terms', () => {
    const [terms] = bm25Queries('làm lại CCCD');
    expect(weightOf(terms!, 'cccd')).toBe(1);
    expect(weightOf(terms!, 'căn_cước')).toBeCloseTo(DEFAULT_QUERY_TUNING.expansionWeight * DEFAULT_QUERY_TUNING.pairWeight, 10);
    expect(weightOf(terms!, 'căn')).toBeCloseTo(DEFAULT_QUERY_TUNING.expansionWeight, 10);
  });

  it('expands an everyday word typed with or without diacritics', () => {
    for (const q of ['cấp sổ đỏ', 'cap so do']) {
      const folded = bm25Queries(q)[1]!;
      expect(folded.terms).toEqual(expect.arrayContaining(['giay_chung', 'quyen_su', 'su_dung', 'dat']));
      expect(weightOf(folded, 'quyen_su')).toBeLessThan(1);
    }
  });

  it('damps question words and their pairs below the content words', () => {
    const [terms] = bm25Queries('lệ phí cấp giấy phép xây dựng là bao nhiêu');
    const t = DEFAULT_QUERY_TUNING;
    expect(weightOf(terms!, 'lệ_phí')).toBeCloseTo(t.pairWeight, 10);
    expect(weightOf(terms!, 'xây')).toBe(1);
    expect(weightOf(terms!, 'bao_nhiêu')).toBeCloseTo(t.pairWeight * t.stopWeight, 10);
    expect(weightOf(terms!, 'là')).toBe(t.stopWeight);
    expect(weightOf(terms!, 'nhiêu')).toBe(t.stopWeight);
    expect(weightOf(terms!, 'dựng_là')).toBeCloseTo(t.pairWeight * t.mixedPairWeight, 10);
  });

  it('searches a document number by its serial, as "kế hoạch 83" is typed', () => {
    const [terms] = bm25Queries('kế hoạch số 83/KH-UBND');
    expect(terms!.terms).toEqual(expect.arrayContaining(['83/kh-ubnd', '83', 'số_83']));
    expect(weightOf(terms!, '83/kh-ubnd')).toBe(1);
    expect(weightOf(terms!, '83')).toBe(DEFAULT_QUERY_TUNING.serialWeight);
    expect(weightOf(bm25Queries('kế hoạch 83')[0]!, '83')).toBe(1);
    expect(bm25Queries('quyết định số 127')[0]!.terms).toEqual(expect.arrayContaining(['127', 'số_127']));
  });

  it("adds the section vocabulary of the question's intent", () => {
    const [terms] = bm25Queries('cư trú là gì');
    expect(weightOf(terms!, 'giải_thích')).toBeCloseTo(DEFAULT_QUERY_TUNING.intentWeight * DEFAULT_QUERY_TUNING.pairWeight, 10);
    expect(weightOf(terms!, 'cư_trú')).toBeCloseTo(DEFAULT_QUERY_TUNING.pairWeight, 10);
  });

  it('passes the tuned BM25 parameters to both fields', () => {
    const queries = bm25Queries('hộ kinh doanh', { ...DEFAULT_QUERY_TUNING, k1: 0.9, b: 0.4 });
    expect(queries.map((q) => [q.k1, q.b])).toEqual([[0.9, 0.4], [0.9, 0.4]]);
  });
});

describe('stopPositions', () => {
  it('marks the longest question phrase and function words, matching folded words only when typed without diacritics', () => {
    expect(stopPositions(['làm', 'thế', 'nào', 'để', 'đăng', 'ký'])).toEqual([true, true, true, true, false, false]);
    expect(stopPositions(['co', 'mat', 'phi', 'khong'])).toEqual([true, false, false, true]);
    expect(stopPositions(['cỏ', 'dại'])).toEqual([false, false]);
  });
});

describe('intentPhrases', () => {
  it('maps question words to the sections that answer them', () => {
    expect(intentPhrases('làm hộ chiếu cần giấy tờ gì')).toEqual(['thành phần hồ sơ']);
    expect(intentPhrases('mat bao lau')).toEqual(['thời hạn', 'thời hạn giải quyết']);
    expect(intentPhrases('nộp hồ sơ ở đâu')).toEqual(['cơ quan thực hiện', 'địa chỉ tiếp nhận']);
    expect(intentPhrases('đăng ký kết hôn')).toEqual([]);
  });
});
