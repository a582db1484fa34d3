/**
 * The folded terms ({@link passageTerms}) of the index's own texts — chunk texts, chunks as
 * indexed, document titles — computed once per object instead of once per question:
 * analysing a passage costs about 0.1 ms, and a question reads a hundred.
 *
 * Safe to keep because an index is immutable: a re-index or an index swap yields new
 * Chunk and DocumentRecord objects, so an entry can never describe changed text.
 */
import { BoundedCache } from '../../bounded-cache.ts';
import type { Chunk, DocumentRecord } from '../../model.ts';
import { indexTextOf } from '../../search/index-text.ts';
import { indexOfSorted } from '../../search/sorted-terms.ts';
import { passageTerms, type TermSet } from './coverage.ts';

/**
 * Chunks whose terms are kept, per kind (own text, as indexed): the chunks recent
 * questions read (the 248 questions of the eval read about 6,500). About 1.6 KB each, so
 * at most about 26 MB in all, where plain sets for every chunk of the full index would
 * take 600 MB. Entries of a replaced index are never asked for again and age out.
 */
const CHUNK_TERM_SETS = 8192;

/**
 * Terms shared by the kept sets: the same words recur in every passage, and one string
 * each is a third of the memory. At most 2^18 terms (about 15 MB), cleared when full;
 * sets made before keep their strings.
 */
const TERM_POOL_MAX = 1 << 18;
const pool = new Map<string, string>();

function pooled(term: string): string {
  const known = pool.get(term);
  if (known !== undefined) return known;
  if (pool.size >= TERM_POOL_MAX) pool.clear();
  pool.set(term, term);
  return term;
}

/** A passage's terms as a sorted array: membership by binary search, a quarter of a Set's memory. */
class SortedTerms implements TermSet {
  private readonly terms: string[];

  constructor(terms: Iterable<string>) {
    this.terms = Array.from(terms, pooled).sort();
  }

  has(term: string): boolean {
    return indexOfSorted(this.terms, term) >= 0;
  }
}

const ofChunkText = new BoundedCache<Chunk, TermSet>(CHUNK_TERM_SETS);
const ofIndexedChunk = new BoundedCache<Chunk, { title: string; number: string | undefined; terms: TermSet }>(CHUNK_TERM_SETS);
/** Titles are short and one per document: kept for as long as their document object lives. */
const ofTitle = new WeakMap<DocumentRecord, TermSet>();

/** Terms of a chunk's own text. */
export function chunkTerms(chunk: Chunk): TermSet {
  return ofChunkText.get(chunk, (c) => new SortedTerms(passageTerms(c.text)));
}

/** Terms of a chunk as indexed, with its document's title, number and headings ({@link indexTextOf}). */
export function indexedTerms(doc: DocumentRecord, chunk: Chunk): TermSet {
  const entry = ofIndexedChunk.get(chunk, () => ({ title: doc.title, number: doc.number, terms: new SortedTerms(passageTerms(indexTextOf(doc, chunk))) }));
  // A chunk is indexed with its own document's title and number (in any view of the
  // document, such as one with an admin's metadata overrides); another is computed afresh.
  return entry.title === doc.title && entry.number === doc.number ? entry.terms : passageTerms(indexTextOf(doc, chunk));
}

/** Terms of a document's title. */
export function titleTerms(doc: DocumentRecord): TermSet {
  let terms = ofTitle.get(doc);
  if (!terms) ofTitle.set(doc, (terms = new SortedTerms(passageTerms(doc.title))));
  return terms;
}

class TermUnion implements TermSet {
  constructor(private readonly sets: readonly TermSet[]) {}

  has(term: string): boolean {
    for (const s of this.sets) if (s.has(term)) return true;
    return false;
  }
}

/** Several term sets read as their union, without building it. */
export function unionOf(sets: readonly TermSet[]): TermSet {
  return new TermUnion(sets);
}

