/**
 * Which embedder an index uses, and how it is saved with the index and reopened.
 * The composition roots (ingest CLI, server) build embedders only through here; readers
 * reopen a saved one with index/embedders/load-embedder.ts.
 *
 * - `lsa` (default): the built-in LSA embedder, fitted on the corpus at ingest time and
 *   stored in the version directory (no download, works offline).
 * - `transformers`: a transformers.js feature-extraction model from a local directory or
 *   a model id resolved offline (multilingual-e5 style prefixes by default).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmbedderChoice } from '../../config/config.ts';
import { AppError } from '../../core/errors.ts';
import type { Embedder } from '../../core/ports.ts';
import { fitLsaEmbedder, LsaEmbedder } from '../../core/embed/lsa-embedder.ts';
import { encodeBinary } from '../../index/binary-file.ts';
import { LSA_ANALYZER_ID, LSA_MODEL_FILE, loadTransformers, lsaAnalyze } from '../../index/embedders/load-embedder.ts';
import type { TransformersEmbedderOptions } from '../../index/embedders/transformers-embedder.ts';
import type { EmbedderSpec } from '../../index/manifest-file.ts';
import { writeFileAtomic } from '../store/publish.ts';

export type EmbedderConfig =
  | { kind: 'lsa'; dimension?: number }
  | ({ kind: 'transformers' } & TransformersEmbedderOptions);

const DEFAULT_LSA_DIMENSION = 256;

/**
 * The LSA basis is fitted on at most this many chunks (an even, deterministic stride
 * over the corpus); every chunk is then projected with it. Fitting cost grows with the
 * corpus while the basis of a 12k-chunk sample is already stable (see docs/BENCHMARKS.md).
 */
export const LSA_FIT_SAMPLE = 12_000;

/** Every ⌈n/max⌉-th text, so the sample spans all sources in their order. */
export function fitSample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
}

/**
 * Embedder config from the CLI flags `--embedder` and `--model`, which win over the
 * configured choice (EMBEDDER, EMBEDDING_MODEL).
 */
export function embedderConfigFromArgs(kind: string | undefined, model: string | undefined, configured: EmbedderChoice): EmbedderConfig {
  const k = kind ?? configured.kind;
  const m = model ?? (configured.kind === 'transformers' ? configured.model : undefined);
  if (k === 'lsa') return { kind: 'lsa' };
  if (k === 'transformers') {
    if (!m) throw new AppError('INVALID_ARGUMENT', 'the transformers embedder needs --model (or EMBEDDER=transformers with EMBEDDING_MODEL)');
    return { kind: 'transformers', model: m };
  }
  throw new AppError('INVALID_ARGUMENT', `unknown embedder ${k}`);
}

/** Whether an index built with `spec` can be updated with `config` without re-embedding. */
export function embedderMatches(config: EmbedderConfig, spec: EmbedderSpec): boolean {
  // A small corpus caps the fitted dimension, so compare what was asked for.
  if (config.kind === 'lsa') return spec.kind === 'lsa' && spec.options.requestedDimension === (config.dimension ?? DEFAULT_LSA_DIMENSION);
  return spec.kind === 'transformers' && spec.options.model === config.model;
}

/** Build an embedder; the built-in one is fitted on `texts`. */
export async function createEmbedder(config: EmbedderConfig, texts: string[]): Promise<Embedder> {
  if (config.kind === 'lsa') {
    return fitLsaEmbedder(fitSample(texts, LSA_FIT_SAMPLE), lsaAnalyze, { dimension: config.dimension ?? DEFAULT_LSA_DIMENSION, analyzerId: LSA_ANALYZER_ID });
  }
  const { TransformersEmbedder } = await loadTransformers();
  return TransformersEmbedder.create(config);
}

/** Save what is needed to reopen the embedder into `dir`; returns its manifest entry. */
export async function saveEmbedder(embedder: Embedder, dir: string, config?: EmbedderConfig): Promise<EmbedderSpec> {
  if (embedder instanceof LsaEmbedder) {
    const requestedDimension = config?.kind === 'lsa' ? config.dimension ?? DEFAULT_LSA_DIMENSION : DEFAULT_LSA_DIMENSION;
    await mkdir(dir, { recursive: true });
    const { json, buffers } = embedder.serialize();
    await writeFileAtomic(join(dir, LSA_MODEL_FILE), encodeBinary(json, { projection: buffers.projection }));
    return { kind: 'lsa', id: embedder.id, dimension: embedder.dimension, options: { requestedDimension } };
  }
  const { TransformersEmbedder } = await loadTransformers();
  if (embedder instanceof TransformersEmbedder) {
    return { kind: 'transformers', id: embedder.id, dimension: embedder.dimension, options: { ...embedder.options } };
  }
  throw new AppError('INTERNAL', `cannot persist embedder ${embedder.id}`);
}
