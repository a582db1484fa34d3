/**
 * The Vietnamese text core: normalisation, tone canonicalisation, diacritic folding,
 * tokenisation for BM25, stopwords and the abbreviation dictionary.
 */
export { normalizeText } from './normalize.ts';
export { canonicalTone, canonicalToneSyllable } from './tone.ts';
export { foldDiacritics } from './fold.ts';
export { VIETNAMESE_LETTERS } from './letters.ts';
export { analyze, bigrams, foldedTermSet, tokenize, tokenizeClauses, tokenSpans, type Analysis, type TokenSpan } from './tokenize.ts';
export { isStopword, QUESTION_WORDS, STOPWORDS } from './stopwords.ts';
export {
  abbreviationsIn,
  createTermMatcher,
  DICTIONARY,
  expandTerms,
  matchTerms,
  parseDictionary,
  type DictionaryEntry,
  type TermKind,
  type TermMatch,
  type TermMatcher,
} from './dictionary.ts';
