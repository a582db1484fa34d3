/**
 * Repair of OCR tone-mark errors, only where a table of Vietnamese syllables is sure.
 *
 * OCR engines drop, add or confuse tone marks ("quyêt", "tuc"). A recognised word is
 * replaced only when (1) it cannot be a Vietnamese syllable — a syllable closed by p, t, c
 * or ch carries the sắc or nặng tone, and no syllable carries two tone marks — (2) the
 * table does not know it, and (3) exactly one frequent syllable lies one tone mark away
 * (the tone added, removed or changed). Table membership alone is not enough: real words
 * missing from the table ("mạnh mẽ", "may mắn", "hầu hết") would be "repaired" into
 * frequent neighbours (measured on the shipped corpus: docs/BENCHMARKS.md). Names, foreign
 * words, numbers and ambiguous cases are left as recognised.
 */
import { composeVowel, isUpperKey, toneOf, vowelKeyAt, vowelOf } from '../text/letters.ts';
import { canonicalToneSyllable } from '../text/tone.ts';

/** Syllable (lower case, canonical tone placement) → how often it was seen. */
export type SyllableCounts = ReadonlyMap<string, number>;

/** A candidate must have been seen at least this often to be trusted as the intended word. */
export const MIN_REPAIR_COUNT = 20;

const LETTER_RUN = /\p{L}+/gu;

/** Lower case, canonical tone placement: the key of {@link SyllableCounts}. */
export function syllableKey(word: string): string {
  return canonicalToneSyllable(word.toLowerCase());
}

/** The word without tone marks (shape marks â ơ ư … kept), and where its vowels are. */
function stripTones(word: string): { base: string; vowels: number[] } {
  let base = '';
  const vowels: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const k = vowelKeyAt(word.charCodeAt(i));
    if (k < 0) {
      base += word[i];
      continue;
    }
    vowels.push(i);
    base += composeVowel(vowelOf(k), 0, isUpperKey(k));
  }
  return { base, vowels };
}

/** Every spelling one tone mark away from `word` (lower case, canonical), without the word itself. */
export function toneNeighbours(word: string): string[] {
  const lower = word.toLowerCase();
  const { base, vowels } = stripTones(lower);
  const out = new Set<string>([syllableKey(base)]);
  for (const i of vowels) {
    const k = vowelKeyAt(base.charCodeAt(i));
    for (let tone = 1; tone <= 5; tone++) {
      out.add(syllableKey(base.slice(0, i) + composeVowel(vowelOf(k), tone, false) + base.slice(i + 1)));
    }
  }
  out.delete(syllableKey(lower));
  return [...out];
}

/** `replacement` spelled with the case pattern of `original` (all caps, capitalised, lower). */
export function withCaseOf(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  const first = original[0]!;
  if (first !== first.toLowerCase()) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

/** Tones a syllable closed by a stop (p, t, c, ch) may carry: sắc (2) and nặng (5). */
const STOP_TONES = new Set([2, 5]);

/**
 * Whether `word` breaks a rule no Vietnamese syllable breaks: two tone marks, or a stop
 * final (p, t, c, ch) after a vowel with the level, huyền, hỏi or ngã tone.
 */
export function isImpossibleSyllable(word: string): boolean {
  const lower = word.toLowerCase();
  const tones: number[] = [];
  let lastVowel = -1;
  for (let i = 0; i < lower.length; i++) {
    const k = vowelKeyAt(lower.charCodeAt(i));
    if (k < 0) continue;
    lastVowel = i;
    if (toneOf(k) > 0) tones.push(toneOf(k));
  }
  if (tones.length > 1) return true;
  if (lastVowel < 0) return false;
  const final = lower.slice(lastVowel + 1);
  return (final === 'p' || final === 't' || final === 'c' || final === 'ch') && !STOP_TONES.has(tones[0] ?? 0);
}

/** The one sure repair of a word, or undefined. */
export function repairSyllable(word: string, counts: SyllableCounts, minCount = MIN_REPAIR_COUNT): string | undefined {
  if (word.length > 7 || !isImpossibleSyllable(word) || counts.has(syllableKey(word))) return undefined;
  const hasVowel = [...word].some((c) => vowelKeyAt(c.charCodeAt(0)) >= 0);
  if (!hasVowel) return undefined;
  const sure = toneNeighbours(word).filter((c) => (counts.get(c) ?? 0) >= minCount);
  if (sure.length !== 1) return undefined;
  // A candidate that is not itself a well-formed toned syllable cannot be placed back safely.
  const candidate = sure[0]!;
  if ([...candidate].filter((c) => { const k = vowelKeyAt(c.charCodeAt(0)); return k >= 0 && toneOf(k) > 0; }).length > 1) return undefined;
  return withCaseOf(word, candidate);
}

/** Repairs every word of `text`; returns the text and how many words were changed. */
export function repairTones(text: string, counts: SyllableCounts, minCount = MIN_REPAIR_COUNT): { text: string; repaired: number } {
  let repaired = 0;
  const out = text.replace(LETTER_RUN, (word) => {
    const fixed = repairSyllable(word, counts, minCount);
    if (fixed === undefined) return word;
    repaired++;
    return fixed;
  });
  return { text: out, repaired };
}
