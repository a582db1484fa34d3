/**
 * The one analyzer shared by indexing and querying: syllable unigrams and bigrams in the
 * `terms` field, their diacritic-folded forms in the `folded` shadow field. A document
 * number ("83/kh-ubnd") is kept whole and also gives its serial ("83"), so "kế hoạch 83"
 * and "quyết định số 127" find the document. Changing what it produces must change
 * ANALYZER_ID, which forces a full rebuild of older indexes.
 */
import { foldDiacritics } from '../text/fold.ts';
import { normalizeText } from '../text/normalize.ts';
import { scanTokens } from '../text/scan.ts';

export const ANALYZER_ID = 'vi-syllable-bigram-folded-docserial@2';

export interface AnalyzedFields {
  [field: string]: string[];
  terms: string[];
  folded: string[];
}

/** One index term of a text and the token positions it covers (one for a syllable, two for a pair). */
export interface PositionedTerm {
  term: string;
  first: number;
  last: number;
  /** Set for the serial of a document number and its pair: a back-off, less specific than the whole number. */
  serial?: true;
}

/** Tokens of a text and its index terms: unigrams in text order, then within-clause pairs. */
export interface TermAnalysis {
  tokens: string[];
  terms: PositionedTerm[];
}

const SERIAL = /^\d+(?=.*\p{L})/u;

/**
 * The serial of a document number ("83/kh-ubnd" → "83", "57-nq/tw" → "57"), or undefined
 * for anything else. Document numbers are the only tokens that start with a digit and
 * contain a letter (see scanTokens); dates and amounts have no letter.
 */
export function documentSerial(token: string): string | undefined {
  const c = token.charCodeAt(0);
  if (c < 0x30 || c > 0x39) return undefined;
  return SERIAL.exec(token)?.[0];
}

/**
 * Walk the tokens of a text: `unigram` for each token (and a document number's serial),
 * `pair` for each within-clause pair of neighbours (and the pair ending in the serial).
 */
function walk(
  text: string,
  unigram: (term: string, at: number, serial: boolean) => void,
  pair: (term: string, at: number, serial: boolean) => void,
  token?: (t: string) => void,
): void {
  let previous: string | undefined;
  let at = -1;
  scanTokens(normalizeText(text), (t, _start, _end, breakBefore) => {
    at++;
    token?.(t);
    const serial = documentSerial(t);
    unigram(t, at, false);
    if (serial) unigram(serial, at, true);
    if (previous !== undefined && !breakBefore) {
      pair(`${previous}_${t}`, at, false);
      // "số 83/kh-ubnd" is also "số 83", as "quyết định số 127" is typed.
      if (serial) pair(`${previous}_${serial}`, at, true);
    }
    previous = t;
  });
}

/** Analyse a chunk's index text into the BM25 fields. */
export function analyzeForIndex(text: string): AnalyzedFields {
  const unigrams: string[] = [];
  const pairs: string[] = [];
  walk(text, (t) => unigrams.push(t), (t) => pairs.push(t));
  const terms = unigrams.concat(pairs);
  return { terms, folded: terms.map(foldDiacritics) };
}

/** {@link analyzeForIndex}'s terms (same terms, same order) with the token positions each covers. */
export function analyzeTerms(text: string): TermAnalysis {
  const tokens: string[] = [];
  const unigrams: PositionedTerm[] = [];
  const pairs: PositionedTerm[] = [];
  walk(
    text,
    (term, at, serial) => unigrams.push({ term, first: at, last: at, ...(serial ? { serial: true as const } : {}) }),
    (term, at, serial) => pairs.push({ term, first: at - 1, last: at, ...(serial ? { serial: true as const } : {}) }),
    (t) => tokens.push(t),
  );
  return { tokens, terms: unigrams.concat(pairs) };
}
