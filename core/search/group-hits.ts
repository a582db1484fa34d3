/**
 * Search results by source: a document or law article often brings several of its chunks
 * into the top k, so k results would hold fewer than k sources. Grouped, each source comes
 * once, at the rank of its best chunk, with its other chunks as passages (best first).
 */
import type { SearchHit } from './types.ts';

/** A source with its best chunk and the others found. */
export interface HitGroup {
  best: SearchHit;
  /** The source's other chunks among the hits, best first. */
  others: SearchHit[];
}

/** The first `k` sources of `hits` (best first), each with at most `perGroup` further passages. */
export function groupHits(hits: readonly SearchHit[], k: number, perGroup: number): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    const group = groups.get(hit.docId);
    if (group) {
      if (group.others.length < perGroup) group.others.push(hit);
    } else if (groups.size < k) {
      groups.set(hit.docId, { best: hit, others: [] });
    }
  }
  return [...groups.values()];
}
