import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../text/fold.ts';
import { analyzeForIndex, analyzeTerms, documentSerial } from './analysis.ts';

describe('documentSerial', () => {
  it('gives the leading number of a document number and nothing for dates, amounts or words', () => {
    expect(documentSerial('83/kh-ubnd')).toBe('83');
    expect(documentSerial('14/2021/nq-hđnd')).toBe('14');
    expect(documentSerial('57-nq/tw')).toBe('57');
    expect(documentSerial('04/6/2021')).toBeUndefined();
    expect(documentSerial('20.000')).toBeUndefined();
    expect(documentSerial('qh14')).toBeUndefined();
  });
});

describe('analyzeForIndex', () => {
  it('indexes a document number whole and by its serial, alone and after the word before it', () => {
    const { terms, folded } = analyzeForIndex('Kế hoạch số 83/KH-UBND ngày 04/6/2021');
    expect(terms).toEqual(expect.arrayContaining(['83/kh-ubnd', '83', 'số_83/kh-ubnd', 'số_83', '04/6/2021']));
    expect(terms).not.toContain('04');
    expect(folded).toEqual(terms.map(foldDiacritics));
  });

  it('gives the same terms as analyzeTerms, which also says which tokens each covers', () => {
    const text = 'Lệ phí cấp giấy phép, theo Quyết định số 127/QĐ-UBND';
    const { tokens, terms } = analyzeTerms(text);
    expect(terms.map((t) => t.term)).toEqual(analyzeForIndex(text).terms);
    expect(tokens.slice(0, 3)).toEqual(['lệ', 'phí', 'cấp']);
    expect(terms.find((t) => t.term === 'lệ_phí')).toEqual({ term: 'lệ_phí', first: 0, last: 1 });
    // No pair across the comma.
    expect(terms.map((t) => t.term)).not.toContain('phép_theo');
    expect(terms.find((t) => t.term === '127')).toEqual({ term: '127', first: 9, last: 9, serial: true });
  });
});
