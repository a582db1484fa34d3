import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_VI, WESTERN_TEXT } from '../../scripts/make-fixtures.ts';
import { encodeUtf16be, encodeUtf16le, encodeWindows1252, encodeWindows1258, garbageBytes } from '../../scripts/fixtures/text.ts';
import { normalizeText } from '../../core/text/normalize.ts';
import { loadSource } from './index.ts';
import { collect, tempFixtures } from './test-support.ts';
import { decodeText, legacyScore } from './text.ts';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = Buffer.from(NOTICE_VI, 'utf8');
    expect(decodeText(bytes)).toEqual({ text: NOTICE_VI, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]))).toEqual({ text: NOTICE_VI, encoding: 'utf-8' });
  });

  it('reads UTF-16LE with a BOM and UTF-16 of either byte order without one', () => {
    expect(decodeText(encodeUtf16le(NOTICE_VI, true))).toEqual({ text: NOTICE_VI, encoding: 'utf-16le' });
    expect(decodeText(encodeUtf16le(NOTICE_VI, false))).toEqual({ text: NOTICE_VI, encoding: 'utf-16le' });
    expect(decodeText(encodeUtf16be(NOTICE_VI))).toEqual({ text: NOTICE_VI, encoding: 'utf-16be' });
  });

  it('reads Western text in Windows-1252', () => {
    expect(decodeText(encodeWindows1252(WESTERN_TEXT))).toEqual({ text: WESTERN_TEXT, encoding: 'windows-1252' });
  });

  it('reads Vietnamese in Windows-1258 and composes its tone marks', () => {
    const decoded = decodeText(encodeWindows1258(NOTICE_VI));
    expect(decoded.encoding).toBe('windows-1258');
    expect(decoded.text).toBe(NOTICE_VI);
    expect(decoded.text).toContain('Quảng Ngãi');
  });

  it('scores the Windows-1258 reading of Vietnamese above its Windows-1252 reading', () => {
    const bytes = encodeWindows1258('Địa điểm: Trụ sở Ủy ban nhân dân tỉnh');
    const vi = legacyScore(iconv.decode(bytes, 'windows1258').normalize('NFC'));
    const west = legacyScore(iconv.decode(bytes, 'windows1252').normalize('NFC'));
    expect(vi.score).toBeGreaterThan(west.score);
    expect(vi.oddities).toBe(0);
  });

  it('rejects binary garbage with TEXT_ENCODING', () => {
    expect(() => decodeText(garbageBytes(2048))).toThrow(expect.objectContaining({ code: 'TEXT_ENCODING' }));
  });
});

describe('text file loader', () => {
  let fx: Awaited<ReturnType<typeof tempFixtures>>;
  beforeAll(async () => { fx = await tempFixtures(); });
  afterAll(async () => { await fx.cleanup(); });

  it.each(['goodUtf16leBom', 'goodUtf16leNoBom', 'goodUtf16beNoBom', 'goodWindows1258'] as const)(
    'loads the Vietnamese notice from %s', async (key) => {
      const { docs, skipped } = await collect(loadSource(fx[key]));
      expect(skipped).toEqual([]);
      expect(docs[0]!.text).toBe(normalizeText(NOTICE_VI).trim());
    });

  it('loads the Windows-1252 file as "Café résumé"', async () => {
    const { docs } = await collect(loadSource(fx.goodWindows1252));
    expect(docs[0]!.text.startsWith('Café résumé - naïve façade, déjà vu.')).toBe(true);
    expect(docs[0]!.text).toContain('12,50 €');
  });

  it('keeps Markdown headings and emphasis as text', async () => {
    const { docs } = await collect(loadSource(fx.goodMarkdown, { root: fx.dir }));
    expect(docs[0]!.sourceId).toBe('phu-luc/huong-dan.md');
    expect(docs[0]!.text).toContain('## 1. Thành phần hồ sơ');
    expect(docs[0]!.text).toContain('**07 ngày làm việc**');
  });

  it('reads form feeds (pdftotext\'s page breaks) as pages, and a file without them as one text', async () => {
    const path = join(fx.dir, 'ban-trang.txt');
    await writeFile(path, 'Trang một\ncó hai dòng.\f  Trang hai.\n\f');
    const { docs } = await collect(loadSource(path));
    expect(docs[0]!.pages).toEqual(['Trang một\ncó hai dòng.', 'Trang hai.']);
    expect(docs[0]!.text).toBe('Trang một\ncó hai dòng.\n\nTrang hai.');
    const { docs: plain } = await collect(loadSource(fx.goodMarkdown));
    expect(plain[0]!.pages).toBeUndefined();
  });

  it('skips a binary file with TEXT_ENCODING naming the file', async () => {
    const { docs, skipped } = await collect(loadSource(fx.badTextBinary));
    expect(docs).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.code).toBe('TEXT_ENCODING');
    expect(skipped[0]!.message).toContain('rac-nhi-phan.txt');
  });
});
