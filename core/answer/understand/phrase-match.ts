/**
 * Matching fixed Vietnamese phrases (intent cues, follow-up markers) against the tokens of
 * a question, with or without diacritics: a question token typed with diacritics must match
 * exactly; one typed without matches any accented form that folds to it ("phi" ~ "phí").
 * At each position the longest phrase wins, and matches never overlap. The phrases are
 * data (prompts/cues/), written with diacritics; the no-diacritic forms are derived here.
 */
import { foldDiacritics } from '../../text/fold.ts';
import { tokenSpans } from '../../text/tokenize.ts';

/** A question token with its folded form and whether clause punctuation precedes it. */
export interface QuestionToken {
  token: string;
  folded: string;
  /** Typed without any diacritic (then matched loosely). */
  bare: boolean;
  breakBefore: boolean;
  start: number;
  end: number;
}

/** A phrase found in the question, over tokens [start, end). */
export interface PhraseMatch<T> {
  value: T;
  phrase: string;
  start: number;
  end: number;
}

/** Tokens of a question (normalised, lower-cased, canonical tone). */
export function questionTokens(text: string): QuestionToken[] {
  return tokenSpans(text).map((s) => {
    const folded = foldDiacritics(s.token);
    return { token: s.token, folded, bare: folded === s.token, breakBefore: s.breakBefore, start: s.start, end: s.end };
  });
}

/**
 * A regular-expression alternation of fixed phrases (`a|b|c`), each escaped, for cue words
 * looked for in catalogue text (titles, fields) rather than in questions.
 */
export function anyOf(phrases: readonly string[]): string {
  return phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
}

/** The folded forms of one-word cues ("đã" → "da"), for comparing with {@link QuestionToken.folded}. */
export function foldedWords(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => foldDiacritics(w.toLowerCase())));
}

/** Whether a question token matches a phrase token (given as `token` and its folded form). */
export function tokenMatches(q: QuestionToken, token: string, folded: string): boolean {
  return q.token === token || (q.bare && q.folded === folded);
}

interface CompiledPhrase<T> {
  value: T;
  phrase: string;
  tokens: string[];
  folded: string[];
}

/** A reusable matcher over a fixed list of phrases. */
export interface PhraseMatcher<T> {
  /** Longest non-overlapping matches, in question order. */
  match(tokens: readonly QuestionToken[]): PhraseMatch<T>[];
}

/** Options of {@link createPhraseMatcher}. */
export interface PhraseMatcherOptions {
  /**
   * Folded forms that a one-word phrase may match when typed without diacritics. Without
   * this set every one-word phrase matches loosely; with it, only these do ("khong" is
   * always "không", but "dang" may be "đang" or "đăng", "can" "cần" or "căn").
   */
  bareSingles?: ReadonlySet<string>;
}

/** Compile phrases once; each phrase is tokenised the same way as questions. */
export function createPhraseMatcher<T>(entries: ReadonlyArray<{ phrase: string; value: T }>, options: PhraseMatcherOptions = {}): PhraseMatcher<T> {
  const { bareSingles } = options;
  const byFirst = new Map<string, CompiledPhrase<T>[]>();
  for (const e of entries) {
    const tokens = questionTokens(e.phrase).map((t) => t.token);
    if (tokens.length === 0) continue;
    const compiled = { value: e.value, phrase: e.phrase, tokens, folded: tokens.map(foldDiacritics) };
    const key = compiled.folded[0]!;
    byFirst.set(key, [...(byFirst.get(key) ?? []), compiled]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return {
    match(tokens) {
      const out: PhraseMatch<T>[] = [];
      for (let i = 0; i < tokens.length;) {
        const candidates = byFirst.get(tokens[i]!.folded) ?? [];
        const hit = candidates.find((c) => {
          if (c.tokens.length === 1 && bareSingles && tokens[i]!.bare && tokens[i]!.token !== c.tokens[0] && !bareSingles.has(c.folded[0]!)) return false;
          return c.tokens.every((t, j) => {
            const q = tokens[i + j];
            return q !== undefined && (j === 0 || !q.breakBefore) && tokenMatches(q, t, c.folded[j]!);
          });
        });
        if (hit) {
          out.push({ value: hit.value, phrase: hit.phrase, start: i, end: i + hit.tokens.length });
          i += hit.tokens.length;
        } else {
          i += 1;
        }
      }
      return out;
    },
  };
}
