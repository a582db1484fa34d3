import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { cosine, runEmbedderContract } from './embedder.contract.ts';
import { fitLsaEmbedder, LsaEmbedder } from './lsa-embedder.ts';

const words = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

/** Two topics (residence, construction) with varied wording, plus shared boilerplate. */
const corpus = [
  'đăng ký thường trú tại công an xã hồ sơ gồm tờ khai thay đổi thông tin cư trú',
  'thủ tục đăng ký thường trú cho công dân chuyển đến nơi cư trú mới',
  'xóa đăng ký thường trú khi công dân chuyển đi nơi khác cư trú',
  'tờ khai thay đổi thông tin cư trú nộp tại công an cấp xã',
  'thời hạn giải quyết đăng ký thường trú là 07 ngày làm việc',
  'cấp giấy phép xây dựng nhà ở riêng lẻ tại ủy ban nhân dân cấp huyện',
  'hồ sơ đề nghị cấp giấy phép xây dựng gồm bản vẽ thiết kế nhà ở',
  'điều chỉnh giấy phép xây dựng khi thay đổi thiết kế công trình',
  'thời hạn cấp giấy phép xây dựng là 15 ngày làm việc',
  'gia hạn giấy phép xây dựng công trình nhà ở riêng lẻ',
];

runEmbedderContract('LsaEmbedder (synthetic corpus)', () => LsaEmbedder.fit(corpus, words, { dimension: 4 }), {
  text: corpus[1]!,
  similar: 'đăng ký thường trú nơi cư trú mới',
  unrelated: corpus[6]!,
  others: [corpus[0]!, corpus[9]!],
});

describe('LsaEmbedder', () => {
  it('names dimension and model fingerprint in its id', () => {
    expect(LsaEmbedder.fit(corpus, words, { dimension: 4 }).id).toMatch(/^lsa-4@[0-9a-f]{16}$/);
  });

  it('is deterministic for a seed, and the seed is part of the model', () => {
    const a = LsaEmbedder.fit(corpus, words, { dimension: 4, seed: 5 });
    const b = LsaEmbedder.fit(corpus, words, { dimension: 4, seed: 5 });
    expect(b.id).toBe(a.id);
    expect(Array.from(b.embed(corpus[3]!))).toEqual(Array.from(a.embed(corpus[3]!)));
    expect(LsaEmbedder.fit(corpus, words, { dimension: 4, seed: 6 }).id).not.toBe(a.id);
  });

  it('separates the two topics: documents are closer within a topic than across', () => {
    const e = LsaEmbedder.fit(corpus, words, { dimension: 2 });
    const v = corpus.map((t) => e.embed(t));
    expect(cosine(v[0]!, v[3]!)).toBeGreaterThan(cosine(v[0]!, v[7]!));
    expect(cosine(v[6]!, v[9]!)).toBeGreaterThan(cosine(v[6]!, v[2]!));
  });

  it('prunes terms seen in fewer than minDf texts and keeps at most maxTerms', () => {
    expect(LsaEmbedder.fit(corpus, words, { dimension: 2 }).vocabularySize).toBeLessThan(new Set(corpus.flatMap(words)).size);
    expect(LsaEmbedder.fit(corpus, words, { dimension: 2, maxTerms: 5 }).vocabularySize).toBe(5);
  });

  it('embeds a text of unknown words as the zero vector (scores 0 everywhere)', () => {
    const v = LsaEmbedder.fit(corpus, words, { dimension: 4 }).embed('hoàn toàn xa lạ');
    expect(v.length).toBe(4);
    expect(Array.from(v)).toEqual([0, 0, 0, 0]);
  });

  it('round-trips through serialize/deserialize with the same id and vectors', () => {
    const e = LsaEmbedder.fit(corpus, words, { dimension: 4, analyzerId: 'words-v1' });
    const saved = e.serialize();
    expect(saved.json.terms.length * 4).toBe(saved.buffers.projection.length);
    const json = JSON.parse(JSON.stringify(saved.json)) as unknown;
    const back = LsaEmbedder.deserialize({ json, buffers: { projection: Float32Array.from(saved.buffers.projection) } }, words);
    expect(back.id).toBe(e.id);
    expect(Array.from(back.embed(corpus[8]!))).toEqual(Array.from(e.embed(corpus[8]!)));
  });

  it('refuses a tampered or malformed model with INDEX_CORRUPT', () => {
    const saved = LsaEmbedder.fit(corpus, words, { dimension: 4 }).serialize();
    const projection = Float32Array.from(saved.buffers.projection);
    projection[0] = projection[0]! + 1;
    const err = (() => {
      try {
        LsaEmbedder.deserialize({ json: saved.json, buffers: { projection } }, words);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INDEX_CORRUPT');
    expect(() => LsaEmbedder.deserialize({ json: { kind: 'lsa' }, buffers: { projection } }, words)).toThrowError(/INDEX_CORRUPT/);
  });

  it('fit refuses a dimension the corpus cannot support; fitLsaEmbedder caps it', () => {
    expect(() => LsaEmbedder.fit(corpus.slice(0, 3), words, { dimension: 8 })).toThrowError(/INVALID_ARGUMENT/);
    const capped = fitLsaEmbedder(corpus.slice(0, 3), words, { dimension: 8 });
    expect(capped.dimension).toBe(3);
    expect(capped.embed(corpus[0]!).length).toBe(3);
  });

  it('fitLsaEmbedder works on a single text by relaxing minDf', () => {
    const e = fitLsaEmbedder(['một văn bản duy nhất'], words);
    expect(e.dimension).toBe(1);
    expect(Math.abs(e.embed('văn bản')[0]!)).toBeCloseTo(1, 5);
  });

  it('rejects a corpus with no terms at all', () => {
    expect(() => fitLsaEmbedder(['', '  '], words)).toThrowError(/INVALID_ARGUMENT/);
  });
});
