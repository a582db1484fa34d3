/**
 * Vietnamese tokenisation for BM25 and dictionary matching: syllable tokens, numbers and
 * document numbers kept whole, bigrams within clauses, and a diacritic-folded shadow.
 */
import { foldDiacritics } from './fold.ts';
import { normalizeText } from './normalize.ts';
import { scanTokens } from './scan.ts';

/** A token with its span in `normalizeText(text)`. */
export interface TokenSpan {
  token: string;
  /** Offset of the first code unit in the normalised text. */
  start: number;
  /** Offset after the last code unit in the normalised text. */
  end: number;
  /** Whether clause punctuation (. , ; : ! ? brackets, quotes, line break) precedes it. */
  breakBefore: boolean;
}

/**
 * Split text into lower-cased tokens after {@link normalizeText} and canonical tone
 * placement ("Hoà" and "hòa" both give "hòa"). Words split on whitespace and punctuation
 * (including "-", "&", "/" between letters); kept whole are numbers with separators
 * ("20.000", "1,5", "04/6/2021") and document numbers ("83/kh-ubnd", "14/2021/nq-hđnd",
 * "57-nq/tw"). A digit run followed by letters splits there ("5g" → "5", "g"); a letter
 * run keeps its digits ("qh14", "b2"). Never splits a grapheme; NFC and NFD input give
 * the same tokens.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  scanTokens(normalizeText(text), (token) => {
    tokens.push(token);
  });
  return tokens;
}

/** {@link tokenize} with each token's span in `normalizeText(text)`, for highlighting and matching. */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  scanTokens(normalizeText(text), (token, start, end, breakBefore) => {
    spans.push({ token, start, end, breakBefore });
  });
  return spans;
}

/**
 * {@link tokenize} grouped into clauses: a new group starts after clause punctuation
 * (. , ; : ! ? brackets, quotes, line break). Hyphens, slashes and "&" do not break.
 */
export function tokenizeClauses(text: string): string[][] {
  const clauses: string[][] = [];
  let current: string[] = [];
  scanTokens(normalizeText(text), (token, _start, _end, breakBefore) => {
    if (breakBefore && current.length > 0) {
      clauses.push(current);
      current = [];
    }
    current.push(token);
  });
  if (current.length > 0) clauses.push(current);
  return clauses;
}

/**
 * Adjacent pairs joined with "_" (["thủ", "tục", "hành"] → ["thủ_tục", "tục_hành"]).
 * Pairs every neighbour it is given; call it per clause (see {@link tokenizeClauses}) to
 * keep pairs from crossing punctuation.
 */
export function bigrams(tokens: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < tokens.length; i++) pairs.push(`${tokens[i - 1]}_${tokens[i]}`);
  return pairs;
}

/** The two BM25 fields of a text. */
export interface Analysis {
  /** Unigrams in text order, then the bigrams of each clause. */
  terms: string[];
  /** `terms` with diacritics folded, element by element (`folded[i] === foldDiacritics(terms[i])`). */
  folded: string[];
}

/**
 * Index terms of a text: unigrams plus within-clause bigrams of the accented tokens, and
 * the same terms diacritic-folded for the shadow field. Stopwords are kept; weighting is
 * the retriever's decision (see isStopword).
 */
export function analyze(text: string): Analysis {
  const unigrams: string[] = [];
  const pairs: string[] = [];
  let previous: string | undefined;
  scanTokens(normalizeText(text), (token, _start, _end, breakBefore) => {
    if (previous !== undefined && !breakBefore) pairs.push(`${previous}_${token}`);
    unigrams.push(token);
    previous = token;
  });
  const terms = unigrams.concat(pairs);
  return { terms, folded: terms.map(foldDiacritics) };
}

/**
 * The distinct folded terms of a text, `new Set(analyze(text).folded)` (unigrams first,
 * then pairs), built in one pass: each token is folded once, no accented pair is made, and
 * every term is a slice of one joined string, so a set kept for long (term-sets.ts in the
 * answerer) holds flat strings rather than chains of concatenations — less than half the
 * memory.
 */
export function foldedTermSet(text: string): Set<string> {
  const folded: string[] = [];
  const pairsPrevious: boolean[] = [];
  scanTokens(normalizeText(text), (token, _start, _end, breakBefore) => {
    pairsPrevious.push(folded.length > 0 && !breakBefore);
    folded.push(foldDiacritics(token));
  });
  // Tokens never contain "_" (it is not a letter or digit), so a pair is the joined span of two tokens.
  const joined = folded.join('_');
  const starts: number[] = [];
  const terms = new Set<string>();
  let at = 0;
  for (const token of folded) {
    starts.push(at);
    terms.add(joined.slice(at, at + token.length));
    at += token.length + 1;
  }
  for (let i = 1; i < folded.length; i++) {
    if (pairsPrevious[i]) terms.add(joined.slice(starts[i - 1], starts[i]! + folded[i]!.length));
  }
  return terms;
}
