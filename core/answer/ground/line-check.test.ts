import { describe, expect, it } from 'vitest';
import type { Citation } from '../../model.ts';
import { groundedLines, personalNames, unsupportedInLine } from './line-check.ts';

const cite = (n: number, quote: string): Citation => ({ n, docId: 'd', sourceId: 's', title: 't', section: 'Chữ ký', quote });

describe('line check', () => {
  it('finds personal names: two to four capitalised words after a family name', () => {
    expect(personalNames('Người ký: Phùng Tô Long (PHÓ CHÁNH VĂN PHÒNG), thay Trần Phước Hiền.')).toEqual(['Phùng Tô Long', 'Trần Phước Hiền']);
    expect(personalNames('Sở Khoa học và Công nghệ, tỉnh Quảng Ngãi')).toEqual([]);
  });

  it('flags a number, date or name that the quotes of the line\'s own citations do not hold', () => {
    const citations = [cite(1, 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Trọng Tâm'), cite(2, 'Quảng Ngãi, ngày 04 tháng 6 năm 2026')];
    expect(unsupportedInLine('Người ký: Nguyễn Trọng Tâm [1].', citations)).toEqual([]);
    expect(unsupportedInLine('Người ký: Nguyễn Tấn Liêm [1].', citations)).toEqual(['Nguyễn Tấn Liêm']);
    expect(unsupportedInLine('Ngày ban hành: 04/6/2026 [2].', citations)).toEqual([]);
    // The date is in another citation's quote, not in the one this line marks.
    expect(unsupportedInLine('Ngày ban hành: 04/6/2026 [1].', citations)).toEqual(['04/06/2026']);
    expect(groundedLines(['Số ký hiệu: 115/TB-SKHCN [2].', 'Nơi nhận:'], citations)).toEqual({ kept: ['Nơi nhận:'], dropped: ['Số ký hiệu: 115/TB-SKHCN [2].'] });
  });

  it('keeps a procedure line whose figures its quote holds, drops one whose quote states the number only as a date', () => {
    const citations = [cite(1, 'Dịch vụ bưu chính, trực tiếp: 1 (không ghi đơn vị).\nTrình tự thực hiện ghi: “báo cáo chậm nhất ngày 01 tháng 10 hằng năm”'), cite(2, 'Trực tiếp: 05 ngày làm việc.')];
    const lines = ['Thời hạn giải quyết là 1 tháng [1].', 'Thời hạn giải quyết là 5 ngày làm việc [2].', 'Hạn báo cáo: ngày 01 tháng 10 [1].', 'Thủ tục “Hỗ trợ chi phí” [1]:'];
    expect(groundedLines(lines, citations, { names: false })).toEqual({ kept: lines.slice(1), dropped: [lines[0]] });
  });
});
