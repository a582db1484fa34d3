import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { cosine, runEmbedderContract } from '../../core/embed/embedder.contract.ts';
import { makeTinyModel } from '../../scripts/make-tiny-model.ts';
import { TransformersEmbedder } from './transformers-embedder.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiny-model-'));
const tiny = makeTinyModel(join(dir, 'tiny-bert'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runEmbedderContract('TransformersEmbedder (tiny local model)', async () => TransformersEmbedder.create({ model: (await tiny).modelDir }), {
  text: 'Lệ phí đăng ký thường trú tại công an xã',
  similar: 'đăng ký thường trú',
  unrelated: 'giấy phép xây dựng nhà ở',
  others: ['thời hạn giải quyết 7 ngày làm việc', 'phòng chống ma túy'],
});

describe('TransformersEmbedder', () => {
  let embedder: TransformersEmbedder;
  beforeAll(async () => {
    embedder = await TransformersEmbedder.create({ model: (await tiny).modelDir, batchSize: 2 });
  });

  it('discovers the dimension and names the model in its id', async () => {
    const { modelDir, dimension } = await tiny;
    expect(embedder.dimension).toBe(dimension);
    expect(embedder.id).toBe(`transformers:${modelDir}`);
  });

  it('applies e5-style prefixes by default, and none when disabled', async () => {
    const { modelDir } = await tiny;
    const plain = await TransformersEmbedder.create({ model: modelDir, queryPrefix: '', passagePrefix: '' });
    const [doc] = await plain.embedDocuments(['căn cước công dân']);
    expect(Array.from(await plain.embedQuery('căn cước công dân'))).toEqual(Array.from(doc!));
    const q = await embedder.embedQuery('căn cước công dân');
    const [p] = await embedder.embedDocuments(['căn cước công dân']);
    expect(cosine(q, p!)).toBeLessThan(0.99999);
  });

  it('loads a model by id under localDir', async () => {
    const byId = await TransformersEmbedder.create({ model: 'tiny-bert', localDir: dir });
    expect(byId.dimension).toBe(embedder.dimension);
    expect(Array.from(await byId.embedQuery('hộ khẩu'))).toEqual(Array.from(await embedder.embedQuery('hộ khẩu')));
  });

  it('reports MODEL_NOT_AVAILABLE naming the directory when files are missing, without a download', async () => {
    const missing = join(dir, 'no-such-model');
    const err = await TransformersEmbedder.create({ model: missing }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('MODEL_NOT_AVAILABLE');
    expect((err as AppError).message).toContain(missing);
    const byId = await TransformersEmbedder.create({ model: 'intfloat/multilingual-e5-small', localDir: dir }).catch((e: unknown) => e);
    expect((byId as AppError).code).toBe('MODEL_NOT_AVAILABLE');
    expect((byId as AppError).message).toContain(join(dir, 'intfloat/multilingual-e5-small'));
  });
});
