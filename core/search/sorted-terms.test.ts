import { describe, expect, it } from 'vitest';
import { PackedSortedTerms, SortedTermArray } from './sorted-terms.ts';

const packed = (terms: string[]) => new PackedSortedTerms(new TextEncoder().encode(terms.join('\n')));

/** Deterministic terms: ASCII, Vietnamese, characters from U+E000 on, and beyond U+FFFF. */
function someTerms(count: number, alphabet: string[], seed = 1): string[] {
  let s = seed;
  const rnd = (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s >>> 16) % n;
  };
  const out = new Set<string>();
  while (out.size < count) out.add(Array.from({ length: 1 + rnd(4) }, () => alphabet[rnd(alphabet.length)]!).join(''));
  return [...out].sort();
}

const VIETNAMESE = ['a', 'b', 'đ', 'ă', 'ế', 'ư', 'ợ', 'n', '_', '1'];
const WIDE = [...VIETNAMESE, '\uE000', '\uFF5E', '😀', '𝕏'];

describe('PackedSortedTerms', () => {
  for (const [name, alphabet] of [['Vietnamese', VIETNAMESE], ['beyond U+FFFF', WIDE]] as const) {
    it(`finds every term at its array position, and nothing else (${name})`, () => {
      const terms = someTerms(600, alphabet);
      const array = new SortedTermArray(terms);
      const bytes = packed(terms);
      expect(bytes.length).toBe(terms.length);
      terms.forEach((t, i) => expect(bytes.find(t)).toBe(i));
      for (const missing of someTerms(300, alphabet, 99)) expect(bytes.find(missing)).toBe(array.find(missing));
      expect(bytes.toArray()).toEqual(terms);
    });
  }

  it('finds terms from U+E000 on when the packed terms have none beyond U+FFFF (byte order there is code-unit order)', () => {
    const terms = someTerms(300, [...VIETNAMESE, '\uE000', '\uFF5E']);
    const bytes = packed(terms);
    terms.forEach((t, i) => expect(bytes.find(t)).toBe(i));
    expect(bytes.find('a😀')).toBe(-1);
  });

  it('reads no terms from no bytes, and an empty term among others', () => {
    expect(packed([]).length).toBe(0);
    expect(packed([]).find('a')).toBe(-1);
    const withEmpty = packed(['', 'a', 'b']);
    expect(withEmpty.length).toBe(3);
    expect(withEmpty.find('')).toBe(0);
    expect(withEmpty.find('b')).toBe(2);
  });
});
