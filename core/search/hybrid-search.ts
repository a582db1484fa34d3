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

/**
 * Per BM25 index, per set of document types: whether each label's document is of one of
 * them (0 not yet known, 1 yes, 2 no), filled as labels are met. A search filtered to a few
 * types (the officials' search over the province's own documents, a tenth of a percent of
 * the passages) otherwise looks up the chunk and document of nearly every passage its
 * query words match. A document's type is its own (metadata overrides change audience and
 * status, which are checked each time); the masks are dropped when the index changes.
 */
const typeMasks = new WeakMap<Bm25Index, { generation: number; masks: Map<string, Uint8Array> }>();

function typeFilter(parts: SearchParts, docIdOf: (label: number) => string | undefined, types: ReadonlySet<string>): (label: number) => boolean {
  let entry = typeMasks.get(parts.bm25);
  if (!entry || entry.generation !== parts.bm25.generation) {
    entry = { generation: parts.bm25.generation, masks: new Map() };
    typeMasks.set(parts.bm25, entry);
  }
  const key = [...types].sort().join('\u0000');
  const known = entry;
  return (label) => {
    let mask = known.masks.get(key);
    if (!mask || label >= mask.length) {
      const grown = new Uint8Array(Math.max(label + 1, (mask?.length ?? 0) * 2, 1024));
      if (mask) grown.set(mask);
      mask = grown;
      known.masks.set(key, mask);
    }
    if (mask[label] === 0) {
      const docId = docIdOf(label);
      const d = docId !== undefined ? parts.document(docId) : undefined;
      mask[label] = d && types.has(d.type) ? 1 : 2;
    }
    return mask[label] === 1;
  };
}

/** Run one search. */
export async function hybridSearch(parts: SearchParts, query: string, o: SearchOptions = {}): Promise<SearchHit[]> {
  const k = o.k ?? 10;
  const depth = o.depth ?? Math.max(50, k * 5);
  const weights = o.weights ?? DEFAULT_WEIGHTS;
  const audiences = new Set(o.audiences ?? ['public']);
  const statuses = new Set(o.statuses ?? ['in_force']);
  const types = o.types ? new Set<string>(o.types) : undefined;
  const docIdOf = parts.docIdOf ? (label: number) => parts.docIdOf!(label) : (label: number) => parts.chunk(label)?.docId;
  const ofTypes = types ? typeFilter(parts, docIdOf, types) : undefined;
  const accept = (label: number): boolean => {
    if (ofTypes && !ofTypes(label)) return false;
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
