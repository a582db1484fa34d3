/**
 * Reopening the embedder an index version was built with, from its manifest entry and
 * the version's `embedder/` directory: the built-in LSA embedder from its saved basis, or
 * transformers.js from the local model directory the manifest names. Ingest creates and
 * saves embedders (ingest/embedders/registry.ts); readers only reopen them.
 */
import { join } from 'node:path';
import { AppError } from '../../core/errors.ts';
import { LsaEmbedder, type LsaModelJson } from '../../core/embed/lsa-embedder.ts';
import type { Embedder } from '../../core/ports.ts';
import { analyze } from '../../core/text/tokenize.ts';
import { readBinaryFile, type BinaryContent } from '../binary-file.ts';
import type { EmbedderSpec } from '../manifest-file.ts';
import type { TransformersEmbedderOptions } from './transformers-embedder.ts';

/** transformers.js (and onnxruntime) load only when an index uses a neural embedder. */
export const loadTransformers = () => import('./transformers-embedder.ts');

/** Analyzer of the LSA embedder: folded syllables and pairs, so unaccented queries embed alike. */
export const LSA_ANALYZER_ID = 'vi-folded-syllable-bigram@1';
export const lsaAnalyze = (text: string): string[] => analyze(text).folded;

/** The LSA basis inside a version's embedder directory. */
export const LSA_MODEL_FILE = 'lsa.bin';

/** Read the LSA model file of an embedder directory (into shared memory with `shared`). */
export function readLsaModel(dir: string, opts: { shared?: boolean } = {}): Promise<BinaryContent<LsaModelJson>> {
  return readBinaryFile<LsaModelJson>(join(dir, LSA_MODEL_FILE), opts);
}

/**
 * Reopen the embedder an index was built with. `lsa`: the LSA model file already read
 * (e.g. shared by the main thread), instead of reading it from `dir`.
 */
export async function loadEmbedder(spec: EmbedderSpec, dir: string, lsa?: BinaryContent<LsaModelJson>): Promise<Embedder> {
  if (spec.kind === 'lsa') {
    const { header, arrays } = lsa ?? await readLsaModel(dir);
    if (header.analyzerId !== LSA_ANALYZER_ID) {
      throw new AppError('EMBEDDER_MISMATCH', `LSA model analyzer ${header.analyzerId} != ${LSA_ANALYZER_ID}`);
    }
    return LsaEmbedder.deserialize({ json: header, buffers: { projection: arrays.projection as Float32Array } }, lsaAnalyze);
  }
  if (spec.kind === 'transformers') {
    const { TransformersEmbedder } = await loadTransformers();
    return TransformersEmbedder.create(spec.options as unknown as TransformersEmbedderOptions);
  }
  throw new AppError('INDEX_CORRUPT', `unknown embedder kind ${spec.kind}`);
}
