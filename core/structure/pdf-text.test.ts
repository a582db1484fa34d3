import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanExtractedText } from './pdf-text.ts';
import { wrapWidth } from './paragraphs.ts';
import { extractMetadata } from './metadata.ts';
import { readSeed, seedPrefixes } from './testing/fixtures.ts';
import { normalizeText } from '../text/normalize.ts';

const lines = (text: string): string[] => text.split('\n');

describe('cleanExtractedText on the seed documents', () => {
  const seed000 = cleanExtractedText(readSeed('000'));

  it('separates footnote markers glued to dates and words', () => {
    expect(seed000.text).toContain('Công văn số 4889/UBND-KGVX ngày 21/11/2025, Sở Khoa học và Công nghệ đã có văn bản đề nghị');
    expect(seed000.text).not.toContain('20251');
    expect(seed000.markers.map((m) => m.marker)).toEqual(['1', '2']);
    const first = seed000.markers[0];
    expect(seed000.text.slice((first?.offset ?? 0) - 10, first?.offset)).toBe('21/11/2025');
  });

  it('moves footnote bodies out of the text', () => {
    expect(seed000.footnotes).toEqual([
      { marker: '1', text: 'Về việc báo cáo tình hình thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng Trí tuệ nhân tạo đến năm 2025.' },
      { marker: '2', text: 'Công văn số 3062/SKHCN-CN&CN ngày 24/11/2025.' },
    ]);
    expect(seed000.text).not.toContain('3062/SKHCN');
    // The sentence interrupted by the footnotes at the page end continues seamlessly.
    expect(seed000.text).toContain('ngành KH&CN đã ưu tiên xét duyệt các nhiệm vụ KH&CN triển khai hàng năm');
  });

  it('joins sentences split across lines and keeps headings on their own lines', () => {
    expect(lines(seed000.text).some((l) => l.includes('ban hành Kế hoạch số 83/KH-UBND ngày 04/6/2021'))).toBe(true);
    expect(lines(seed000.text)).toContain('II. Kết quả đạt được');
    expect(lines(seed000.text)).toContain('1. Công tác tuyên truyền');
    expect(lines(seed000.text)[1]).toBe('Kết quả thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng Trí tuệ nhân tạo đến năm 2030 trên địa bàn tỉnh Quảng Ngãi');
  });

  it('keeps a paragraph whole when a sentence end or a semicolon falls at a full line end', () => {
    const text = lines(seed000.text);
    expect(text.some((l) => l.includes('đến năm 2030. Một số kết quả đạt được trong năm 2025, cụ thể như sau:'))).toBe(true);
    expect(text.some((l) => l.includes('(CSDL Chăn nuôi và Thú y); CSDL hồ đập;'))).toBe(true);
    // A heading whose last line stops short of the margin still ends there.
    expect(text).toContain('a) Tổ chức phổ biến, hướng dẫn về dữ diệu và ứng dụng trí tuệ nhân tạo');
    expect(text.some((l) => l.startsWith('b) Chuẩn hoá, chia sẻ') && l.endsWith('trong lĩnh vực này'))).toBe(true);
  });

  it('drops page numbers and the repeated link annotation', () => {
    for (const prefix of seedPrefixes()) {
      const cleaned = cleanExtractedText(readSeed(prefix));
      expect(lines(cleaned.text).filter((l) => /^\s*\d{1,3}\s*$/.test(l))).toEqual([]);
      expect(cleaned.text).not.toMatch(/\n\s*\n/);
    }
    expect(seed000.text.split('http://thongke.tourism.vn/baocao').length).toBe(2);
  });

  it('glues numbers hyphen-wrapped at a line end', () => {
    const seed002 = cleanExtractedText(readSeed('002'));
    expect(seed002.text).toContain('Công văn số 1125/UBND-KTTH ngày 07/08/2025');
    expect(seed002.text).toContain('Chỉ thị số 19-CT/TU ngày 18/5/2022');
  });

  it('follows a footnote across a page break and strips its marker from the body', () => {
    const seed002 = cleanExtractedText(readSeed('002'));
    expect(seed002.footnotes.map((f) => f.marker)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(seed002.footnotes[2]?.text).toContain('mạng tập trung (SOC) tỉnh Quảng Ngãi');
    expect(seed002.text).not.toContain('mạng tập trung (SOC)');
    expect(seed002.text).toContain('+ Khu vực Đông Quảng Ngãi: Xây dựng');
    expect(seed002.text).toContain('ban hành 04 Nghị quyết; Tham mưu');
  });

  it('takes the closing footnote of seed 004 out and keeps the signature block', () => {
    const seed004 = cleanExtractedText(readSeed('004'));
    expect(seed004.footnotes).toEqual([{ marker: '1', text: 'Về hướng dẫn xây dựng Kế hoạch chuyển đổi số giai đoạn 2026 - 2030.' }]);
    expect(seed004.text).toContain('Văn bản số 8177/BKHCN-CĐSQG ngày 30/12/2025 và các văn bản có liên quan');
    expect(lines(seed004.text).slice(-2)).toEqual(['PHÓ CHÁNH VĂN PHÒNG', 'Phùng Tô Long']);
  });

  it('reads the Markdown-ish seed without heading hashes or bold markers', () => {
    const seed001 = cleanExtractedText(readSeed('001'));
    expect(lines(seed001.text).slice(0, 3)).toEqual(['Số: 114 /TB-SKHCN', 'Quảng Ngãi, ngày 04 tháng 6 năm 2026', 'THÔNG BÁO']);
    expect(seed001.text).not.toMatch(/\*\*|^#/m);
    expect(seed001.text).toContain('xây dựng hệ thống phòng thí nghiệm ảo áp dụng công nghệ thực tế ảo');
  });

  it('cleans loader-normalised text (rules trimmed to empty lines) exactly as the raw extraction', () => {
    for (const prefix of seedPrefixes()) {
      const raw = cleanExtractedText(readSeed(prefix));
      const normalised = cleanExtractedText(normalizeText(readSeed(prefix)).trim());
      expect(normalised.text).toBe(raw.text);
      expect(normalised.footnotes).toEqual(raw.footnotes);
    }
    const seed004 = cleanExtractedText(normalizeText(readSeed('004')).trim());
    expect(seed004.footnotes.map((f) => f.marker)).toEqual(['1']);
    expect(seed004.text).not.toContain('Về hướng dẫn xây dựng');
  });

  it('takes a numbered line after spacing for a footnote only when its marker is glued in the body', () => {
    // Double-spaced extraction as loaders hand it over: the rule line is already empty.
    const page = (marker: string): string => [
      'Các sở, ban, ngành đã xây dựng kế hoạch', `chi tiết để triển khai thực hiện${marker} cho giai đoạn`, 'đến năm 2025 và đến năm 2030. Một số kết quả',
      'đạt được trong năm 2025 như sau: các đơn vị', 'đã hoàn thành các nhiệm vụ được giao theo', 'đúng tiến độ và chất lượng yêu cầu của',
    ].join('\n\n') + '\n\n\n1 Tổ chức tập huấn cho cán bộ.\n cấp tỉnh tiếp tục triển khai.\n\nKết thúc báo cáo.\n';
    const plain = cleanExtractedText(page(''));
    expect(plain.footnotes).toEqual([]);
    expect(plain.text).toContain('1 Tổ chức tập huấn cho cán bộ.');
    const marked = cleanExtractedText(page('1'));
    expect(marked.footnotes).toEqual([{ marker: '1', text: 'Tổ chức tập huấn cho cán bộ.' }]);
    expect(marked.text).toContain('đúng tiến độ và chất lượng yêu cầu của cấp tỉnh tiếp tục triển khai.');
  });

  it('writes superscript markers on request', () => {
    const cleaned = cleanExtractedText(readSeed('000'), { markerStyle: 'superscript' });
    expect(cleaned.text).toContain('ngày 21/11/2025¹, Sở');
    expect(cleaned.text).toContain('văn bản² đề nghị');
  });
});

describe('cleanExtractedText with known pages', () => {
  const page = (n: number, body: string): string => `UBND TỈNH QUẢNG NGÃI - Báo cáo số 5\n${body}\n${n}`;
  const pages = [
    page(1, 'I. Mở đầu\nNội dung trang một tiếp tục ở dòng\nsau mà không ngắt câu.'),
    page(2, 'II. Kết quả\nCác đơn vị đã triển khai.'),
    page(3, 'III. Kiến nghị\nĐề nghị xem xét.'),
  ];

  it('drops running headers and page numbers and reports page spans', () => {
    const cleaned = cleanExtractedText(pages.join('\n'), { pages });
    expect(cleaned.text).toBe('I. Mở đầu\nNội dung trang một tiếp tục ở dòng sau mà không ngắt câu.\nII. Kết quả\nCác đơn vị đã triển khai.\nIII. Kiến nghị\nĐề nghị xem xét.');
    expect(cleaned.pages?.map((p) => p.page)).toEqual([1, 2, 3]);
    const second = cleaned.pages?.[1];
    expect(cleaned.text.slice(second?.start, second?.start !== undefined ? second.start + 11 : 0)).toBe('II. Kết quả');
  });
});

describe('cleanExtractedText properties', () => {
  it('never throws and never leaves empty lines', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => {
      const out = cleanExtractedText(s).text;
      expect(out).not.toMatch(/\n\s*\n/);
    }), { numRuns: 300 });
  });
});

describe('official header lines', () => {
  it('keeps the number line and the place-date line apart so the issue date is found', () => {
    const cleaned = cleanExtractedText('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 12/KH-UBND\nQuảng Ngãi, ngày 04 tháng 6 năm 2026\nKẾ HOẠCH\nTriển khai chuyển đổi số\n');
    const lines = cleaned.text.split('\n');
    expect(lines).toContain('Số: 12/KH-UBND');
    expect(lines).toContain('Quảng Ngãi, ngày 04 tháng 6 năm 2026');
    const meta = extractMetadata(cleaned.text);
    expect(meta.issuedDate).toBe('2026-06-04');
    expect(meta.number).toBe('12/KH-UBND');
  });
});

describe('wrapWidth', () => {
  it('finds the wrap width of a hard-wrapped extraction and none for whole-paragraph lines', () => {
    expect(wrapWidth(lines(normalizeText(readSeed('000'))))).toBeGreaterThan(70);
    expect(wrapWidth(lines(readSeed('001')))).toBeUndefined();
  });
});
