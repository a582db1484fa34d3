/**
 * Phase 3 of an ingest run: give the documents read by the run their chunk labels (in
 * reading order, from the base's next free label) and add their chunks' terms to BM25.
 * Returns the new labels, in order, for the embedding phase. The postings are merged
 * into their sorted form at the end.
 */
import { analyzeForIndex } from '../../core/search/analysis.ts';
import { indexTextOf } from '../../core/search/index-text.ts';
import type { BaseState } from './base-state.ts';
import type { PendingDocument } from './load-documents.ts';

/** Label and BM25-index `pending` into `base`; returns the labels given and the next free one. */
export function indexChunks(base: BaseState, pending: readonly PendingDocument[]): { labels: number[]; nextLabel: number } {
  let nextLabel = base.manifest.nextLabel;
  const labels: number[] = [];
  for (const p of pending) {
    for (const c of p.chunks) {
      c.label = nextLabel++;
      p.doc.labels.push(c.label);
      base.chunks.set(c.label, c);
      base.bm25.add(c.label, analyzeForIndex(indexTextOf(p.doc, c)));
      labels.push(c.label);
    }
    base.docs.set(p.doc.id, p.doc);
  }
  // The postings are final now: merged before embedding, their pending copy is not held
  // while the embedder is fitted and the graph grows (the save would merge them anyway).
  base.bm25.compact();
  return { labels, nextLabel };
}
