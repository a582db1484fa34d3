/**
 * Tables of the Vietnamese alphabet shared by normalisation, tone placement and folding.
 * Built once at module load from Unicode composition, so no letter is typed by hand.
 */

/** The twelve vowel letters without tone, in alphabet order. */
export const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;

/** ASCII base of each entry of {@link VOWELS}. */
const VOWEL_ASCII = 'aaaeeiooouuy';

/** Vowels that carry a shape mark (breve, circumflex, horn). */
const SHAPED = new Set<number>([1, 2, 4, 7, 8, 10]);

/**
 * Combining tone marks by tone number: 1 huyền (grave), 2 sắc (acute), 3 hỏi (hook above),
 * 4 ngã (tilde), 5 nặng (dot below). Tone 0 (ngang) has no mark.
 */
export const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;

/** Code units below this bound cover every Vietnamese letter (Latin Extended Additional ends at U+1EFF). */
export const TABLE_SIZE = 0x1f00;

const VOWEL_KEY = new Int16Array(TABLE_SIZE).fill(-1);
const COMPOSED: string[] = [];

/**
 * A vowel key packs (vowel index, tone, case) into one small integer so hot loops can
 * classify characters without allocating: `(vowel * 6 + tone) * 2 + (upper ? 1 : 0)`.
 */
function packKey(vowel: number, tone: number, upper: boolean): number {
  return (vowel * 6 + tone) * 2 + (upper ? 1 : 0);
}

for (let v = 0; v < VOWELS.length; v++) {
  for (let t = 0; t < TONE_MARKS.length; t++) {
    for (const upper of [false, true]) {
      const base = upper ? VOWELS[v]!.toUpperCase() : VOWELS[v]!;
      const ch = (base + TONE_MARKS[t]!).normalize('NFC');
      COMPOSED[packKey(v, t, upper)] = ch;
      VOWEL_KEY[ch.charCodeAt(0)] = packKey(v, t, upper);
    }
  }
}

/** The vowel key of a UTF-16 code unit, or -1 when it is not a precomposed Vietnamese vowel. */
export function vowelKeyAt(code: number): number {
  return code < TABLE_SIZE ? VOWEL_KEY[code]! : -1;
}

/** Index into {@link VOWELS} of a vowel key. */
export function vowelOf(key: number): number {
  return Math.floor(key / 12);
}

/** Tone number (0..5) of a vowel key. */
export function toneOf(key: number): number {
  return (key >> 1) % 6;
}

/** Whether a vowel key is upper case. */
export function isUpperKey(key: number): boolean {
  return (key & 1) === 1;
}

/** Whether the vowel at this index of {@link VOWELS} carries a shape mark (ă â ê ô ơ ư). */
export function isShapedVowel(vowel: number): boolean {
  return SHAPED.has(vowel);
}

/** The precomposed character for a vowel with a tone. */
export function composeVowel(vowel: number, tone: number, upper: boolean): string {
  return COMPOSED[packKey(vowel, tone, upper)]!;
}

/**
 * The 134 letters of Vietnamese that are not plain ASCII: 60 toned vowels, 5 tones on
 * each of a ă â e ê i o ô ơ u ư y, plus ă â đ ê ô ơ ư; lower case first, then upper case.
 */
export const VIETNAMESE_LETTERS: readonly string[] = (() => {
  const lower: string[] = [];
  for (let v = 0; v < VOWELS.length; v++) {
    for (let t = 0; t < TONE_MARKS.length; t++) {
      if (t === 0 && !SHAPED.has(v)) continue;
      lower.push(composeVowel(v, t, false));
    }
  }
  lower.push('đ');
  return Object.freeze([...lower, ...lower.map((c) => c.toUpperCase())]);
})();

/** The ASCII letter a Vietnamese letter folds to (đ → d, ờ → o); any other string is returned as is. */
export function asciiBaseOf(letter: string): string {
  if (letter === 'đ') return 'd';
  if (letter === 'Đ') return 'D';
  const k = vowelKeyAt(letter.charCodeAt(0));
  if (k < 0 || letter.length !== 1) return letter;
  const base = VOWEL_ASCII[vowelOf(k)]!;
  return isUpperKey(k) ? base.toUpperCase() : base;
}
