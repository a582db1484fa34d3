import { describe, expect, it } from 'vitest';
import { isStopword, QUESTION_WORDS, STOPWORDS } from './stopwords.ts';
import { analyze } from './tokenize.ts';

describe('isStopword', () => {
  it('recognises function words and single question words', () => {
    for (const word of ['của', 'và', 'các', 'những', 'thì', 'là', 'có', 'được', 'gì', 'nào', 'không']) {
      expect(isStopword(word)).toBe(true);
    }
  });

  it('recognises two-word question phrases as the bigrams analyze produces', () => {
    expect(isStopword('bao_nhiêu')).toBe(true);
    expect(isStopword('ở_đâu')).toBe(true);
    expect(isStopword('thế_nào')).toBe(true);
    expect(analyze('lệ phí bao nhiêu').terms.filter((t) => isStopword(t))).toEqual(['bao_nhiêu']);
  });

  it('does not flag content words', () => {
    for (const word of ['thủ', 'tục', 'lệ', 'phí', 'căn', 'cước', 'thủ_tục', 'bao']) expect(isStopword(word)).toBe(false);
  });

  it('matches folded tokens only when asked to', () => {
    expect(isStopword('bao_nhieu')).toBe(false);
    expect(isStopword('bao_nhieu', { folded: true })).toBe(true);
    expect(isStopword('cua', { folded: true })).toBe(true);
  });

  it('exposes the lists as lower-case NFC data, including the longer question phrases', () => {
    expect(QUESTION_WORDS).toEqual(expect.arrayContaining(['bao nhiêu', 'mấy ngày', 'ở đâu', 'cần giấy tờ gì', 'là gì', 'như thế nào']));
    for (const w of [...QUESTION_WORDS, ...STOPWORDS]) {
      expect(w).toBe(w.normalize('NFC').toLowerCase().trim());
    }
    expect(new Set(STOPWORDS).size).toBe(STOPWORDS.length);
  });
});
