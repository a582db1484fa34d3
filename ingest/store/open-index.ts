/**
 * The read side of an index directory: open the active version and search it with
 * BM25 (accented and folded fields) and dense vectors, fused by weighted RRF.
 */
import { join, resolve } from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { Audience, DocumentStatus, DocumentType } from '../../core/model.ts';
import type { Embedder } from '../../core/ports.ts';
import { analyzeForIndex } from '../../core/search/analysis.ts';
import { diversify, reciprocalRankFusion, scoreFusion, type ScoredList } from '../../core/search/fusion.ts';
import type { FieldQuery } from '../../core/search/bm25.ts';
import { readCurrent, versionsDir } from './layout.ts';
import { loadState, type IndexState, type StoredChunk, type StoredDocument } from './index-state.ts';

export interface SearchOptions {
  k?: number;
  /** Audiences allowed to be returned (citizens: ['public']). Default: public only. */
  audiences?: Audience[];
  /** Statuses allowed. Default: in force only. */
  statuses?: DocumentStatus[];
  types?: DocumentType[];
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

/** Default fusion weights (see docs/BENCHMARKS.md for how they were chosen). */
export const DEFAULT_WEIGHTS = { bm25: 1, dense: 0 };
export const DEFAULT_FUSION: 'rrf' | 'score' = 'rrf';

export interface OpenIndex {
  readonly version: string;
  readonly state: IndexState;
  search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;
  document(id: string): StoredDocument | undefined;
  chunk(label: number): StoredChunk | undefined;
}

/** Build the BM25 field queries for a user query. */
export function bm25Queries(query: string): FieldQuery[] {
  const { terms, folded } = analyzeForIndex(query);
  // A query typed without diacritics matches only through the folded field, so that
  // field then carries full weight; with diacritics the exact field leads.
  const accented = terms.some((t, i) => t !== folded[i]);
  return [
    { field: 'terms', terms, weight: 1 },
    { field: 'folded', terms: folded, weight: accented ? 0.3 : 1 },
  ];
}

/** Open the active version of an index directory. */
export async function openIndex(indexDir: string, opts: { embedder?: Embedder } = {}): Promise<OpenIndex> {
  const dir = resolve(indexDir);
  const version = await readCurrent(dir);
  if (!version) throw new AppError('INDEX_NOT_FOUND', `no published index in ${dir}`);
  const state = await loadState(join(versionsDir(dir), version), opts);
  return {
    version,
    state,
    document: (id) => state.docs.get(id),
    chunk: (label) => state.chunks.get(label),
    async search(query, o = {}) {
      const k = o.k ?? 10;
      const depth = o.depth ?? Math.max(50, k * 5);
      const weights = o.weights ?? DEFAULT_WEIGHTS;
      const audiences = new Set(o.audiences ?? ['public']);
      const statuses = new Set(o.statuses ?? ['in_force']);
      const types = o.types ? new Set(o.types) : undefined;
      const accept = (label: number): boolean => {
        const c = state.chunks.get(label);
        const d = c && state.docs.get(c.docId);
        return !!d && audiences.has(d.audience) && statuses.has(d.status) && (!types || types.has(d.type));
      };
      const lists: ScoredList[] = [];
      if (weights.bm25 > 0) lists.push({ hits: state.bm25.search(bm25Queries(query), depth, accept), weight: weights.bm25 });
      if (weights.dense > 0 && state.vectors.size > 0) {
        const qv = await state.embedder.embedQuery(query);
        const hits = state.vectors.search(qv, depth * 2).filter((h) => h.score > 0 && accept(h.label));
        lists.push({ hits: hits.slice(0, depth), weight: weights.dense });
      }
      // A single retriever keeps its own scores (BM25 or cosine), which thresholds can use.
      const fused = lists.length === 1
        ? lists[0]!.hits
        : (o.fusion ?? DEFAULT_FUSION) === 'score'
        ? scoreFusion(lists)
        : reciprocalRankFusion(lists.map((l) => ({ labels: l.hits.map((h) => h.label), weight: l.weight })));
      const picked = diversify(fused, (h) => state.chunks.get(h.label)!.docId, o.perDoc ?? 3, k);
      return picked.map(({ label, score }) => {
        const c = state.chunks.get(label)!;
        const d = state.docs.get(c.docId)!;
        return {
          docId: d.id, sourceId: d.sourceId, chunkId: c.id, label, title: d.title,
          ...(d.number ? { number: d.number } : {}),
          section: c.sectionLabel, score, text: c.text,
        };
      });
    },
  };
}
