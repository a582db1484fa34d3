/**
 * Repair of OCR misreadings that are valid syllables, from the syllable pairs around them.
 *
 * Tone repair (tone-repair.ts) only touches words that cannot be Vietnamese. A misreading
 * can be a real syllable ("công chúc" for "công chức", "như cầu" for "nhu cầu", "đữ liệu"
 * for "dữ liệu"): only its neighbours give it away. A recognised syllable is replaced when
 * (1) it forms a pair seen at most {@link PairRepairOptions.maxSeen} times with BOTH its
 * neighbours (letter runs that only spaces or one line break separate from it), and
 * (2) exactly one spelling one character away (a letter, or a vowel with another shape or
 * tone mark: the confusions OCR makes) forms a pair seen at least
 * {@link PairRepairOptions.minPair} times with both. A syllable at the start or end of a
 * sentence, next to a number or a sign, has one neighbour at most and is left as it is.
 *
 * The pair counts are data (core/ocr/syllable-pairs.vi.json, scripts/make-syllable-pairs.ts:
 * the national TTHC catalog and the laws, not the province's documents). Pure: no I/O.
 */
import { asciiBaseOf, VIETNAMESE_LETTERS } from '../text/letters.ts';
import { syllableKey, withCaseOf } from './tone-repair.ts';

/** "syllable syllable" (lower case, canonical tone placement) → how often the pair was seen. */
export type PairCounts = ReadonlyMap<string, number>;

export interface PairRepairOptions {
  /** The recognised syllable's pairs must each have been seen at most this often. */
  maxSeen?: number;
  /** A replacement with another mark (tone, vowel shape, d/đ) must form pairs each seen at least this often. */
  minPair?: number;
  /** A replacement with another letter must form pairs each seen at least this often (Infinity: never). */
  minLetterPair?: number;
}

/** Evidence thresholds, calibrated on the OCR'd copies of corpora/ (docs/BENCHMARKS.md). */
export const PAIR_REPAIR_DEFAULTS: Required<PairRepairOptions> = { maxSeen: 0, minPair: 20, minLetterPair: Infinity };

/** Changes when the repair's rule or thresholds change, so cached OCR text is repaired again. */
export const PAIR_REPAIR_VERSION = 1;

const LETTER_RUN = /\p{L}+/gu;
/** What may separate the two syllables of a pair: spaces, or one line break. */
const PAIR_GAP = /^[ \t]*\n?[ \t]*$/u;
/** Lower-case letters a character may be misread as. */
const LETTERS = [...'abcdeghiklmnopqrstuvxy', ...VIETNAMESE_LETTERS.slice(0, VIETNAMESE_LETTERS.length / 2)];

interface Run {
  word: string;
  key: string;
  start: number;
  end: number;
}

function runsOf(text: string): Run[] {
  return [...text.matchAll(LETTER_RUN)].map((m) => ({ word: m[0], key: syllableKey(m[0]), start: m.index, end: m.index + m[0].length }));
}

/** Whether runs `a` and `b` of `text` form a pair (see {@link PAIR_GAP}). */
function adjacent(text: string, a: Run, b: Run): boolean {
  return b.start > a.end && PAIR_GAP.test(text.slice(a.end, b.start));
}

/** Every pair of syllables of `text` (keys of {@link PairCounts}, split), in order. */
export function* syllablePairs(text: string): Generator<[string, string]> {
  const runs = runsOf(text);
  for (let i = 1; i < runs.length; i++) {
    if (adjacent(text, runs[i - 1]!, runs[i]!)) yield [runs[i - 1]!.key, runs[i]!.key];
  }
}

/** The same letter with another mark: â for a, ự for u, đ for d (its ASCII base is the same). */
const sameBase = (a: string, b: string): boolean => asciiBaseOf(a) === asciiBaseOf(b);

/**
 * Every spelling one character away from `key` (lower case, canonical), without `key`
 * itself: `mark` when the character kept its letter and changed its marks, else `letter`
 * (left out when `withLetters` is false).
 */
export function oneCharNeighbours(key: string, withLetters = true): Array<{ spelling: string; kind: 'mark' | 'letter' }> {
  const chars = [...key];
  const out = new Map<string, 'mark' | 'letter'>();
  for (let i = 0; i < chars.length; i++) {
    for (const c of LETTERS) {
      if (c === chars[i] || (!withLetters && !sameBase(c, chars[i]!))) continue;
      const spelling = syllableKey([...chars.slice(0, i), c, ...chars.slice(i + 1)].join(''));
      const kind = sameBase(c, chars[i]!) ? 'mark' : 'letter';
      if (out.get(spelling) !== 'mark') out.set(spelling, kind);
    }
  }
  out.delete(key);
  return [...out].map(([spelling, kind]) => ({ spelling, kind }));
}

const pairCount = (pairs: PairCounts, a: string, b: string): number => pairs.get(`${a} ${b}`) ?? 0;

/** The one sure replacement of `word` between `left` and `right` (keys), or undefined. */
export function repairInPair(left: string, word: string, right: string, pairs: PairCounts, opts: PairRepairOptions = {}): string | undefined {
  const { maxSeen, minPair, minLetterPair } = { ...PAIR_REPAIR_DEFAULTS, ...opts };
  const key = syllableKey(word);
  if (pairCount(pairs, left, key) > maxSeen || pairCount(pairs, key, right) > maxSeen) return undefined;
  let found: string | undefined;
  for (const { spelling, kind } of oneCharNeighbours(key, Number.isFinite(minLetterPair))) {
    const least = kind === 'mark' ? minPair : minLetterPair;
    if (pairCount(pairs, left, spelling) < least || pairCount(pairs, spelling, right) < least) continue;
    if (found !== undefined) return undefined;
    found = spelling;
  }
  return found === undefined ? undefined : withCaseOf(word, found);
}

const isLower = (w: string): boolean => w === w.toLowerCase();
const isUpper = (w: string): boolean => w === w.toUpperCase();

/**
 * Whether the pairs can judge `word` after `left`: not a single letter, and not a name or an
 * abbreviation (a capitalised or all-caps word after a lower-case one: "kiện toàn Đội ứng
 * cứu", "Sở KH"), which general text does not hold.
 */
function judged(left: string, word: string): boolean {
  if ([...word].length < 2) return false;
  if (isLower(word)) return true;
  return !isLower(left) && (isUpper(word) === isUpper(left));
}

/** Repairs every syllable of `text` that has two neighbours; returns the text and how many were changed. */
export function repairPairs(text: string, pairs: PairCounts, opts: PairRepairOptions = {}): { text: string; repaired: number } {
  const runs = runsOf(text);
  let out = '';
  let last = 0;
  let repaired = 0;
  for (let i = 1; i + 1 < runs.length; i++) {
    const [l, w, r] = [runs[i - 1]!, runs[i]!, runs[i + 1]!];
    if (!judged(l.word, w.word)) continue;
    if (!adjacent(text, l, w) || !adjacent(text, w, r)) continue;
    const fixed = repairInPair(l.key, w.word, r.key, pairs, opts);
    if (fixed === undefined) continue;
    out += text.slice(last, w.start) + fixed;
    last = w.end;
    repaired++;
  }
  return { text: out + text.slice(last), repaired };
}
