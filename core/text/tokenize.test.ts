import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from './fold.ts';
import { normalizeText } from './normalize.ts';
import { vietnameseSentence, vietnameseText } from './test-arbitraries.ts';
import { analyze, bigrams, foldedTermSet, tokenize, tokenizeClauses, tokenSpans } from './tokenize.ts';

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Offsets at which a grapheme cluster starts or ends. */
function graphemeBoundaries(s: string): Set<number> {
  const bounds = new Set<number>([s.length]);
  for (const g of segmenter.segment(s)) bounds.add(g.index);
  return bounds;
}

describe('tokenize', () => {
  it('keeps document numbers and dates whole', () => {
    expect(tokenize('Kế hoạch số 83/KH-UBND ngày 04/6/2021 của UBND tỉnh')).toEqual([
      'kế', 'hoạch', 'số', '83/kh-ubnd', 'ngày', '04/6/2021', 'của', 'ubnd', 'tỉnh',
    ]);
  });

  it.each([
    ['Nghị quyết số 14/2021/NQ-HĐND.', '14/2021/nq-hđnd'],
    ['Nghị quyết 57-NQ/TW của Bộ Chính trị', '57-nq/tw'],
    ['theo Nghị định 30/2020/NĐ-CP,', '30/2020/nđ-cp'],
    ['Luật số 45/2019/QH14', '45/2019/qh14'],
    ['Chỉ thị 12/CT-TTg', '12/ct-ttg'],
  ])('recognises the document number in "%s"', (text, number) => {
    expect(tokenize(text)).toContain(number);
  });

  it('keeps numbers with thousands and decimal separators whole, but not a trailing full stop', () => {
    expect(tokenize('Lệ phí 20.000 đồng, tăng 1,5 lần năm 2021.')).toEqual([
      'lệ', 'phí', '20.000', 'đồng', 'tăng', '1,5', 'lần', 'năm', '2021',
    ]);
  });

  it('splits year ranges, amounts with units, and words joined by hyphen or ampersand', () => {
    expect(tokenize('giai đoạn 2021-2025')).toEqual(['giai', 'đoạn', '2021', '2025']);
    expect(tokenize('50.000đ/hồ sơ')).toEqual(['50.000', 'đ', 'hồ', 'sơ']);
    expect(tokenize('Sở KH&CN, KT-XH')).toEqual(['sở', 'kh', 'cn', 'kt', 'xh']);
  });

  it('keeps digits inside a word that starts with a letter', () => {
    expect(tokenize('giấy phép lái xe hạng B2')).toEqual(['giấy', 'phép', 'lái', 'xe', 'hạng', 'b2']);
  });

  it('treats old and new tone placement as the same token', () => {
    expect(tokenize('hoà')).toEqual(tokenize('hòa'));
    expect(tokenize('Uỷ ban')).toEqual(['ủy', 'ban']);
    expect(tokenize('thuỷ lợi, sức khoẻ')).toEqual(tokenize('thủy lợi, sức khỏe'));
  });

  it('keeps a letter and its combining marks together in decomposed input', () => {
    expect(tokenize('Người dân'.normalize('NFD'))).toEqual(['người', 'dân']);
    expect(tokenize('x\u0302y\u0301 z')).toEqual(['x\u0302ý', 'z']);
  });

  it('skips a combining mark that follows a space', () => {
    expect(tokenize('a \u0301b')).toEqual(['a', 'b']);
  });

  it('returns nothing for text without letters or digits', () => {
    expect(tokenize(' -- ,;\n…')).toEqual([]);
  });

  it('never splits a grapheme cluster of the normalised input', () => {
    fc.assert(fc.property(vietnameseText, (s) => {
      const n = normalizeText(s);
      const bounds = graphemeBoundaries(n);
      return tokenSpans(s).every((t) => bounds.has(t.start) && bounds.has(t.end) && t.end > t.start);
    }), { numRuns: 3000 });
  });

  it('returns each token as its span of the normalised input, up to case, NFC and tone placement', () => {
    fc.assert(fc.property(fc.oneof(vietnameseText, vietnameseSentence), (s) => {
      const n = normalizeText(s);
      return tokenSpans(s).every((t) => foldDiacritics(t.token) === foldDiacritics(n.slice(t.start, t.end).toLowerCase().normalize('NFC')));
    }), { numRuns: 2000 });
  });

  it('gives the same tokens for NFC and NFD input', () => {
    fc.assert(fc.property(fc.oneof(vietnameseText, vietnameseSentence), (s) => {
      expect(tokenize(s.normalize('NFD'))).toEqual(tokenize(s));
    }), { numRuns: 2000 });
  });

  it('is idempotent on its joined output', () => {
    fc.assert(fc.property(fc.oneof(vietnameseText, vietnameseSentence), (s) => {
      const tokens = tokenize(s);
      expect(tokenize(tokens.join(' '))).toEqual(tokens);
    }), { numRuns: 2000 });
  });

  it('returns lower-case tokens', () => {
    fc.assert(fc.property(vietnameseSentence, (s) => tokenize(s).every((t) => t === t.toLowerCase())), { numRuns: 1000 });
  });
});

