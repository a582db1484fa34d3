/**
 * The state an ingest run starts from: the active version, loaded lazily (chunk segments
 * are read only for the files the run rewrites), or an empty index for a full build; and
 * the removal of one document from it.
 */
import { join } from 'node:path';
import { AppError } from '../../core/errors.ts';
import { Bm25Index } from '../../core/search/bm25.ts';
import { analyzeForIndex, ANALYZER_ID } from '../../core/search/analysis.ts';
import { indexTextOf } from '../../core/search/index-text.ts';
import { HnswIndex, HNSW_DEFAULTS } from '../../index/hnsw-index.ts';
import { BM25_FIELDS, loadSegment, loadState, type IndexState, type StoredDocument } from '../../index/index-state.ts';
import { versionsDir } from '../../index/layout.ts';
import { FORMAT_VERSION } from '../../index/manifest-file.ts';
import type { EmbedderConfig } from '../embedders/registry.ts';

/** An index state whose embedder may not exist yet (a full build fits it later). */
export type BaseState = Omit<IndexState, 'embedder'> & { embedder?: IndexState['embedder'] };

/**
 * The active version `current` of `indexDir`, or undefined when it cannot be read (an
 * unreadable version is not fatal: the run rebuilds from the sources).
 */
export async function loadBase(indexDir: string, current: string): Promise<BaseState | undefined> {
  return loadState(join(versionsDir(indexDir), current), { lazyChunks: true }).catch((err: unknown) => {
    if (err instanceof AppError && (err.code === 'INDEX_CORRUPT' || err.code === 'EMBEDDER_MISMATCH')) return undefined;
    throw err;
  });
}

/** An empty index for a full build with `embedderConfig` (the embedder is fitted later). */
export function emptyBase(embedderConfig: EmbedderConfig): BaseState {
  return {
    manifest: {
      formatVersion: FORMAT_VERSION, createdAt: '', analyzer: ANALYZER_ID,
      embedder: { kind: embedderConfig.kind, id: '', dimension: 1, options: {} },
      hnsw: { M: HNSW_DEFAULTS.M, efConstruction: HNSW_DEFAULTS.efConstruction },
      nextLabel: 0, files: {}, counts: { documents: 0, chunks: 0 }, embeddedSinceFit: 0,
    },
    docs: new Map(),
    chunks: new Map(),
    bm25: new Bm25Index(BM25_FIELDS),
    vectors: new HnswIndex(1, { ...HNSW_DEFAULTS }),
  };
}

/** Remove `doc` with its chunks, postings and vectors (its segment is read first if it was not). */
export async function removeDocument(base: BaseState, doc: StoredDocument): Promise<void> {
  await loadSegment(base, doc.file);
  for (const label of doc.labels) {
    const chunk = base.chunks.get(label);
    if (chunk) base.bm25.remove(label, analyzeForIndex(indexTextOf(doc, chunk)));
    if (base.vectors.has(label)) base.vectors.remove(label);
    base.chunks.delete(label);
  }
  base.docs.delete(doc.id);
}
