import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from './fold.ts';
import { VIETNAMESE_LETTERS } from './letters.ts';
import { vietnameseText } from './test-arbitraries.ts';

describe('foldDiacritics', () => {
  it('removes tones and shapes and maps đ to d', () => {
    expect(foldDiacritics('Đường Hoàng Sa')).toBe('Duong Hoang Sa');
    expect(foldDiacritics('Ủy ban nhân dân tỉnh Quảng Ngãi')).toBe('Uy ban nhan dan tinh Quang Ngai');
    expect(foldDiacritics('đăng ký thường trú')).toBe('dang ky thuong tru');
    expect(foldDiacritics('ĂÂĐÊÔƠƯăâđêôơư')).toBe('AADEOOUaadeoou');
  });

  it('drops Vietnamese combining marks of decomposed input', () => {
    expect(foldDiacritics('Người'.normalize('NFD'))).toBe('Nguoi');
  });

  it('covers exactly 134 Vietnamese letters, 67 lower and 67 upper case', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(134);
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(134);
    expect(VIETNAMESE_LETTERS.filter((c) => c === c.toLowerCase())).toHaveLength(67);
  });

  it.each([...VIETNAMESE_LETTERS])('folds %s to one ASCII letter of the same case', (letter) => {
    const folded = foldDiacritics(letter);
    expect(folded).toMatch(/^[a-zA-Z]$/);
    expect(folded === folded.toUpperCase()).toBe(letter === letter.toUpperCase());
    expect(folded.toLowerCase()).toBe(foldDiacritics(letter.toLowerCase()));
  });

  it('folds each letter to its base (spot checks per vowel family)', () => {
    expect(foldDiacritics('ằẩẹềịỗợủừỹ')).toBe('aaeeioouuy');
  });

  it('is the identity on ASCII', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (s) => foldDiacritics(s) === s), { numRuns: 1000 });
  });

  it('is idempotent', () => {
    fc.assert(fc.property(vietnameseText, (s) => {
      const once = foldDiacritics(s);
      return foldDiacritics(once) === once;
    }), { numRuns: 2000 });
  });

  it('maps one character to one, losing only leftover Vietnamese combining marks', () => {
    const marks = /[\u0300-\u0303\u0306\u0309\u031B\u0323]/g;
    fc.assert(fc.property(vietnameseText, (s) => {
      const nfc = s.normalize('NFC');
      return foldDiacritics(nfc).length === nfc.replace(marks, '').length;
    }), { numRuns: 2000 });
  });

  it('leaves no Vietnamese letter behind', () => {
    const vietnamese = new Set(VIETNAMESE_LETTERS);
    fc.assert(fc.property(vietnameseText, (s) => [...foldDiacritics(s)].every((c) => !vietnamese.has(c))), { numRuns: 1000 });
  });
});
