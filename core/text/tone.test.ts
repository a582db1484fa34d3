import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from './fold.ts';
import { normalizeText } from './normalize.ts';
import { vietnameseText } from './test-arbitraries.ts';
import { canonicalTone, canonicalToneSyllable } from './tone.ts';

describe('canonicalTone', () => {
  it.each([
    ['hoà', 'hòa'], ['hòa', 'hòa'], ['thuỷ', 'thủy'], ['khoẻ', 'khỏe'], ['uỷ', 'ủy'], ['hoạ', 'họa'],
    ['tuý', 'túy'], ['oà', 'òa'],
  ])('places the tone of open oa/oe/uy on the first vowel: %s → %s', (input, expected) => {
    expect(canonicalToneSyllable(input)).toBe(expected);
  });

  it.each([
    ['Qúy', 'Quý'], ['hòan', 'hoàn'], ['ngòai', 'ngoài'], ['gìa', 'già'], ['tùyên', 'tuyền'],
  ])('repairs misplaced tones by the syllable rule: %s → %s', (input, expected) => {
    expect(canonicalToneSyllable(input)).toBe(expected);
  });

  it.each(['người', 'rượu', 'chuyện', 'quốc', 'giữ', 'gìn', 'khuỷu', 'hoàng', 'mùa', 'của', 'tuyển', 'yêu'])(
    'leaves the correctly placed "%s" alone',
    (word) => {
      expect(canonicalToneSyllable(word)).toBe(word);
    },
  );

  it.each(['café', 'José', 'fáx', 'ab1á', 'hóá'])('leaves "%s", which is not one Vietnamese syllable, unchanged', (word) => {
    expect(canonicalToneSyllable(word)).toBe(word);
  });

  it('keeps the case of each letter', () => {
    expect(canonicalTone('HOÀ BÌNH, Uỷ ban, THUỶ')).toBe('HÒA BÌNH, Ủy ban, THỦY');
  });

  it('works syllable by syllable over a text', () => {
    expect(canonicalTone('Uỷ ban nhân dân; hoà giải ở cơ sở, sức khoẻ')).toBe('Ủy ban nhân dân; hòa giải ở cơ sở, sức khỏe');
  });

  it('is idempotent and only moves tone marks (the folded text is unchanged)', () => {
    fc.assert(fc.property(vietnameseText, (s) => {
      const n = normalizeText(s);
      const once = canonicalTone(n);
      return canonicalTone(once) === once && foldDiacritics(once) === foldDiacritics(n) && once.length === n.length;
    }), { numRuns: 2000 });
  });
});
