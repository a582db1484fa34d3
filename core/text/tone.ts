/**
 * Canonical tone-mark placement, for matching only (never for display).
 *
 * Vietnamese has two accepted placements for the open syllables oa, oe, uy: the classic
 * "hòa, khỏe, thủy, ủy" and the newer "hoà, khoẻ, thuỷ, uỷ". Both (and common typos such
 * as "Qúy" or "hòan") are the same word, so the index must see one form. The placement is
 * recomputed from the syllable's structure:
 *
 * 1. split the syllable into initial consonant (with "qu" and "gi" before a vowel as
 *    initials), vowel cluster and final consonant; anything that is not a well-formed
 *    Vietnamese syllable (foreign words, digits, combining marks) is left as it is;
 * 2. the tone goes on the last vowel with a shape mark (ă â ê ô ơ ư), else on the last
 *    vowel when a final consonant follows, else on the middle of three vowels, else on
 *    the first of two (the classic rule, which also covers oa/oe/uy: "hòa", "thủy").
 */
import { composeVowel, isShapedVowel, isUpperKey, toneOf, vowelKeyAt, vowelOf, VOWELS } from './letters.ts';

const INITIALS = new Set([
  '', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh',
  'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x',
]);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const LETTER_RUN = /\p{L}+/gu;
const I = VOWELS.indexOf('i');
const U = VOWELS.indexOf('u');

/** ASCII letters that are not vowels, and đ/Đ (vowels are classified before this is asked). */
function isConsonantCode(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a && code <= 0x7a) || code === 0x110 || code === 0x111;
}

/**
 * Where the tone of a well-formed syllable belongs, as an index into the word, or -1 when
 * the word is not a single Vietnamese syllable with exactly one tone mark.
 */
function canonicalTonePosition(word: string, keys: Int16Array): number {
  let tones = 0;
  let firstVowel = -1;
  let afterVowels = -1;
  for (let i = 0; i < word.length; i++) {
    const k = vowelKeyAt(word.charCodeAt(i));
    keys[i] = k;
    if (k >= 0) {
      if (afterVowels >= 0) return -1;
      if (firstVowel < 0) firstVowel = i;
      if (toneOf(k) !== 0) tones++;
    } else {
      if (firstVowel >= 0 && afterVowels < 0) afterVowels = i;
      if (!isConsonantCode(word.charCodeAt(i))) return -1;
    }
  }
  if (tones !== 1 || firstVowel < 0) return -1;
  if (afterVowels < 0) afterVowels = word.length;

  let start = firstVowel;
  let initial = word.slice(0, firstVowel).toLowerCase();
  const firstVowelIndex = vowelOf(keys[firstVowel]!);
  if (afterVowels - firstVowel >= 2 && ((initial === 'q' && firstVowelIndex === U) || (initial === 'g' && firstVowelIndex === I))) {
    initial += VOWELS[firstVowelIndex];
    start++;
  }
  if (!INITIALS.has(initial) || !FINALS.has(word.slice(afterVowels).toLowerCase())) return -1;
  const length = afterVowels - start;
  if (length < 1 || length > 3) return -1;

  for (let i = afterVowels - 1; i >= start; i--) if (isShapedVowel(vowelOf(keys[i]!))) return i;
  if (afterVowels < word.length) return afterVowels - 1;
  if (length === 3) return start + 1;
  return start;
}

const scratch = new Int16Array(64);

/**
 * Move the tone mark of one syllable to its canonical vowel ("hoà" → "hòa", "thuỷ" → "thủy",
 * "Qúy" → "Quý"), keeping each letter's case. Expects NFC; returns anything that is not a
 * single well-formed Vietnamese syllable unchanged.
 */
export function canonicalToneSyllable(word: string): string {
  if (word.length < 2 || word.length > scratch.length) return word;
  const target = canonicalTonePosition(word, scratch);
  if (target < 0) return word;
  let current = -1;
  for (let i = 0; i < word.length; i++) {
    const k = scratch[i]!;
    if (k >= 0 && toneOf(k) !== 0) current = i;
  }
  if (current === target) return word;
  const from = scratch[current]!;
  const to = scratch[target]!;
  const chars = word.split('');
  chars[current] = composeVowel(vowelOf(from), 0, isUpperKey(from));
  chars[target] = composeVowel(vowelOf(to), toneOf(from), isUpperKey(to));
  return chars.join('');
}

/**
 * Canonical tone placement over a whole text, syllable by syllable ("Uỷ ban" → "Ủy ban",
 * "hoà giải" → "hòa giải"). For matching keys only: display text keeps the author's form.
 * Expects NFC input (see normalizeText); idempotent.
 */
export function canonicalTone(text: string): string {
  return text.replace(LETTER_RUN, canonicalToneSyllable);
}
