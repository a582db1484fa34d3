/**
 * The one analyzer shared by indexing and querying: syllable unigrams and bigrams in the
 * `terms` field, their diacritic-folded forms in the `folded` shadow field. Changing what
 * it produces must change ANALYZER_ID, which forces a full rebuild of older indexes.
 */
import { analyze } from '../text/tokenize.ts';

export const ANALYZER_ID = 'vi-syllable-bigram-folded@1';

export interface AnalyzedFields {
  [field: string]: string[];
  terms: string[];
  folded: string[];
}

/** Analyse a chunk's index text into the BM25 fields. */
export function analyzeForIndex(text: string): AnalyzedFields {
  const { terms, folded } = analyze(text);
  return { terms, folded };
}
