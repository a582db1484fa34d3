/**
 * Diacritic folding for the accent-free shadow field: "Đường Hoàng Sa" → "Duong Hoang Sa".
 * Lets a query typed without diacritics ("dang ky thuong tru") meet the indexed text.
 */
import { asciiBaseOf, TABLE_SIZE, VIETNAMESE_LETTERS } from './letters.ts';

/** Marker in {@link FOLD} for a combining mark that is dropped. */
const DROP = 0xffff;

/** Replacement code unit by code unit; 0 keeps the character. */
const FOLD = new Uint16Array(TABLE_SIZE);
for (const letter of VIETNAMESE_LETTERS) FOLD[letter.charCodeAt(0)] = asciiBaseOf(letter).charCodeAt(0);
// Look-alikes of Đ that normalizeText repairs; folded too so raw text folds the same way.
FOLD[0x00d0] = 0x44;
FOLD[0x0189] = 0x44;
// Combining marks of decomposed (NFD, Windows-1258 style) Vietnamese: tones and shape marks.
for (const mark of [0x300, 0x301, 0x302, 0x303, 0x306, 0x309, 0x31b, 0x323]) FOLD[mark] = DROP;

/**
 * Remove every Vietnamese diacritic: the five tone marks and the shapes of ă â ê ô ơ ư,
 * and đ → d, Đ → D. Total over the 134 non-ASCII Vietnamese letters, identity on ASCII and
 * on other scripts, idempotent. A precomposed letter maps to exactly one character, so an
 * NFC string keeps its length; Vietnamese combining marks (NFD input) are dropped.
 */
export function foldDiacritics(s: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0xc0 || code >= TABLE_SIZE) continue;
    const to = FOLD[code]!;
    if (to === 0) continue;
    out += s.slice(copied, i);
    if (to !== DROP) out += String.fromCharCode(to);
    copied = i + 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}
