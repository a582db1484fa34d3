/**
 * fast-check arbitraries for the text core's property tests (test-only; production code
 * must not import this file).
 */
import fc from 'fast-check';
import { VIETNAMESE_LETTERS } from './letters.ts';

const ASCII_LETTERS = [...'abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXYfjwz'];
const DIGITS = [...'0123456789'];
const PUNCTUATION = [...' .,;:!?/-&()"“”…\n\t', ' ', ' ', ' '];
/** Tone and shape marks, as in NFD or Windows-1258 text, plus marks from other scripts. */
const COMBINING = ['\u0300', '\u0301', '\u0302', '\u0303', '\u0306', '\u0309', '\u031B', '\u0323', '\u0308', '\u20E3'];
/** Characters normalizeText must repair or remove. */
const TROUBLE = ['\u00A0', '\u200B', '\u200C', '\u200D', '\u00AD', '\uFEFF', '\u2013', '\u2212', '\u00D0', '\r', '\r\n', '\u3000'];
const OTHER = ['👍', '👍🏽', 'é', 'ñ', 'ß', 'İ', 'Σ', '中', '\u0600'];

/** One "character" of Vietnamese-looking text: weighted towards Vietnamese letters. */
const vietnameseUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VIETNAMESE_LETTERS) },
  { weight: 6, arbitrary: fc.constantFrom(...ASCII_LETTERS) },
  { weight: 2, arbitrary: fc.constantFrom(...DIGITS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 2, arbitrary: fc.constantFrom(...COMBINING) },
  { weight: 1, arbitrary: fc.constantFrom(...TROUBLE) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER) },
);

/** Vietnamese-ish text, randomly in NFC, NFD or as generated (mixed). */
export const vietnameseText: fc.Arbitrary<string> = fc
  .tuple(fc.string({ unit: vietnameseUnit, maxLength: 60 }), fc.constantFrom('NFC', 'NFD', 'as-is'))
  .map(([s, form]) => (form === 'as-is' ? s : s.normalize(form as 'NFC' | 'NFD')));

/** Text assembled from plausible syllables, numbers and document numbers. */
export const vietnameseSentence: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('hoà', 'hòa', 'thuỷ', 'Ủy', 'uỷ', 'ban', 'nhân', 'dân', 'khoẻ', 'người', 'Quý', 'giữ', 'đường', 'KH&CN', 'CCCD'),
      fc.constantFrom('83/KH-UBND', '14/2021/NQ-HĐND', '57-NQ/TW', '04/6/2021', '20.000', '1,5', '2021-2025'),
      fc.string({ unit: fc.constantFrom(...VIETNAMESE_LETTERS, ...ASCII_LETTERS), minLength: 1, maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .chain((words) => fc.tuple(fc.constant(words), fc.array(fc.constantFrom(' ', ', ', '. ', '\n', ' - '), { minLength: words.length, maxLength: words.length })))
  .map(([words, seps]) => words.map((w, i) => w + seps[i]).join(''));
