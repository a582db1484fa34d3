/**
 * Embedder adapter over a transformers.js feature-extraction pipeline (e.g.
 * multilingual-e5). Offline by default: models come from a local directory and no
 * network request is made. Note that transformers.js settings (`env`) are process-wide.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { AppError } from '../../core/errors.ts';
import type { Embedder } from '../../core/ports.ts';

type Dtype = 'auto' | 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'bnb4' | 'q4f16';

/** Options of {@link TransformersEmbedder.create}; plain data, saved in the index manifest. */
export interface TransformersEmbedderOptions {
  /** A model directory (absolute, or relative to the working directory), or a hub id looked up under `localDir`. */
  model: string;
  /** Root of local models for hub ids (transformers.js `env.localModelPath`). */
  localDir?: string;
  /** Default true: `env.allowRemoteModels = false`, never download. */
  offline?: boolean;
  /** Prepended to queries (default 'query: ', for e5-style models; '' disables). */
  queryPrefix?: string;
  /** Prepended to documents (default 'passage: '; '' disables). */
  passagePrefix?: string;
  /** Texts per forward pass (default 16). */
  batchSize?: number;
  pooling?: 'mean' | 'cls';
  /** ONNX weights variant (default 'fp32' = onnx/model.onnx; 'q8' = onnx/model_quantized.onnx …). */
  dtype?: Dtype;
}

const DTYPE_FILE: Record<string, string> = {
  fp32: 'model.onnx', fp16: 'model_fp16.onnx', q8: 'model_quantized.onnx', int8: 'model_int8.onnx',
  uint8: 'model_uint8.onnx', q4: 'model_q4.onnx', bnb4: 'model_bnb4.onnx', q4f16: 'model_q4f16.onnx',
};

/** Where transformers.js will look: the root it joins the model id onto, and that id. */
function locate(opts: TransformersEmbedderOptions): { root: string; modelId: string; dir: string } {
  const asPath = isAbsolute(opts.model) || opts.model.startsWith('.') || isDirectory(opts.model);
  if (asPath) {
    const dir = resolve(opts.model);
    return { root: dirname(dir), modelId: basename(dir), dir };
  }
  const root = resolve(opts.localDir ?? env.localModelPath ?? 'models');
  return { root, modelId: opts.model, dir: join(root, opts.model) };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Sentence embeddings from a transformers.js model, mean- (or CLS-) pooled and L2-normalised. */
export class TransformersEmbedder implements Embedder {
  readonly id: string;

  private constructor(
    private readonly extractor: FeatureExtractionPipeline,
    /** The options it was created with, enough to reopen it. */
    readonly options: Readonly<TransformersEmbedderOptions>,
    readonly dimension: number,
  ) {
    this.id = `transformers:${options.model}`;
  }

  /**
   * Load the model and discover its dimension by embedding a probe. Throws AppError
   * MODEL_NOT_AVAILABLE, naming the directory, when offline and files are missing or the
   * model cannot be loaded.
   */
  static async create(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const opts: TransformersEmbedderOptions = { offline: true, dtype: 'fp32', pooling: 'mean', ...options };
    const { root, modelId, dir } = locate(opts);
    const offline = opts.offline !== false;
    if (offline) {
      const needed = ['config.json', 'tokenizer.json', join('onnx', DTYPE_FILE[opts.dtype ?? 'fp32'] ?? 'model.onnx')];
      const missing = needed.filter((f) => !existsSync(join(dir, f)));
      if (missing.length > 0) {
        throw new AppError('MODEL_NOT_AVAILABLE', `model directory ${dir} lacks ${missing.join(', ')}`, { userSuffix: dir });
      }
    }
    env.allowLocalModels = true;
    env.allowRemoteModels = !offline;
    env.localModelPath = root.endsWith('/') ? root : `${root}/`;
    let extractor: FeatureExtractionPipeline;
    try {
      extractor = await pipeline('feature-extraction', modelId, { dtype: opts.dtype ?? 'fp32', local_files_only: offline });
    } catch (err) {
      throw new AppError('MODEL_NOT_AVAILABLE', `cannot load model ${opts.model} from ${dir}`, { cause: err, userSuffix: dir });
    }
    const probe = await extractor(['probe'], { pooling: opts.pooling ?? 'mean', normalize: true });
    const dimension = probe.dims[probe.dims.length - 1] ?? 0;
    if (dimension <= 0) throw new AppError('MODEL_NOT_AVAILABLE', `model ${opts.model} produced no embedding`, { userSuffix: dir });
    return new TransformersEmbedder(extractor, Object.freeze({ ...options }), dimension);
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    return this.run(texts, this.options.passagePrefix ?? 'passage: ');
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [v] = await this.run([text], this.options.queryPrefix ?? 'query: ');
    return v!;
  }

  private async run(texts: string[], prefix: string): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    const batchSize = Math.max(1, this.options.batchSize ?? 16);
    for (let start = 0; start < texts.length; start += batchSize) {
      const batch = texts.slice(start, start + batchSize).map((t) => prefix + t);
      const tensor = await this.extractor(batch, { pooling: this.options.pooling ?? 'mean', normalize: true });
      const data = tensor.data as Float32Array;
      for (let i = 0; i < batch.length; i++) out.push(Float32Array.from(data.subarray(i * this.dimension, (i + 1) * this.dimension)));
    }
    return out;
  }
}
