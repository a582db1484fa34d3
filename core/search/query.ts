/**
 * Query understanding for BM25: the query's own terms (accented field and folded shadow),
 * question and function words damped so they cannot outweigh the content words, and
 * abbreviations and everyday words expanded to their official phrases as extra,
 * down-weighted terms ("làm lại CCCD" also searches "căn cước công dân").
 */
import { expandTerms } from '../text/dictionary.ts';
import { foldDiacritics } from '../text/fold.ts';
import { QUESTION_WORDS, STOPWORDS } from '../text/stopwords.ts';
import { canonicalTone } from '../text/tone.ts';
import { analyzeTerms, type PositionedTerm } from './analysis.ts';
import type { FieldQuery } from './bm25.ts';
import { intentPhrases } from './query-intents.ts';

/** Weights and BM25 parameters of a query plan; the defaults are measured by `npm run eval`. */
export interface QueryTuning {
  /** Weight of a question or function word, and of a pair of two of them. */
  stopWeight: number;
  /** Weight of a pair with one question or function word and one content word. */
  mixedPairWeight: number;
  /** Weight of a syllable pair relative to a syllable. */
  pairWeight: number;
  /** Weight of a term that comes from a dictionary expansion, not from the query. */
  expansionWeight: number;
  /** Weight of a document number's serial ("83") when the whole number ("83/kh-ubnd") was typed. */
  serialWeight: number;
  /** Weight of a term from the section vocabulary of the question's intent (query-intents.ts). */
  intentWeight: number;
  /** Weight of the folded shadow field when the query has diacritics (1 when it has none). */
  foldedWeight: number;
  /** BM25 parameters for both fields; absent means the index's own. */
  k1?: number;
  b?: number;
}

/** Measured on ALQAC dev (docs/BENCHMARKS.md, "Retrieval experiments"). */
export const DEFAULT_QUERY_TUNING: Readonly<QueryTuning> = Object.freeze({
  stopWeight: 0.3,
  mixedPairWeight: 0.6,
  pairWeight: 0.8,
  expansionWeight: 0.5,
  intentWeight: 0.3,
  serialWeight: 0.5,
  foldedWeight: 0.3,
  k1: 1,
  b: 1,
});

/** Stop phrases as token sequences, longest first, keyed by the folded first word. */
const STOP_PHRASES: Map<string, string[][]> = (() => {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of new Set([...QUESTION_WORDS, ...STOPWORDS])) {
    const words = canonicalTone(phrase.normalize('NFC')).split(' ');
    const key = foldDiacritics(words[0]!);
    byFirst.set(key, [...(byFirst.get(key) ?? []), words]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
})();

/** A token typed with diacritics must match exactly; one typed without matches by its folded form. */
function sameWord(token: string, word: string): boolean {
  return token === word || (token === foldDiacritics(token) && token === foldDiacritics(word));
}

/**
 * Which token positions belong to a question or function phrase ("bao nhiêu", "như thế
 * nào", "của"), longest phrase first, phrases not overlapping.
 */
export function stopPositions(tokens: readonly string[]): boolean[] {
  const stop = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < tokens.length; ) {
    const candidates = STOP_PHRASES.get(foldDiacritics(tokens[i]!)) ?? [];
    const found = candidates.find((words) => words.every((w, j) => i + j < tokens.length && sameWord(tokens[i + j]!, w)));
    if (!found) {
      i++;
      continue;
    }
    for (let j = 0; j < found.length; j++) stop[i + j] = true;
    i += found.length;
  }
  return stop;
}

/** Terms of a text with their weights under the tuning (before the expansion factor). */
function weighted(text: string, t: QueryTuning): Array<{ term: string; weight: number }> {
  const { tokens, terms } = analyzeTerms(text);
  const stop = stopPositions(tokens);
  return terms.map(({ term, first, last, serial }: PositionedTerm) => {
    const base = serial ? t.serialWeight : 1;
    if (first === last) return { term, weight: base * (stop[first] ? t.stopWeight : 1) };
    const stops = (stop[first] ? 1 : 0) + (stop[last] ? 1 : 0);
    return { term, weight: base * t.pairWeight * (stops === 2 ? t.stopWeight : stops === 1 ? t.mixedPairWeight : 1) };
  });
}

/**
 * The BM25 field queries for a user query: its terms in the accented field and, folded,
 * in the shadow field; dictionary expansions of abbreviations and everyday words added
 * to both at `expansionWeight`.
 */
export function bm25Queries(query: string, tuning: Readonly<QueryTuning> = DEFAULT_QUERY_TUNING): FieldQuery[] {
  const own = weighted(query, tuning);
  // A query typed without diacritics matches only through the folded field, so that
  // field then carries full weight; with diacritics the exact field leads.
  const accented = own.some(({ term }) => term !== foldDiacritics(term));
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => {
    if (weight > (weights.get(term) ?? 0)) weights.set(term, weight);
  };
  for (const { term, weight } of own) add(term, weight);
  if (tuning.expansionWeight > 0) {
    for (const phrase of expandTerms(query)) {
      for (const { term, weight } of weighted(phrase, tuning)) add(term, weight * tuning.expansionWeight);
    }
  }
  if (tuning.intentWeight > 0) {
    for (const phrase of intentPhrases(query)) {
      for (const { term, weight } of weighted(phrase, tuning)) add(term, weight * tuning.intentWeight);
    }
  }
  const terms = [...weights.keys()];
  const termWeights = [...weights.values()];
  const params = { ...(tuning.k1 !== undefined ? { k1: tuning.k1 } : {}), ...(tuning.b !== undefined ? { b: tuning.b } : {}) };
  return [
    { field: 'terms', terms, termWeights, weight: 1, ...params },
    { field: 'folded', terms: terms.map(foldDiacritics), termWeights, weight: accented ? tuning.foldedWeight : 1, ...params },
  ];
}
