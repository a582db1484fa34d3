/**
 * Phase 4 of an ingest run: the vectors. The built-in embedder is (re)fitted when the
 * index has none or enough new text arrived since the last fit; the whole index is then
 * re-embedded into a new HNSW graph. Otherwise only the new chunks are embedded and added.
 *
 * Texts are made and embedded a batch at a time, in label order, and each batch's vectors
 * go straight into the graph: neither every chunk's text nor every vector is held at once.
 */
import { indexTextOf } from '../../core/search/index-text.ts';
import { HnswIndex, HNSW_DEFAULTS } from '../../index/hnsw-index.ts';
import { loadAllSegments, type IndexState } from '../../index/index-state.ts';
import { createEmbedder, fitSample, LSA_FIT_SAMPLE, type EmbedderConfig } from '../embedders/registry.ts';
import type { BaseState } from './base-state.ts';

/** Fraction of chunks embedded since the last fit above which the built-in embedder is refitted. */
const REFIT_DRIFT = 0.3;

/**
 * Texts embedded per call. A multiple of the transformers embedder's batch sizes, so its
 * batches (and so its padding) are those of one call over every text.
 */
export const EMBED_BATCH = 4096;

/** Inputs of {@link embedChunks}. */
export interface EmbedChunksOptions {
  base: BaseState;
  embedderConfig: EmbedderConfig;
  /** Labels added by this run, in order. */
  newLabels: readonly number[];
  /** Live chunks after the run. */
  totalChunks: number;
  /**
   * Ends a timed step: `embedderFit`, then `embed` and `hnsw` per batch (`final` false but
   * for the last batch's `hnsw`); `embed` alone for an update.
   */
  lap: (name: string, final?: boolean) => void;
}

/** Embed into `base` (its embedder set, refitted or kept); returns the new fit counter and whether the built-in embedder was refitted. */
export async function embedChunks(o: EmbedChunksOptions): Promise<{ embeddedSinceFit: number; refitted: boolean }> {
  const { base } = o;
  const textOf = (label: number) => {
    const c = base.chunks.get(label)!;
    return indexTextOf(base.docs.get(c.docId)!, c);
  };
  const drift = (base.manifest.embeddedSinceFit + o.newLabels.length) / Math.max(1, o.totalChunks);
  const needFit = !base.embedder || (o.embedderConfig.kind === 'lsa' && drift > REFIT_DRIFT);
  if (!needFit) {
    await embedInto(base.embedder!, base.vectors, o.newLabels, textOf);
    o.lap('embed');
    return { embeddedSinceFit: base.manifest.embeddedSinceFit + o.newLabels.length, refitted: false };
  }
  await loadAllSegments(base);
  const labels = [...base.chunks.keys()].sort((a, b) => a - b);
  // Only the LSA fit reads texts, and only a sample of them (fitSample of the sample is itself).
  const sample = o.embedderConfig.kind === 'lsa' ? fitSample(labels, LSA_FIT_SAMPLE).map(textOf) : [];
  const embedder = await createEmbedder(o.embedderConfig, sample);
  base.embedder = embedder;
  delete base.embedderDir;
  o.lap('embedderFit');
  base.vectors = new HnswIndex(embedder.dimension, { ...HNSW_DEFAULTS, capacity: labels.length });
  await embedInto(embedder, base.vectors, labels, textOf, o.lap);
  return { embeddedSinceFit: 0, refitted: o.embedderConfig.kind === 'lsa' };
}

/** Embed `labels`' texts a batch at a time and add the vectors to `vectors`, in order. */
async function embedInto(embedder: IndexState['embedder'], vectors: HnswIndex, labels: readonly number[], textOf: (label: number) => string, lap?: EmbedChunksOptions['lap']): Promise<void> {
  for (let start = 0; start < labels.length; start += EMBED_BATCH) {
    const batch = labels.slice(start, start + EMBED_BATCH);
    const vecs = await embedder.embedDocuments(batch.map(textOf));
    lap?.('embed', false);
    batch.forEach((l, i) => vectors.add(l, vecs[i]!));
    lap?.('hnsw', start + EMBED_BATCH >= labels.length);
  }
}
