/**
 * The search contract shared by the index (ingest/), the answerers (core/answer) and the
 * server: options, hits in the `/api/search` shape, and the read-only corpus view.
 */
import type { Audience, Chunk, DocumentRecord, DocumentStatus, DocumentType } from '../model.ts';

export interface SearchOptions {
  k?: number;
  /** Audiences allowed to be returned (citizens: ['public']). Default: public only. */
  audiences?: Audience[];
  /** Statuses allowed. Default: in force only. */
  statuses?: DocumentStatus[];
  types?: DocumentType[];
  /** Only documents issued on or after / before these ISO dates (documents without a date pass). */
  issuedFrom?: string;
  issuedTo?: string;
  /** Retrievers and their fusion weights; default measured by `npm run eval`. */
  weights?: { bm25: number; dense: number };
  /** How retrievers are combined: reciprocal rank fusion, or normalised score sum. */
  fusion?: 'rrf' | 'score';
  /** Max chunks per document in the result. */
  perDoc?: number;
  /** Candidates taken from each retriever before fusion. */
  depth?: number;
}

/** One hit, in the `/api/search` shape plus ids useful to callers. */
export interface SearchHit {
  docId: string;
  sourceId: string;
  chunkId: string;
  label: number;
  title: string;
  number?: string;
  section: string;
  /** The retriever's own score when one retriever ran, else the fused score. */
  score: number;
  text: string;
}

/** Read-only view of an open index that answerers need: search plus lookups. */
export interface Corpus {
  search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;
  document(docId: string): DocumentRecord | undefined;
  /** All chunks of a document, in document order. */
  chunksOf(docId: string): Chunk[];
  chunk(label: number): Chunk | undefined;
  /**
   * How common a diacritic-folded syllable or syllable pair ("can_cuoc") is: `df`, the live
   * chunks whose folded text contains it, of `n` live chunks. Optional: answerers use it to
   * weight question words by rarity and fall back to fixed weights without it.
   */
  termStats?(term: string): TermStats;
}

/** Document frequency of a term among the corpus's chunks. */
export interface TermStats {
  df: number;
  n: number;
}
