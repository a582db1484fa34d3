import { describe, expect, it } from 'vitest';
import { unansweredConstraint } from './answerability.ts';
import { contentUnits } from '../retrieve/coverage.ts';
import { analyzeQuestion } from '../understand/question.ts';
import { namedBodies } from '../understand/named-bodies.ts';
import { properNames } from '../understand/proper-names.ts';
import { asksTarget } from './answerability.ts';

/** The check as the document path runs it, for a question and the answer composed for it. */
function check(question: string, years: string[], lines: string[], context: string[] = [], passages: string[] = lines) {
  const q = analyzeQuestion(question);
  return unansweredConstraint({
    names: [...properNames(question), ...namedBodies(question)], years, units: contentUnits(q), lines, context, passages, target: asksTarget(question),
  });
}

const FAIR = 'Tổ chức Chương trình “Ươm tạo doanh nghiệp khởi nghiệp sáng tạo” năm 2024 với 4 lớp tập huấn; Tổ chức Ngày hội Đổi mới sáng tạo và Chuyển đổi số tỉnh năm 2025 tại xã Măng Đen [1].';

describe('answerability of an official\'s answer', () => {
  it('refuses a place the cited passages never write, though the document may elsewhere', () => {
    const lines = ['Tổng số tài khoản học viên tham gia: 81.935 học viên [1].'];
    expect(check('Phường Cẩm Thành có bao nhiêu học viên tham gia?', [], lines)).toEqual({ kind: 'name', value: 'cam thanh' });
    expect(check('Phường Cẩm Thành có bao nhiêu học viên tham gia?', [], lines, [], [...lines, 'Đào tạo tại phường Cẩm Thành.'])).toBeUndefined();
  });

  it('finds a name in the headings or the document\'s title', () => {
    const lines = ['Hỗ trợ 14 doanh nghiệp [1].'];
    expect(check('Khu vực Tây Quảng Ngãi hỗ trợ bao nhiêu doanh nghiệp?', [], lines, ['+ Khu vực Tây Quảng Ngãi'])).toBeUndefined();
  });

  it('refuses a year when the clause that answers states another one', () => {
    expect(check('Ngày hội Đổi mới sáng tạo và Chuyển đổi số năm 2024 được tổ chức ở đâu?', ['2024'], [FAIR]))
      .toEqual({ kind: 'year', value: '2024', found: ['2025'] });
    expect(check('Ngày hội Đổi mới sáng tạo và Chuyển đổi số năm 2025 được tổ chức ở đâu?', ['2025'], [FAIR])).toBeUndefined();
  });

  it('refuses a year no cell of a table row is labelled with', () => {
    const row = ['Phụ lục, dòng 3: Số thuê bao internet [1]', '- Thực hiện 2024: 1.666.283 [1]', '- Dự kiến năm 2026 - Kế hoạch: 1.892.700 [1]'];
    expect(check('Số thuê bao internet thực hiện năm 2022 là bao nhiêu?', ['2022'], row)?.kind).toBe('year');
    expect(check('Số thuê bao internet thực hiện năm 2024 là bao nhiêu?', ['2024'], row)).toBeUndefined();
  });

  it('leaves the year to the passage when the answering clause states none, and the years of a comparison to their own clauses', () => {
    expect(check('Năm 2025 có bao nhiêu lượt doanh nghiệp?', ['2025'], ['Hỗ trợ 06 lượt doanh nghiệp [1].'])).toBeUndefined();
    expect(check('Năm 2022 và năm 2025 mỗi năm bao nhiêu lượt?', ['2022', '2025'], ['Năm 2022: 160 lượt; Năm 2023: 310 lượt; Năm 2025: ước 200 lượt [1].'])).toBeUndefined();
  });

  it('takes the year of the document\'s title or headings as stated', () => {
    expect(check('Năm 2030 tỉnh có kế hoạch gì?', ['2030'], ['Đến năm 2025 đã hoàn thành [1].'], ['Chiến lược đến năm 2030'])).toBeUndefined();
  });

  it('checks a body named by a head and a lower-case name as a name', () => {
    const lines = ['Công an tỉnh đã ban hành 12 văn bản triển khai một số giải pháp bảo đảm an toàn thông tin [1].'];
    expect(check('Sở Tư pháp đã ban hành bao nhiêu văn bản về an toàn thông tin?', [], lines)).toEqual({ kind: 'name', value: 'tu phap' });
    expect(check('Công an tỉnh đã ban hành bao nhiêu văn bản về an toàn thông tin?', [], lines)).toBeUndefined();
  });

  it('answers a target asked only from a clause or heading that states one, not from a result reached', () => {
    expect(asksTarget('Chỉ tiêu số thuê bao internet năm 2025 là bao nhiêu?')).toBe(false);
    const result = ['Tỷ lệ sử dụng văn bản điện tử cấp xã đạt 85,35% [1].'];
    expect(check('Tỉnh đặt mục tiêu tỷ lệ văn bản điện tử cấp xã là bao nhiêu?', [], result)).toEqual({ kind: 'target' });
    const target = ['Chỉ tiêu Nghị quyết số 13-NQ/TU đến năm 2025 cấp xã là 70% [1].'];
    expect(check('Tỉnh đặt mục tiêu tỷ lệ văn bản điện tử cấp xã là bao nhiêu?', [], target)).toBeUndefined();
  });
});
