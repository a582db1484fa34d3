import { describe, expect, it } from 'vitest';
import type { Chunk } from '../model.ts';
import { chunkDocument, MAX_CHUNK_CHARS, MIN_CHUNK_CHARS } from './chunker.ts';
import { cleanExtractedText } from './pdf-text.ts';
import { layoutDocument } from './document-layout.ts';
import { readAlqacArticles, readProcedures, readSeed, seedPrefixes } from './testing/fixtures.ts';
import { normalizeText } from '../text/normalize.ts';

const str = (r: Record<string, unknown>, k: string): string => (typeof r[k] === 'string' ? r[k] : '');

/** A seed through the whole structure path, as ingest/structure-step.ts runs it. */
function chunkSeed(prefix: string): { text: string; chunks: Chunk[] } {
  const cleaned = cleanExtractedText(normalizeText(readSeed(prefix)).trim());
  const first = cleaned.tables[0]?.rows[0];
  const layout = layoutDocument(cleaned.text, first ? cleaned.text.slice(0, first.start).split('\n').length - 1 : undefined);
  const chunks = chunkDocument({
    docId: `seed-${prefix}`, kind: 'document', text: cleaned.text, pages: cleaned.pages, layout,
    tables: cleaned.tables, footnotes: cleaned.footnotes, markers: cleaned.markers,
  });
  return { text: cleaned.text, chunks };
}

describe('chunkDocument for documents', () => {
  it('labels report sections with their heading trail', () => {
    const { chunks } = chunkSeed('000');
    const first = chunks.find((c) => c.sectionLabel === 'Mục I');
    expect(first?.headingTrail).toEqual(['I. Tình hình triển khai thực hiện']);
    expect(first?.text.startsWith('I. Tình hình triển khai thực hiện\nThực hiện Quyết định số 127/QĐ-TTg')).toBe(true);
    const b = chunks.find((c) => c.sectionLabel === 'Mục II.4.b');
    expect(b?.sectionPath).toEqual(['II', '4', 'b']);
    expect(b?.headingTrail[0]).toBe('II. Kết quả đạt được');
    expect(chunks.map((c) => c.sectionLabel).slice(0, 2)).toEqual(['Phần đầu văn bản', 'Phần mở đầu']);
    expect(chunks.slice(-2).map((c) => [c.sectionLabel, c.kind])).toEqual([['Nơi nhận', 'recipients'], ['Chữ ký', 'signature']]);
  });

  it('folds a bare heading into its first subsection', () => {
    const { chunks } = chunkSeed('000');
    const c = chunks.find((x) => x.text.startsWith('II. Kết quả đạt được') && x.kind === undefined);
    expect(c?.sectionLabel).toBe('Mục II.1');
    expect(c?.text).toContain('1. Công tác tuyên truyền\nCác sở, ban ngành');
  });

  it('keeps every chunk but footnotes and outlines an exact slice of the cleaned text, in bounds, with ids and pages', () => {
    for (const prefix of seedPrefixes()) {
      const { text, chunks } = chunkSeed(prefix);
      expect(chunks.length).toBeGreaterThan(0);
      chunks.forEach((c, i) => {
        expect(c.id).toBe(`seed-${prefix}#${i}`);
        if (c.kind !== 'footnote' && c.kind !== 'outline') expect(text.slice(c.start, c.end)).toBe(c.text);
        expect(c.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
      });
      const covered = chunks.filter((c) => c.kind !== 'footnote' && c.kind !== 'outline').map((c) => c.text).join('').replace(/\s/g, '');
      expect(covered).toBe(text.replace(/\s/g, ''));
    }
    const { chunks } = chunkSeed('000');
    expect(chunks[0]?.page).toBe(1);
    expect(chunks[chunks.length - 1]?.page).toBeGreaterThan(5);
  });

  it('splits long sections between sentences, never inside a word or number', () => {
    const { text, chunks } = chunkSeed('000');
    const parts = chunks.filter((c) => c.sectionLabel === 'Mục II.3.a');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(/[\p{L}\d]/u.test(text.charAt((p.start ?? 0) - 1)) && /[\p{L}\d]/u.test(text.charAt(p.start ?? 0))).toBe(false);
      expect(p.text.length).toBeGreaterThanOrEqual(MIN_CHUNK_CHARS);
    }
  });

  it('keeps the sizes of the Markdown notice within bounds', () => {
    const { chunks } = chunkSeed('001');
    expect(chunks.map((c) => c.sectionLabel)).toEqual([
      'Phần đầu văn bản', 'Phần mở đầu', 'Mục 1', 'Mục 1.a', 'Mục 1.b', 'Mục 1.c', 'Mục 1.d', 'Mục 2', 'Mục 3', 'Mục 4', 'Phần kết', 'Nơi nhận', 'Chữ ký',
    ]);
    expect(chunks.filter((c) => c.sectionLabel.startsWith('Mục')).every((c) => c.text.length >= MIN_CHUNK_CHARS)).toBe(true);
  });
});

