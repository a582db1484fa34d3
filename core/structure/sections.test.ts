import { describe, expect, it } from 'vitest';
import { cleanExtractedText } from './pdf-text.ts';
import { parseSections, sectionBlocks } from './sections.ts';
import { readSeed } from './testing/fixtures.ts';

const LAW = [
  'LUẬT',
  'DỮ LIỆU MẪU',
  'Chương I',
  'NHỮNG QUY ĐỊNH CHUNG',
  'Điều 1. Phạm vi điều chỉnh',
  'Luật này quy định về dữ liệu mẫu.',
  'Điều 5. Nguyên tắc',
  '1. Bảo đảm công khai.',
  '2. Bảo vệ dữ liệu cá nhân, gồm:',
  'a) Không thu thập quá mức cần thiết;',
  'b) Xóa khi hết mục đích.',
  'Chương II',
  'QUẢN LÝ DỮ LIỆU',
  'Điều 6. Trách nhiệm',
  'Bộ Công an chủ trì.',
].join('\n');

describe('parseSections on legal texts', () => {
  it('labels articles, clauses and points', () => {
    const parsed = parseSections(LAW);
    expect(parsed.style).toBe('legal');
    const labels = sectionBlocks(parsed).map((b) => b.label);
    expect(labels).toEqual([
      'Phần mở đầu', 'Chương I', 'Điều 1', 'Điều 5', 'Điều 5 khoản 1', 'Điều 5 khoản 2',
      'Điều 5 khoản 2 điểm a', 'Điều 5 khoản 2 điểm b', 'Chương II', 'Điều 6',
    ]);
  });

  it('gives each block the heading trail from the top and exact offsets', () => {
    const blocks = sectionBlocks(parseSections(LAW));
    const pointA = blocks.find((b) => b.label === 'Điều 5 khoản 2 điểm a');
    expect(pointA?.path).toEqual(['Điều 5', 'khoản 2', 'điểm a']);
    expect(pointA?.headingTrail).toEqual(['Chương I', 'Điều 5. Nguyên tắc', '2. Bảo vệ dữ liệu cá nhân, gồm:', 'a) Không thu thập quá mức cần thiết;']);
    expect(LAW.slice(pointA?.start, pointA?.end)).toBe('a) Không thu thập quá mức cần thiết;\n');
  });

  it('parses one ALQAC-style article body by khoản and điểm', () => {
    const text = 'Giải thích từ ngữ\n\nTrong Luật này:\n\n1. Chất ma túy là chất gây nghiện.\n\n2. Tiền chất là hóa chất:\n\na) Dùng để điều chế;\n\nb) Có trong danh mục.';
    const labels = sectionBlocks(parseSections(text, { article: '2' })).map((b) => b.label);
    expect(labels).toEqual(['Điều 2', 'Điều 2 khoản 1', 'Điều 2 khoản 2', 'Điều 2 khoản 2 điểm a', 'Điều 2 khoản 2 điểm b']);
  });
});

describe('parseSections on administrative documents', () => {
  it('builds Mục II.4.b paths for the report in seed 000', () => {
    const text = cleanExtractedText(readSeed('000')).text;
    const parsed = parseSections(text);
    expect(parsed.style).toBe('admin');
    const blocks = sectionBlocks(parsed);
    expect(blocks[0]?.label).toBe('Phần mở đầu');
    const b = blocks.find((x) => x.label === 'Mục II.4.b');
    expect(b?.headingTrail).toEqual([
      'II. Kết quả đạt được', '4. Thúc đẩy ứng dụng trí tuệ nhân tạo',
      'b) Ứng dụng trí tuệ nhân tạo trong cơ quan nhà nước, đảm bảo an toàn thông tin mạng',
    ]);
    expect(text.slice(b?.start, b?.end)).toContain('nguyên tắc sử dụng các mô hình ngôn ngữ lớn (chatbot AI)');
    expect(blocks.map((x) => x.label)).toEqual(expect.arrayContaining(['Mục I', 'Mục II.4.đ', 'Mục V', 'Nơi nhận']));
    expect(blocks[blocks.length - 1]?.label).toBe('Nơi nhận');
  });

  it('reads Markdown headings and `a.` items of seed 001', () => {
    const blocks = sectionBlocks(parseSections(cleanExtractedText(readSeed('001')).text));
    expect(blocks.map((b) => b.label)).toEqual(['Phần mở đầu', 'Mục 1', 'Mục 1.a', 'Mục 1.b', 'Mục 1.c', 'Mục 1.d', 'Mục 2', 'Mục 3', 'Mục 4', 'Nơi nhận']);
  });

  it('treats a trailing appendix after Nơi nhận as its own section', () => {
    const blocks = sectionBlocks(parseSections(cleanExtractedText(readSeed('002')).text));
    expect(blocks.slice(-2).map((b) => b.label)).toEqual(['Nơi nhận', 'Phụ lục']);
  });

  it('numbers nested decimal items under their parent', () => {
    const blocks = sectionBlocks(parseSections('I. Mục tiêu\n1. Chung\n1.1. Về hạ tầng\nNội dung.\n1.2. Về dữ liệu\nNội dung.'));
    expect(blocks.map((b) => b.label)).toEqual(['Mục I', 'Mục I.1', 'Mục I.1.1', 'Mục I.1.2']);
  });

  it('nests a list numbered from 1 under a bare numbered heading and keeps later numbers its siblings', () => {
    const text = [
      'I. Kết quả', '1. Tuyên truyền', 'Đã tổ chức 12 hội nghị.', '2. Hạ tầng', 'Đã đầu tư.', '3. Đánh giá chung',
      '1. Kết quả nổi bật', '- Hoàn thành kế hoạch.', '2. Khó khăn, thách thức', '- Thiếu nhân lực.', '- Thiếu kinh phí.',
      '3. Bài học kinh nghiệm', '- Bám sát chỉ đạo.', 'II. Nhiệm vụ năm 2026', '1. Hoàn thiện thể chế', 'Ban hành quy chế.',
    ].join('\n');
    expect(sectionBlocks(parseSections(text)).map((b) => b.label)).toEqual([
      'Mục I', 'Mục I.1', 'Mục I.2', 'Mục I.3', 'Mục I.3.1', 'Mục I.3.2', 'Mục I.3.3', 'Mục II', 'Mục II.1',
    ]);
  });
});