describe('tokenSpans', () => {
  it('gives offsets into the normalised text and marks clause breaks', () => {
    const text = 'Hồ sơ: tờ khai';
    expect(tokenSpans(text)).toEqual([
      { token: 'hồ', start: 0, end: 2, breakBefore: false },
      { token: 'sơ', start: 3, end: 5, breakBefore: false },
      { token: 'tờ', start: 7, end: 9, breakBefore: true },
      { token: 'khai', start: 10, end: 14, breakBefore: false },
    ]);
  });
});

describe('tokenizeClauses', () => {
  it('starts a new clause after punctuation and line breaks, not after a hyphen', () => {
    expect(tokenizeClauses('Thành phần hồ sơ: tờ khai; bản sao\nLệ phí KT-XH')).toEqual([
      ['thành', 'phần', 'hồ', 'sơ'], ['tờ', 'khai'], ['bản', 'sao'], ['lệ', 'phí', 'kt', 'xh'],
    ]);
  });
});

describe('bigrams', () => {
  it('joins neighbours with an underscore', () => {
    expect(bigrams(['thủ', 'tục', 'hành', 'chính'])).toEqual(['thủ_tục', 'tục_hành', 'hành_chính']);
  });

  it('returns no pair for fewer than two tokens', () => {
    expect(bigrams(['một'])).toEqual([]);
    expect(bigrams([])).toEqual([]);
  });
});

describe('analyze', () => {
  it('indexes unigrams and within-clause bigrams, with a folded shadow', () => {
    expect(analyze('Đăng ký thường trú. Lệ phí')).toEqual({
      terms: ['đăng', 'ký', 'thường', 'trú', 'lệ', 'phí', 'đăng_ký', 'ký_thường', 'thường_trú', 'lệ_phí'],
      folded: ['dang', 'ky', 'thuong', 'tru', 'le', 'phi', 'dang_ky', 'ky_thuong', 'thuong_tru', 'le_phi'],
    });
  });

  it('keeps stopwords and question words', () => {
    expect(analyze('lệ phí là bao nhiêu').terms).toEqual(expect.arrayContaining(['là', 'bao', 'nhiêu', 'bao_nhiêu']));
  });

  it('lets a query without diacritics meet accented text in the folded field', () => {
    const doc = analyze('Thủ tục đăng ký thường trú');
    const query = analyze('dang ky thuong tru');
    expect(query.terms.every((t) => doc.folded.includes(t))).toBe(true);
  });

  it('folds term by term and has as many terms as tokens plus within-clause pairs', () => {
    fc.assert(fc.property(fc.oneof(vietnameseText, vietnameseSentence), (s) => {
      const { terms, folded } = analyze(s);
      const pairs = tokenizeClauses(s).reduce((n, clause) => n + Math.max(0, clause.length - 1), 0);
      expect(terms).toHaveLength(tokenize(s).length + pairs);
      expect(folded).toEqual(terms.map((t) => foldDiacritics(t)));
    }), { numRuns: 1000 });
  });
});

describe('foldedTermSet', () => {
  it('holds the folded words and within-clause pairs of a text', () => {
    expect([...foldedTermSet('Đăng ký thường trú. Lệ phí')]).toEqual(['dang', 'ky', 'thuong', 'tru', 'le', 'phi', 'dang_ky', 'ky_thuong', 'thuong_tru', 'le_phi']);
  });

  it('is the set of analyze\'s folded terms, in the same order', () => {
    fc.assert(fc.property(fc.oneof(vietnameseText, vietnameseSentence), (s) => {
      expect([...foldedTermSet(s)]).toEqual([...new Set(analyze(s).folded)]);
    }), { numRuns: 2000 });
  });
});
