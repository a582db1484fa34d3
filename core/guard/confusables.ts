/**
 * Canonical forms of user text for guard matching: look-alike letters mapped to Latin,
 * invisible characters dropped, lower case, punctuation turned into spaces, and
 * spaced-out letters ("b ỏ q u a", "M.Ậ.T") joined back into words. Matching only: the
 * views are never shown to anyone nor used for retrieval.
 */
import { foldDiacritics } from '../text/fold.ts';
import { normalizeText } from '../text/normalize.ts';

/** The views of a text that guard rules match against. */
export interface CanonicalViews {
  /** Lower case, look-alikes mapped, words separated by single spaces; diacritics kept. */
  accented: string;
  /** `accented` with Vietnamese diacritics folded ("mật" → "mat"); same length as `accented`. */
  folded: string;
  /** `accented` with runs of two or more one-letter words joined ("m ậ t" → "mật"). */
  joined: string;
  /** `joined` after reading digits and symbols inside words as letters ("ign0re" → "ignore"). */
  leet: string;
}

/** Cyrillic and Greek letters that render like Latin ones, upper and lower case. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c',
  'т': 't', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ӏ': 'l',
  'А': 'a', 'В': 'b', 'Е': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o', 'Р': 'p', 'С': 'c',
  'Т': 't', 'У': 'y', 'Х': 'x', 'І': 'i', 'Ј': 'j', 'Ѕ': 's',
  // Greek
  'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Ζ': 'z', 'Η': 'h', 'Ι': 'i', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n',
  'Ο': 'o', 'Ρ': 'p', 'Τ': 't', 'Υ': 'y', 'Χ': 'x',
  'α': 'a', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ν': 'v',
};

/**
 * Digits and symbols used for letters inside words. "1" and "!" are read as "i" (not "l");
 * "!" only between word characters, so a sentence's closing "!" stays punctuation.
 */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '*': '', '!': 'i', '€': 'e',
};

/** Invisible and direction-control characters beyond those normalizeText drops. */
const EXTRA_INVISIBLE = /[\u034F\u180E\u200E\u200F\u202A-\u202E\u2061-\u2064\u2066-\u2069]/g;
const MARKS = /\p{M}/gu;
/**
 * Printable ASCII, line breaks and precomposed Latin letters (Vietnamese included), except
 * İ, whose lower case is i with a combining dot: a canonical text of only these stays
 * canonical lower-cased.
 */
const LATIN_ONLY = /^[\t\n\u0020-\u007E\u00C0-\u012F\u0131-\u024F\u1E00-\u1EFF]*$/;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const LEET_WORD = /[\p{L}\p{N}@$*€]+(?:!+[\p{L}\p{N}@$*€]+)*/gu;
const HAS_LETTER = /\p{L}/u;
const HAS_LEET = /[0134570@$*!€]/;

/** The characters {@link mapLookalikes} replaces: the look-alikes and fullwidth ASCII. */
const MAPPED = new RegExp(`[${Object.keys(LOOKALIKES).join('')}\\uFF01-\\uFF5E]`, 'gu');

function mapLookalikes(text: string): string {
  return text.replace(MAPPED, (ch) => {
    const code = ch.charCodeAt(0);
    return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : LOOKALIKES[ch]!;
  });
}

/**
 * NFC, look-alikes and fullwidth forms mapped, invisible characters and stray combining
 * marks (after composition) removed. Case is kept so stamps written in capitals can be seen.
 */
export function canonicalCased(text: string): string {
  const mapped = mapLookalikes(text.replace(EXTRA_INVISIBLE, ''));
  return normalizeText(mapped).normalize('NFC').replace(MARKS, '');
}

/** Whether a word is one code point (a surrogate pair counts as one). */
function isOneCharacter(word: string): boolean {
  if (word.length === 1) return true;
  if (word.length !== 2) return false;
  const high = word.charCodeAt(0);
  const low = word.charCodeAt(1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Join runs of two or more one-letter words: ["b", "ỏ", "q", "u", "a", "mọi"] → ["bỏqua", "mọi"]. */
export function joinSpacedLetters(words: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  let runLength = 0;
  const flush = (): void => {
    if (runLength > 0) out.push(run);
    run = '';
    runLength = 0;
  };
  for (const word of words) {
    if (isOneCharacter(word) && HAS_LETTER.test(word)) {
      run += word;
      runLength++;
    } else {
      flush();
      out.push(word);
    }
  }
  flush();
  return out;
}

function words(text: string): string[] {
  return text.split(NOT_WORD).filter((w) => w.length > 0);
}

function leetWord(word: string): string {
  if (!HAS_LETTER.test(word) || !HAS_LEET.test(word)) return word;
  return foldDiacritics([...word].map((ch) => LEET[ch] ?? ch).join(''));
}

/** The canonical views of `text` (see {@link CanonicalViews}). Idempotent on each view. */
export function canonicalViews(text: string): CanonicalViews {
  return canonicalViewsOfCased(canonicalCased(text));
}

/** {@link canonicalViews} of a text already through {@link canonicalCased}. */
export function canonicalViewsOfCased(cased: string): CanonicalViews {
  // Look-alikes are mapped again after lower-casing: an upper-case look-alike missing from
  // the table (Cyrillic Һ) lower-cases to one that is in it (һ → h). Latin text (nearly
  // every text) has none, and lower-casing leaves it canonical.
  const lower = LATIN_ONLY.test(cased)
    ? cased.toLowerCase()
    : canonicalCased(cased.toLowerCase()).toLowerCase().normalize('NFC').replace(MARKS, '');
  const plain = words(lower);
  const accented = plain.join(' ');
  const joined = joinSpacedLetters(plain).join(' ');
  // Without a digit or symbol read as a letter, every word is its own leet reading.
  const leet = HAS_LEET.test(lower) ? joinSpacedLetters(words(lower.replace(LEET_WORD, leetWord))).join(' ') : joined;
  return { accented, folded: foldDiacritics(accented), joined, leet };
}
