/**
 * Fixed Vietnamese phrases (drafting cue words, prompts/drafting/*.vi.json) matched at a
 * position of a message, with or without diacritics: a word typed with diacritics must match
 * exactly; one typed without matches any accented form that folds to it ("soan" ~ "soạn").
 * Small and dependency-light on purpose: the widget bundles it with the intent and edit
 * recognisers.
 */
import { foldDiacritics } from '../text/fold.ts';
import { normalizeText } from '../text/normalize.ts';
import { tokenSpans } from '../text/tokenize.ts';

/** A word of a message: lower-cased, canonical tone, with its span in `normalizeText(message)`. */
export interface Word {
  token: string;
  folded: string;
  /** Typed without any diacritic, so matched loosely. */
  bare: boolean;
  start: number;
  end: number;
  /** Clause punctuation (`,` `;` `:` `.` line break …) comes before it. */
  breakBefore: boolean;
}

/** A message split into words, and the normalised text their spans index. */
export interface Words {
  text: string;
  words: Word[];
}

/** Words of `message`, for matching phrases and slicing values back out of `text`. */
export function wordsOf(message: string): Words {
  const text = normalizeText(message);
  const words = tokenSpans(message).map((s) => {
    const folded = foldDiacritics(s.token);
    return { token: s.token, folded, bare: folded === s.token, start: s.start, end: s.end, breakBefore: s.breakBefore };
  });
  return { text, words };
}

/** A compiled list of phrases, longest first. */
export interface Phrases<T = string> {
  readonly entries: ReadonlyArray<{ value: T; tokens: string[]; folded: string[] }>;
}

/** Compile phrases (each tokenised like messages) once; `value` defaults to the phrase itself. */
export function phrases<T = string>(list: ReadonlyArray<string | { phrase: string; value: T }>): Phrases<T> {
  const entries = list.map((e) => {
    const phrase = typeof e === 'string' ? e : e.phrase;
    const value = (typeof e === 'string' ? e : e.value) as T;
    const tokens = tokenSpans(phrase).map((s) => s.token);
    return { value, tokens, folded: tokens.map(foldDiacritics) };
  }).filter((e) => e.tokens.length > 0);
  entries.sort((a, b) => b.tokens.length - a.tokens.length);
  return { entries };
}

function wordMatches(w: Word, token: string, folded: string): boolean {
  return w.token === token || (w.bare && w.folded === folded);
}

/**
 * The longest phrase starting at word `i`, as its value and the index after it; undefined
 * when none does. A phrase never spans clause punctuation.
 */
export function matchAt<T>(words: readonly Word[], i: number, list: Phrases<T>): { value: T; end: number } | undefined {
  for (const e of list.entries) {
    const ok = e.tokens.every((t, j) => {
      const w = words[i + j];
      return w !== undefined && (j === 0 || !w.breakBefore) && wordMatches(w, t, e.folded[j]!);
    });
    if (ok) return { value: e.value, end: i + e.tokens.length };
  }
  return undefined;
}

/** Whether any phrase of `list` occurs anywhere in `words`. */
export function containsPhrase(words: readonly Word[], list: Phrases<unknown>): boolean {
  for (let i = 0; i < words.length; i++) if (matchAt(words, i, list)) return true;
  return false;
}

/**
 * `text` with every occurrence of the phrases removed, each replaced by a comma so that the
 * words on either side are not read as a pair.
 */
export function withoutPhrases(text: string, list: Phrases<unknown>): string {
  const { text: normal, words } = wordsOf(text);
  let out = '';
  let at = 0;
  for (let i = 0; i < words.length;) {
    const m = matchAt(words, i, list);
    if (!m) {
      i += 1;
      continue;
    }
    out += `${normal.slice(at, words[i]!.start)}, `;
    at = words[m.end - 1]!.end;
    i = m.end;
  }
  return out + normal.slice(at);
}
