/** Ranking metrics over document ids (first occurrence counts). */

export interface RankingScores {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrrAt10: number;
  ndcgAt10: number;
}

/** Unique ids in order of first appearance. */
export function uniqueInOrder(ids: string[]): string[] {
  return [...new Set(ids)];
}

/**
 * nDCG@k with binary relevance: Σ 1/log2(rank + 1) over gold ids in the top k, divided
 * by the same sum for an ideal ranking (all gold ids first). Ids are de-duplicated first.
 */
export function ndcgAt(ranked: string[], gold: string[], k: number): number {
  const g = new Set(gold);
  let dcg = 0;
  uniqueInOrder(ranked).slice(0, k).forEach((id, i) => {
    if (g.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(g.size, k); i++) ideal += 1 / Math.log2(i + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

/**
 * Recall@k: share of gold ids found in the top k (averaged per question);
 * MRR@10: reciprocal rank of the first gold id within 10; nDCG@10 (see {@link ndcgAt}).
 */
export function scoreRankings(runs: Array<{ ranked: string[]; gold: string[] }>): RankingScores {
  let r1 = 0;
  let r5 = 0;
  let r10 = 0;
  let mrr = 0;
  let ndcg = 0;
  for (const { ranked, gold } of runs) {
    const g = new Set(gold);
    const ids = uniqueInOrder(ranked);
    const hitsAt = (k: number) => ids.slice(0, k).filter((id) => g.has(id)).length / Math.max(1, g.size);
    r1 += hitsAt(1);
    r5 += hitsAt(5);
    r10 += hitsAt(10);
    const first = ids.slice(0, 10).findIndex((id) => g.has(id));
    if (first >= 0) mrr += 1 / (first + 1);
    ndcg += ndcgAt(ids, gold, 10);
  }
  const n = Math.max(1, runs.length);
  return { questions: runs.length, recallAt1: r1 / n, recallAt5: r5 / n, recallAt10: r10 / n, mrrAt10: mrr / n, ndcgAt10: ndcg / n };
}
