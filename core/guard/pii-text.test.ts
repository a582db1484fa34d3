import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapForDetection, spanBack } from './pii-text.ts';

describe('mapForDetection', () => {
  it('drops zero-width characters and makes full-width, Arabic-Indic and mathematical digits ASCII', () => {
    expect(mapForDetection('09\u200B12\u200C34\u200D56\u206078\uFEFF90').text).toBe('091234567890');
    expect(mapForDetection('０９１２ ３４５').text).toBe('0912 345');
    expect(mapForDetection('٠٩١٢').text).toBe('0912');
    expect(mapForDetection('۰۹').text).toBe('09');
    expect(mapForDetection('𝟎𝟗𝟏𝟐').text).toBe('0912');
    expect(mapForDetection('a＠b．vn').text).toBe('a@b.vn');
  });

  it('composes decomposed Vietnamese and keeps precomposed text as it is', () => {
    expect(mapForDetection('Nguyễn'.normalize('NFD')).text).toBe('Nguyễn');
    const plain = 'Tôi là Nguyễn Văn An, số 0912 345 678.';
    expect(mapForDetection(plain).text).toBe(plain);
  });

  it('maps every normalised span back to the typed characters it came from', () => {
    const typed = `sđt ０９${'\u200B'}１２`;
    const m = mapForDetection(typed);
    const start = m.text.indexOf('0912');
    expect(typed.slice(spanBack(m, start, start + 4).start, spanBack(m, start, start + 4).end)).toBe(`０９${'\u200B'}１２`);
  });

  it('never loses a visible character, and its map always points inside the input, in order', () => {
    const piece = fc.constantFrom('a', 'ễ', 'e\u0302\u0303', '0', '５', '٣', '𝟕', '\u200B', '\uFEFF', ' ', '@', '＠', '\n', 'Đ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const input = pieces.join('');
        const m = mapForDetection(input);
        expect(m.from.length).toBe(m.text.length);
        for (let i = 0; i < m.text.length; i++) {
          expect(m.from[i]).toBeLessThan(m.to[i]!);
          expect(m.to[i]).toBeLessThanOrEqual(input.length);
          if (i > 0) expect(m.from[i]).toBeGreaterThanOrEqual(m.from[i - 1]!);
        }
        expect(m.text).not.toMatch(/[\u200B\uFEFF]/u);
        expect(m.text.replace(/\d/g, '')).not.toMatch(/\p{Nd}/u);
        expect(m.text.match(/\d/g)?.length ?? 0).toBe(input.match(/\p{Nd}/gu)?.length ?? 0);
      }),
    );
  });
});
