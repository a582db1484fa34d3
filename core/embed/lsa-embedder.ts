/**
 * The built-in, no-download embedder: latent semantic analysis fitted on the corpus at
 * ingest time and saved with the index. TF-IDF (sublinear tf, smooth idf) over the terms
 * of an injected analyzer, then a randomized truncated SVD; a text's vector is the
 * normalised projection of its TF-IDF vector onto the top right singular vectors.
 */
import type { Embedder } from '../ports.ts';
import { AppError } from '../errors.ts';
import { buildTfidf, countDocument, type Analyzer } from './tfidf.ts';
import { randomizedSvd } from './randomized-svd.ts';
import { Fingerprint } from './fingerprint.ts';

export type { Analyzer } from './tfidf.ts';

/** Options of {@link LsaEmbedder.fit}. */
export interface LsaFitOptions {
  /** Output dimension (default 256). */
  dimension?: number;
  /** Seed of the random test matrix (default 1): same corpus + seed → same model and id. */
  seed?: number;
  /** Vocabulary cap, most frequent terms kept (default 100 000). */
  maxTerms?: number;
  /** Minimum document frequency of a kept term (default 2). */
  minDf?: number;
  /** Power iterations of the randomized SVD (default 1; 2 is slower and slightly more accurate). */
  powerIterations?: number;
  /**
   * Cap the dimension at min(#texts, #terms) and relax minDf to 1 when it would leave no
   * vocabulary, instead of throwing (default false; {@link fitLsaEmbedder} sets it).
   */
  capDimension?: boolean;
  /** Names the analyzer; stored in the model and part of its id, since vectors depend on it. */
  analyzerId?: string;
}

/** The JSON half of a saved model. */
export interface LsaModelJson {
  kind: 'lsa';
  version: 1;
  dimension: number;
  analyzerId: string;
  /** Content fingerprint; the embedder id is `lsa-<dimension>@<hash>`. */
  hash: string;
  terms: string[];
  idf: number[];
}

/** A saved model: JSON plus the projection matrix (terms × dimension, row-major float32). */
export interface LsaSerialized {
  json: LsaModelJson;
  buffers: { projection: Float32Array };
}

const DEFAULTS = { dimension: 256, seed: 1, maxTerms: 100_000, minDf: 2, powerIterations: 1 } as const;

/**
 * LSA embedder. Vectors are unit length, except for a text with no known term (empty, or
 * only words unseen at fit time): it gets the all-zero vector, which scores 0 against every
 * document in a cosine/inner-product index, so such a query simply finds nothing by vector.
 */
