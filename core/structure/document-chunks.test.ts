import { describe, expect, it } from 'vitest';
import type { Chunk } from '../model.ts';
import { chunkDocument } from './chunker.ts';
import { layoutDocument } from './document-layout.ts';
import { cleanExtractedText } from './pdf-text.ts';
import { sectionItems } from './section-items.ts';
import { readSeed, seedPrefixes } from './testing/fixtures.ts';
import { normalizeText } from '../text/normalize.ts';

/** A seed as the ingest structure step reads it: loader-normalised, cleaned, laid out, chunked. */
function chunksOf(prefix: string): Chunk[] {
  const cleaned = cleanExtractedText(normalizeText(readSeed(prefix)).trim());
  const first = cleaned.tables[0]?.rows[0];
  const layout = layoutDocument(cleaned.text, first ? cleaned.text.slice(0, first.start).split('\n').length - 1 : undefined);
  return chunkDocument({
    docId: prefix, kind: 'document', text: cleaned.text, pages: cleaned.pages, layout,
    tables: cleaned.tables, footnotes: cleaned.footnotes, markers: cleaned.markers,
  });
}

const body = (chunks: Chunk[]): Chunk[] => chunks.filter((c) => c.kind === undefined);

describe('header, signature and recipients as chunks of their own', () => {
  it('keeps the signature and the recipient list out of body text (seed 004)', () => {
    const chunks = chunksOf('004');
    const signature = chunks.find((c) => c.kind === 'signature');
    expect(signature?.text).toBe('TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nPhùng Tô Long');
    expect(signature?.sectionLabel).toBe('Chữ ký');
    expect(chunks.filter((c) => c.text.includes('Phùng Tô Long'))).toEqual([signature]);
    expect(chunks.find((c) => c.kind === 'recipients')?.text.split('\n')[0]).toBe('Nơi nhận:');
    expect(chunks.find((c) => c.kind === 'header')?.text).toMatch(/^THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh Trần Phước Hiền/u);
    expect(chunks.find((c) => c.kind === 'closing')).toMatchObject({ sectionLabel: 'Phần kết', text: 'Nay thông báo các cơ quan, đơn vị, địa phương thực hiện./.' });
    for (const c of body(chunks)) expect(c.text).not.toMatch(/Nơi nhận|CHÁNH VĂN PHÒNG|^THÔNG BÁO|\.\/\.$/u);
  });

  it('makes the header block of notice 114 one chunk with its number and date', () => {
    const header = chunksOf('001').find((c) => c.kind === 'header');
    expect(header?.text).toBe('Số: 114 /TB-SKHCN\nQuảng Ngãi, ngày 04 tháng 6 năm 2026\nTHÔNG BÁO\nDanh mục nhu cầu công nghệ của các sở, ban, ngành, địa phương tỉnh Quảng Ngãi');
    expect(header?.sectionLabel).toBe('Phần đầu văn bản');
  });
});

describe('footnotes', () => {
  it('are notes of the chunk citing them and chunks of their own, never body text', () => {
    const chunks = chunksOf('004');
    const citing = chunks.find((c) => c.text.includes('8177/BKHCN-CĐSQG ngày 30/12/2025 và'));
    expect(citing?.notes).toEqual([{ marker: '1', text: 'Về hướng dẫn xây dựng Kế hoạch chuyển đổi số giai đoạn 2026 - 2030.' }]);
    const note = chunks.find((c) => c.kind === 'footnote');
    expect(note).toMatchObject({ sectionLabel: 'Mục 2, chú thích 1', sectionPath: ['2'], text: 'Về hướng dẫn xây dựng Kế hoạch chuyển đổi số giai đoạn 2026 - 2030.' });
    for (const prefix of seedPrefixes()) {
      const all = chunksOf(prefix);
      for (const c of body(all)) for (const f of all.filter((x) => x.kind === 'footnote')) expect(c.text).not.toContain(f.text.slice(0, 60));
    }
  });
});

