/**
 * A corpus wrapper that remembers what an exchange retrieved (best score per document),
 * for the audit trail; used by the assistant and by answer workers.
 */
import type { Corpus } from '../../core/search/types.ts';

/** How many retrieved documents an audit record keeps. */
const MAX_AUDITED_HITS = 20;

/** Wrap a corpus so an exchange can report what it retrieved: best score per document. */
export function recordingCorpus(corpus: Corpus): { corpus: Corpus; retrieved: () => Array<{ docId: string; score: number }> } {
  const best = new Map<string, number>();
  const wrapped: Corpus = {
    search: async (query, opts) => {
      const hits = await corpus.search(query, opts);
      for (const h of hits) if ((best.get(h.docId) ?? -Infinity) < h.score) best.set(h.docId, h.score);
      return hits;
    },
    document: (id) => corpus.document(id),
    chunksOf: (id) => corpus.chunksOf(id),
    chunk: (label) => corpus.chunk(label),
    ...(corpus.termStats ? { termStats: corpus.termStats.bind(corpus) } : {}),
  };
  return {
    corpus: wrapped,
    retrieved: () => [...best].sort((a, b) => b[1] - a[1]).slice(0, MAX_AUDITED_HITS).map(([docId, score]) => ({ docId, score: Math.round(score * 1000) / 1000 })),
  };
}