export class LsaEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly termIndex: Map<string, number>;

  private constructor(
    private readonly terms: string[],
    private readonly idf: Float64Array,
    private readonly projection: Float32Array,
    dimension: number,
    private readonly analyze: Analyzer,
    private readonly analyzerId: string,
    private readonly hash: string,
  ) {
    this.dimension = dimension;
    this.id = `lsa-${dimension}@${hash}`;
    this.termIndex = new Map(terms.map((t, i) => [t, i]));
  }

  /**
   * Fit on a corpus; deterministic for a given corpus, analyzer and seed. Throws AppError
   * INVALID_ARGUMENT when the pruned vocabulary is empty or, unless `capDimension`, when
   * the corpus cannot support `dimension` (more than min(#texts, #terms)).
   */
  static fit(texts: string[], analyze: Analyzer, opts: LsaFitOptions = {}): LsaEmbedder {
    const termLists = texts.map(analyze);
    const capDimension = opts.capDimension ?? false;
    const requested = opts.dimension ?? DEFAULTS.dimension;
    if (!Number.isInteger(requested) || requested < 1) throw new AppError('INVALID_ARGUMENT', `LSA dimension must be a positive integer, got ${requested}`);
    const maxTerms = opts.maxTerms ?? DEFAULTS.maxTerms;
    let tfidf = buildTfidf(termLists, { minDf: opts.minDf ?? DEFAULTS.minDf, maxTerms });
    if (tfidf.vocabulary.terms.length === 0 && capDimension) tfidf = buildTfidf(termLists, { minDf: 1, maxTerms });
    const { vocabulary, matrix } = tfidf;
    const n = vocabulary.terms.length;
    if (n === 0) throw new AppError('INVALID_ARGUMENT', `LSA vocabulary is empty after pruning (${texts.length} texts)`);
    const supported = Math.min(texts.length, n);
    if (requested > supported && !capDimension) {
      throw new AppError('INVALID_ARGUMENT', `LSA dimension ${requested} exceeds min(#texts ${texts.length}, #terms ${n})`);
    }
    const dimension = Math.min(requested, supported);
    const svd = randomizedSvd(matrix, dimension, { seed: opts.seed ?? DEFAULTS.seed, powerIterations: opts.powerIterations ?? DEFAULTS.powerIterations });
    // Components beyond the numerical rank stay zero: those coordinates carry no signal.
    const projection = new Float32Array(n * dimension);
    for (let t = 0; t < n; t++) {
      for (let j = 0; j < svd.rank; j++) projection[t * dimension + j] = svd.components[t * svd.rank + j]!;
    }
    const analyzerId = opts.analyzerId ?? 'custom';
    const hash = fingerprint(dimension, analyzerId, vocabulary.terms, Float32Array.from(vocabulary.idf), projection);
    return new LsaEmbedder(vocabulary.terms, vocabulary.idf, projection, dimension, analyze, analyzerId, hash);
  }

  /**
   * Rebuild a saved model. `analyze` must be the analyzer it was fitted with. Throws AppError
   * INDEX_CORRUPT when the data is malformed or does not match its fingerprint.
   */
  static deserialize(data: { json: unknown; buffers: { projection: Float32Array } }, analyze: Analyzer): LsaEmbedder {
    const json = data.json as Partial<LsaModelJson> | null;
    const projection = data.buffers.projection;
    if (
      !json || json.kind !== 'lsa' || json.version !== 1 || !Number.isInteger(json.dimension) || !Array.isArray(json.terms) ||
      !Array.isArray(json.idf) || json.idf.length !== json.terms.length || typeof json.hash !== 'string' || typeof json.analyzerId !== 'string' ||
      !(projection instanceof Float32Array) || projection.length !== json.terms.length * (json.dimension ?? 0)
    ) {
      throw new AppError('INDEX_CORRUPT', 'malformed LSA model');
    }
    const dimension = json.dimension!;
    const idf = Float64Array.from(json.idf);
    const hash = fingerprint(dimension, json.analyzerId, json.terms, Float32Array.from(idf), projection);
    if (hash !== json.hash) throw new AppError('INDEX_CORRUPT', `LSA model fingerprint ${hash} differs from saved ${json.hash}`);
    return new LsaEmbedder(json.terms, idf, projection, dimension, analyze, json.analyzerId, hash);
  }

  /** Number of terms in the fitted vocabulary. */
  get vocabularySize(): number {
    return this.terms.length;
  }

  /** The model as JSON (vocabulary, idf, fingerprint) plus the float32 projection matrix. */
  serialize(): LsaSerialized {
    return {
      json: {
        kind: 'lsa', version: 1, dimension: this.dimension, analyzerId: this.analyzerId, hash: this.hash,
        terms: this.terms, idf: Array.from(this.idf),
      },
      buffers: { projection: this.projection },
    };
  }

  /** Synchronous embedding of one text (unit vector, or all zeros when no term is known). */
  embed(text: string): Float32Array {
    const dim = this.dimension;
    const acc = new Float64Array(dim);
    const { ids, counts } = countDocument(this.analyze(text), (t) => this.termIndex.get(t) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i]!;
      const weight = (1 + Math.log(counts[i]!)) * this.idf[t]!;
      const o = t * dim;
      for (let j = 0; j < dim; j++) acc[j]! += weight * this.projection[o + j]!;
    }
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += acc[j]! * acc[j]!;
    const out = new Float32Array(dim);
    if (norm === 0) return out;
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < dim; j++) out[j] = acc[j]! * scale;
    return out;
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embed(text);
  }
}

/**
 * Fit with the dimension capped by what the corpus supports (min(#texts, #terms)), and
 * minDf relaxed to 1 when it would leave no vocabulary: the right call for small or
 * growing corpora. Still throws INVALID_ARGUMENT when no text has any term.
 */
export function fitLsaEmbedder(texts: string[], analyze: Analyzer, opts: LsaFitOptions = {}): LsaEmbedder {
  return LsaEmbedder.fit(texts, analyze, { ...opts, capDimension: true });
}

function fingerprint(dimension: number, analyzerId: string, terms: string[], idf: Float32Array, projection: Float32Array): string {
  const f = new Fingerprint().words(Uint32Array.of(dimension)).text(analyzerId);
  for (const t of terms) f.text(t);
  return f.floats(idf).floats(projection).hex();
}
