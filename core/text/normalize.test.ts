import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.ts';
import { vietnameseText } from './test-arbitraries.ts';

describe('normalizeText', () => {
  it('composes decomposed Vietnamese into NFC', () => {
    const nfd = 'Đường Hoàng Sa'.normalize('NFD');
    expect(nfd).not.toBe('Đường Hoàng Sa');
    expect(normalizeText(nfd)).toBe('Đường Hoàng Sa');
  });

  it('repairs a tone mark typed before the circumflex so "ế" composes', () => {
    expect(normalizeText('Ke\u0301\u0302 hoa\u0323ch')).toBe('Kế hoạch');
    expect(normalizeText('nghi\u0323 quye\u0301\u0302t')).toBe('nghị quyết');
  });

  it('drops invisible characters and unifies spaces and dashes', () => {
    expect(normalizeText('Ủy\u00A0ban\u200B nhân\u00ADdân\u2013tỉnh\u2212x')).toBe('Ủy ban nhândân-tỉnh-x');
  });

  it('maps Icelandic eth, a legacy-converter look-alike, to Đ', () => {
    expect(normalizeText('Ðà Nẵng')).toBe('Đà Nẵng');
  });

  it('unifies line breaks and trims spaces before them', () => {
    expect(normalizeText('dòng một \t\r\ndòng hai\rdòng ba')).toBe('dòng một\ndòng hai\ndòng ba');
  });

  it('is idempotent on Vietnamese-ish text in NFC, NFD and mixed forms', () => {
    fc.assert(fc.property(vietnameseText, (s) => normalizeText(normalizeText(s)) === normalizeText(s)), { numRuns: 2000 });
  });

  it('is idempotent on arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)), { numRuns: 2000 });
  });

  it('gives the same result for NFC and NFD input', () => {
    fc.assert(fc.property(vietnameseText, (s) => normalizeText(s.normalize('NFD')) === normalizeText(s.normalize('NFC'))), { numRuns: 2000 });
  });

  it('returns NFC', () => {
    fc.assert(fc.property(vietnameseText, (s) => {
      const n = normalizeText(s);
      return n === n.normalize('NFC');
    }), { numRuns: 1000 });
  });
});
