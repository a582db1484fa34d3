/**
 * The tokeniser's scanner: one pass over normalised text with table lookups per character
 * (no regex or allocation per character; one sticky regex per digit-initial token).
 *
 * Tokens never split a grapheme: combining marks stay with the letter or digit before them,
 * and a mark after a separator belongs to the separator and is skipped with it.
 */
import { canonicalToneSyllable } from './tone.ts';

const OTHER = 1;
const LETTER = 2;
const DIGIT = 3;
const MARK = 4;
const PREPEND = 5;

/** Character classes of the BMP, filled lazily (0 = not looked up yet). */
const BMP_CLASS = new Uint8Array(0x10000);
const ASTRAL_CLASS = new Map<number, number>();
const MARK_RE = /^[\p{M}\p{Grapheme_Extend}\p{Emoji_Modifier}\u200D]$/u;
const ALNUM_RE = /^[\p{L}\p{N}]$/u;
/**
 * Grapheme "Prepend" characters (Arabic number signs and a few Brahmic ones) glue to the
 * character that follows, so they belong to a token only when a letter or digit follows.
 */
const PREPEND_RE = /^[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u{110BD}\u{110CD}\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]$/u;

function classify(ch: string): number {
  if (MARK_RE.test(ch)) return MARK;
  if (PREPEND_RE.test(ch)) return PREPEND;
  if (ALNUM_RE.test(ch)) return LETTER;
  return OTHER;
}

for (let c = 0; c < 0x80; c++) {
  BMP_CLASS[c] = c >= 0x30 && c <= 0x39 ? DIGIT : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? LETTER : OTHER;
}

function classAt(s: string, i: number): number {
  const code = s.charCodeAt(i);
  if (code < 0xd800 || code > 0xdfff) {
    let k = BMP_CLASS[code]!;
    if (k === 0) BMP_CLASS[code] = k = classify(s[i]!);
    return k;
  }
  const cp = s.codePointAt(i)!;
  let k = ASTRAL_CLASS.get(cp);
  if (k === undefined) ASTRAL_CLASS.set(cp, (k = cp > 0xffff ? classify(String.fromCodePoint(cp)) : OTHER));
  return k;
}

/** UTF-16 length of the character at i (2 for a surrogate pair). */
function widthAt(s: string, i: number): number {
  const code = s.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

/** Punctuation that ends a clause: no bigram is formed across it. */
const BREAKS = new Set([...'\n.,;:!?()[]{}"“”«»…•'].map((c) => c.charCodeAt(0)));

/**
 * Document number (số ký hiệu): digits, optional "/year" parts, then symbol parts of
 * letters joined by "-", "/" or "&": 83/KH-UBND, 14/2021/NQ-HĐND, 45/2019/QH14, and the
 * party form 57-NQ/TW (number, dash, symbol, slash, symbol).
 */
const SYMBOL = String.raw`\p{L}[\p{L}\p{M}\p{N}]*`;
const DOCUMENT_NUMBER = new RegExp(String.raw`(?:\d+(?:\/\d+)*\/|\d+-(?=${SYMBOL}\/))${SYMBOL}(?:[-\/&]${SYMBOL})*`, 'uy');

/** Receives each token with its span in the scanned text and whether a clause break precedes it. */
export type TokenSink = (token: string, start: number, end: number, breakBefore: boolean) => void;

/** Whether position i starts a run of Prepend characters that ends at a letter or digit. */
function prependsLetter(s: string, i: number): boolean {
  let j = i;
  while (j < s.length && classAt(s, j) === PREPEND) j += widthAt(s, j);
  const k = j < s.length ? classAt(s, j) : OTHER;
  return k === LETTER || k === DIGIT;
}

function skipMarks(s: string, j: number): number {
  while (j < s.length && classAt(s, j) === MARK) j += widthAt(s, j);
  return j;
}

/** End of a number: digits, joined by "." "," or "/" when a digit follows (20.000, 1,5, 04/6/2021). */
function numberEnd(s: string, i: number): number {
  let j = i;
  for (;;) {
    while (j < s.length && BMP_CLASS[s.charCodeAt(j)] === DIGIT) j = skipMarks(s, j + 1);
    const sep = s.charCodeAt(j);
    if ((sep === 0x2e || sep === 0x2c || sep === 0x2f) && BMP_CLASS[s.charCodeAt(j + 1)] === DIGIT) j++;
    else return j;
  }
}

/**
 * Scan normalised (NFC) text into tokens: lower-cased words with canonical tone placement,
 * numbers, and lower-cased document numbers.
 */
export function scanTokens(s: string, sink: TokenSink): void {
  let breakBefore = false;
  let i = 0;
  while (i < s.length) {
    const k = classAt(s, i);
    if (k === LETTER || (k === PREPEND && prependsLetter(s, i))) {
      let j = i + widthAt(s, i);
      let marks = false;
      while (j < s.length) {
        const c = classAt(s, j);
        if (c === MARK) marks = true;
        else if (c !== LETTER && c !== DIGIT && !(c === PREPEND && prependsLetter(s, j))) break;
        j += widthAt(s, j);
      }
      // Lower-casing can leave a base and a mark that NFC would combine ("T̈" → "ẗ").
      const lower = s.slice(i, j).toLowerCase();
      sink(canonicalToneSyllable(marks ? lower.normalize('NFC') : lower), i, j, breakBefore);
      breakBefore = false;
      i = j;
    } else if (k === DIGIT) {
      DOCUMENT_NUMBER.lastIndex = i;
      const isDocumentNumber = DOCUMENT_NUMBER.test(s);
      const j = isDocumentNumber ? skipMarks(s, DOCUMENT_NUMBER.lastIndex) : numberEnd(s, i);
      const raw = s.slice(i, j);
      sink(isDocumentNumber ? raw.toLowerCase().normalize('NFC') : raw, i, j, breakBefore);
      breakBefore = false;
      i = j;
    } else {
      if (BREAKS.has(s.charCodeAt(i))) breakBefore = true;
      i += widthAt(s, i);
    }
  }
}
