import { describe, expect, it } from 'vitest';
import { cosine, runEmbedderContract } from './embedder.contract.ts';
import { FakeEmbedder } from './fake-embedder.ts';

runEmbedderContract('FakeEmbedder', () => new FakeEmbedder(64), {
  text: 'Lệ phí đăng ký thường trú là 20.000 đồng',
  similar: 'lệ phí đăng ký thường trú',
  unrelated: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  others: ['Thời hạn giải quyết: 07 ngày làm việc', 'Thành phần hồ sơ gồm tờ khai'],
});

describe('FakeEmbedder', () => {
  it('ignores case and punctuation: the same words give the same vector', () => {
    const e = new FakeEmbedder(32);
    expect(Array.from(e.embed('Hộ khẩu, THƯỜNG TRÚ!'))).toEqual(Array.from(e.embed('hộ khẩu thường trú')));
  });

  it('gives texts without shared words a lower similarity than texts sharing most words', () => {
    const e = new FakeEmbedder(256);
    const a = e.embed('cấp đổi căn cước công dân');
    expect(cosine(a, e.embed('cấp đổi căn cước'))).toBeGreaterThan(0.7);
    expect(Math.abs(cosine(a, e.embed('giấy phép xây dựng')))).toBeLessThan(0.5);
  });

  it('returns the zero vector for a text with no word', () => {
    expect(Array.from(new FakeEmbedder(4).embed(' ... '))).toEqual([0, 0, 0, 0]);
  });

  it('names its dimension in its id', () => {
    expect(new FakeEmbedder(16).id).toBe('fake-hash-16');
  });
});
