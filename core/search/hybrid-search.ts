/**
 * Hybrid search over one index: BM25 (accented and folded fields) and dense vectors,
 * fused, filtered by audience/status/type/date, diversified per document.
 */
import type { Chunk, DocumentRecord } from '../model.ts';
import type { Embedder, VectorIndex } from '../ports.ts';
import type { Bm25Index } from './bm25.ts';
import { bm25Queries } from './query.ts';
import { diversify, reciprocalRankFusion, scoreFusion, type ScoredList } from './fusion.ts';
import type { SearchHit, SearchOptions } from './types.ts';

/** Default fusion weights (see docs/BENCHMARKS.md for how they were chosen). */
export const DEFAULT_WEIGHTS = { bm25: 1, dense: 0 };
export const DEFAULT_FUSION: 'rrf' | 'score' = 'rrf';

export { bm25Queries } from './query.ts';

export interface SearchParts {
  bm25: Bm25Index;
  vectors: VectorIndex;
  embedder: Embedder;
  chunk(label: number): Chunk | undefined;
  document(docId: string): DocumentRecord | undefined;
  /**
   * The document a label belongs to, when known without reading the chunk: the filters
   * ask it of every candidate, and a chunk may cost a parse (index/chunk-store.ts).
   */
  docIdOf?(label: number): string | undefined;
}

/** Run one search. */
export async function hybridSearch(parts: SearchParts, query: string, o: SearchOptions = {}): Promise<SearchHit[]> {
  const k = o.k ?? 10;
  const depth = o.depth ?? Math.max(50, k * 5);
  const weights = o.weights ?? DEFAULT_WEIGHTS;
  const audiences = new Set(o.audiences ?? ['public']);
  const statuses = new Set(o.statuses ?? ['in_force']);
  const types = o.types ? new Set(o.types) : undefined;
  const docIdOf = parts.docIdOf ? (label: number) => parts.docIdOf!(label) : (label: number) => parts.chunk(label)?.docId;
  const accept = (label: number): boolean => {
    const docId = docIdOf(label);
    const d = docId !== undefined ? parts.document(docId) : undefined;
    if (!d || !audiences.has(d.audience) || !statuses.has(d.status) || (types && !types.has(d.type))) return false;
    if (d.issuedDate && ((o.issuedFrom && d.issuedDate < o.issuedFrom) || (o.issuedTo && d.issuedDate > o.issuedTo))) return false;
    return true;
  };
  const lists: ScoredList[] = [];
  if (weights.bm25 > 0) lists.push({ hits: parts.bm25.search(bm25Queries(query), depth, accept), weight: weights.bm25 });
  if (weights.dense > 0 && parts.vectors.size > 0) {
    const qv = await parts.embedder.embedQuery(query);
    const hits = parts.vectors.search(qv, depth * 2).filter((h) => h.score > 0 && accept(h.label));
    lists.push({ hits: hits.slice(0, depth), weight: weights.dense });
  }
  // A single retriever keeps its own scores (BM25 or cosine), which thresholds can use.
  const fused = lists.length === 1
    ? lists[0]!.hits
    : (o.fusion ?? DEFAULT_FUSION) === 'score'
      ? scoreFusion(lists)
      : reciprocalRankFusion(lists.map((l) => ({ labels: l.hits.map((h) => h.label), weight: l.weight })));
  const picked = diversify(fused, (h) => docIdOf(h.label)!, o.perDoc ?? 3, k);
  return picked.map(({ label, score }) => {
    const c = parts.chunk(label)!;
    const d = parts.document(c.docId)!;
    return {
      docId: d.id, sourceId: d.sourceId, chunkId: c.id, label, title: d.title,
      ...(d.number ? { number: d.number } : {}),
      section: c.sectionLabel, score, text: c.text,
    };
  });
}