describe('chunkDocument for legal texts', () => {
  it('labels a synthetic decree by Điều, khoản and điểm', () => {
    const long = 'Cơ quan, tổ chức phải bảo đảm an toàn dữ liệu trong suốt quá trình xử lý. '.repeat(4).trim();
    const text = ['Điều 5. Nguyên tắc', `1. ${long}`, `2. ${long}`, `a) ${long}`, `b) ${long}`].join('\n');
    const labels = chunkDocument({ docId: 'nd', kind: 'document', text }).map((c) => c.sectionLabel);
    expect(labels).toEqual(['Điều 5 khoản 1', 'Điều 5 khoản 2', 'Điều 5 khoản 2 điểm a', 'Điều 5 khoản 2 điểm b']);
  });

  it('chunks an ALQAC article by khoản with the law and article in the trail', () => {
    const article = readAlqacArticles().find((a) => a.doc_id === 'Luật Phòng, chống ma túy#2');
    expect(article).toBeDefined();
    const chunks = chunkDocument({ docId: str(article ?? {}, 'doc_id'), kind: 'legal-article', text: str(article ?? {}, 'text'), lawTitle: 'Luật Phòng, chống ma túy' });
    expect(chunks[0]?.id).toBe('Luật Phòng, chống ma túy#2#0');
    expect(chunks[0]?.sectionLabel).toBe('Điều 2');
    expect(chunks[0]?.headingTrail).toEqual(['Luật Phòng, chống ma túy', 'Điều 2. Giải thích từ ngữ']);
    const clause9 = chunks.find((c) => c.sectionLabel === 'Điều 2 khoản 9');
    expect(clause9?.text.startsWith('9. Kiểm soát các hoạt động hợp pháp liên quan đến ma túy')).toBe(true);
    expect(clause9?.sectionPath).toEqual(['Điều 2', 'khoản 9']);
  });
});

describe('chunkDocument for procedures', () => {
  const record = readProcedures().find((r) => str(r, 'ma_thu_tuc') === '1.000757') ?? {};
  const chunks = chunkDocument({ docId: 'tthc-1.000757', kind: 'procedure', text: '', procedure: record });

  it('makes one chunk per field, each retrievable alone by the procedure name', () => {
    const name = 'Cấp lại thẻ căn cước (thực hiện tại cấp trung ương)';
    expect(chunks.every((c) => c.text.startsWith(`${name}\n${c.sectionLabel}: `))).toBe(true);
    const fee = chunks.find((c) => c.sectionLabel === 'Lệ phí');
    expect(fee?.text).toContain('Trực tiếp: 70.000 đồng');
    expect(fee?.headingTrail).toEqual([name, 'Lệ phí']);
    expect(chunks.find((c) => c.sectionLabel === 'Thời hạn giải quyết')?.text).toBe(`${name}\nThời hạn giải quyết: 7 ngày làm việc (trực tuyến, trực tiếp).`);
    expect(chunks.every((c) => c.text.length <= MAX_CHUNK_CHARS)).toBe(true);
  });
});

describe('chunking the corpora', () => {
  it('chunks every procedure and ALQAC article within the chunk size limit', () => {
    const procedures = readProcedures();
    const articles = readAlqacArticles();
    let count = 0;
    for (const r of procedures) count += chunkDocument({ docId: str(r, 'ma_thu_tuc'), kind: 'procedure', text: '', procedure: r }).length;
    for (const a of articles) {
      const chunks = chunkDocument({ docId: str(a, 'doc_id'), kind: 'legal-article', text: str(a, 'text'), articleId: str(a, 'article_id') });
      for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
      count += chunks.length;
    }
    expect(count).toBeGreaterThan(procedures.length * 5);
  });
});