describe('sentences and lists', () => {
  it('never ends a chunk inside a sentence', () => {
    for (const prefix of seedPrefixes()) {
      const chunks = chunksOf(prefix).filter((c) => c.kind !== 'footnote' && c.kind !== 'outline');
      chunks.forEach((c, i) => {
        if (c.continues) expect(chunks[i - 1]?.text).toMatch(/[.!?;:…)”]$/u);
      });
    }
  });

  it('gathers a whole list under its heading across chunks', () => {
    const review = chunksOf('002');
    const tasks = sectionItems(review, ['II']);
    expect(tasks.map((t) => t.marker)).toEqual(['-', '-', '-', '-']);
    expect(new Set(tasks.flatMap((t) => t.chunkIds)).size).toBe(2);
    expect(tasks[3]?.text).toBe('- Dự kiến tình hình thực hiện năm 2026: Theo Phụ lục đính kèm.');
    const difficulties = sectionItems(review, ['I', '3', '2']);
    expect(difficulties).toHaveLength(3);
    expect(difficulties[0]?.text).toMatch(/^- Số lượng nhiệm vụ nghiên cứu, ứng dụng công nghệ cao/u);
    expect(review.find((c) => c.sectionPath.join('.') === 'I.3.2')?.sectionLabel).toBe('Mục I.3.2');
  });

  it('joins back a paragraph a chunk boundary split and keeps subsection headings as items', () => {
    const ai = chunksOf('000');
    const banking = sectionItems(ai, ['II', '4', 'e']);
    expect(banking.filter((i) => i.marker === '*').map((i) => i.text)).toEqual([
      expect.stringMatching(/^\* Xây dựng và phát triển các phần mềm ứng dụng/u), '* Lĩnh vực ngân hàng:', '* Lĩnh vực Văn hóa và du lịch',
    ]);
    const longest = banking.find((i) => i.text.startsWith('Ngành Ngân hàng đã tích cực'));
    expect(longest?.chunkIds).toHaveLength(2);
    expect(longest?.text).toContain('P2P Lending. Xây dựng chiến lược kinh doanh');
    const difficulties = sectionItems(ai, ['III']);
    expect(difficulties).toHaveLength(1);
    expect(difficulties[0]?.text).toMatch(/^Hiện nay trên địa bàn tỉnh vẫn chưa thu hút các dự án đầu tư/u);
  });
});

describe('outlines', () => {
  it('give a bare heading with its subsection headings as one passage', () => {
    const outline = chunksOf('001').find((c) => c.kind === 'outline');
    expect(outline).toMatchObject({ sectionLabel: 'Mục 1', sectionPath: ['1'] });
    expect(outline?.text).toBe([
      '1. Danh mục nhu cầu công nghệ gồm các nhóm trụ cột chính:', 'a. Nhóm Chuyển đổi số & Quản trị thông minh',
      'b. Nhóm Kinh tế Nông nghiệp & Dịch vụ xã hội thông minh', 'c. Nhóm An sinh, Môi trường & Tự động hóa công nghiệp',
      'd. Nhóm hạ tầng năng lượng, công nghiệp nặng và vật liệu tiên tiến:',
    ].join('\n'));
    expect(chunksOf('002').find((c) => c.kind === 'outline' && c.sectionLabel === 'Mục I.3')?.text).toBe('3. Đánh giá chung\n1. Kết quả nổi bật\n2. Khó khăn, thách thức\n3. Bài học kinh nghiệm');
    // A section with text of its own, or items that are sentences, has none.
    expect(chunksOf('004').some((c) => c.kind === 'outline')).toBe(false);
  });
});

describe('table rows', () => {
  it('are chunks labelled by table and row, gathered whole by their path', () => {
    const appendix = chunksOf('003');
    const row3 = appendix.filter((c) => c.sectionLabel === 'Phụ lục số 02, dòng 3');
    expect(row3.every((c) => c.kind === 'table-row')).toBe(true);
    expect(row3[0]?.text).toMatch(/^STT 3 - Quảng Ngãi\nĐối với đề án 06: Mục tiêu đạt 100% số hóa dữ liệu đất đai trong năm 2025 là không thể đạt được/u);
    expect(row3[0]?.headingTrail).toEqual(['Phụ lục số 02', 'STT 3 - Quảng Ngãi']);
    const row4 = sectionItems(appendix, ['Phụ lục số 02', 'dòng 4']);
    // The row's head line is its heading (in the trail), not an item.
    expect(row4[0]?.text).toMatch(/^Ngân sách đầu tư cho chuyển đổi số/u);
    expect(row4[1]?.text).toBe('Đang thực hiện');
    expect(row4.some((i) => i.text.includes('2.500 cơ quan, đơn vị'))).toBe(true);

    const review = chunksOf('002');
    const internet = review.find((c) => c.sectionLabel === 'Phụ lục, dòng 3');
    expect(internet?.text).toMatch(/^STT 3: Chỉ tiêu: Số thuê bao internet; Đơn vị tính: Thuê bao; Thực hiện 2024: 1.666.283;/u);
  });
});
