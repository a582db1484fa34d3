/**
 * Rank fusion. Reciprocal rank fusion (Cormack et al. 2009) with per-list weights: a
 * list with weight 0 contributes nothing, so the eval can switch a retriever off.
 */

export interface RankedList {
  labels: number[];
  weight: number;
}

/** Weighted RRF: score(l) = Σ weight / (k + rank), rank starting at 1. Best first. */
export function reciprocalRankFusion(lists: RankedList[], k = 60): Array<{ label: number; score: number }> {
  const scores = new Map<number, number>();
  for (const list of lists) {
    if (list.weight === 0) continue;
    list.labels.forEach((label, i) => {
      scores.set(label, (scores.get(label) ?? 0) + list.weight / (k + i + 1));
    });
  }
  return [...scores.entries()]
    .map(([label, score]) => ({ label, score }))
    .sort((a, b) => b.score - a.score || a.label - b.label);
}

/**
 * Keep at most `perDoc` hits of any one document, preserving order, so one long
 * document cannot fill the top k.
 */
export function diversify<T>(hits: T[], docOf: (hit: T) => string, perDoc: number, k: number): T[] {
  const counts = new Map<string, number>();
  const out: T[] = [];
  for (const h of hits) {
    const d = docOf(h);
    const n = counts.get(d) ?? 0;
    if (n >= perDoc) continue;
    counts.set(d, n + 1);
    out.push(h);
    if (out.length >= k) break;
  }
  return out;
}

export interface ScoredList {
  hits: Array<{ label: number; score: number }>;
  weight: number;
}

/**
 * Weighted sum of scores, each list divided by its best score so retrievers on
 * different scales (BM25, cosine) can be mixed; a label missing from a list gets 0 there.
 */
export function scoreFusion(lists: ScoredList[]): Array<{ label: number; score: number }> {
  const scores = new Map<number, number>();
  for (const list of lists) {
    if (list.weight === 0 || list.hits.length === 0) continue;
    const best = Math.max(...list.hits.map((h) => h.score));
    if (!(best > 0)) continue;
    for (const h of list.hits) scores.set(h.label, (scores.get(h.label) ?? 0) + (list.weight * h.score) / best);
  }
  return [...scores.entries()]
    .map(([label, score]) => ({ label, score }))
    .sort((a, b) => b.score - a.score || a.label - b.label);
}
