import { describe, expect, it } from 'vitest';
import { layoutBlocks, paragraphLines } from './blocks.ts';

describe('word-processor layout', () => {
  it('splits a paragraph at line breaks and at tabs between two long pieces, not after a short marker', () => {
    expect(paragraphLines('Số: 12/QĐ-UBND\t\tQuảng Ngãi, ngày 04 tháng 6 năm 2026')).toEqual(['Số: 12/QĐ-UBND', 'Quảng Ngãi, ngày 04 tháng 6 năm 2026']);
    expect(paragraphLines('a)\tNâng cao chất lượng')).toEqual(['a) Nâng cao chất lượng']);
    expect(paragraphLines('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n')).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI']);
  });

  it('puts every table cell on its own lines, row by row, and separates paragraphs by a blank line', () => {
    const text = layoutBlocks([
      { kind: 'table', rows: [[['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']], [['Số: 1287/QĐ-UBND'], ['Quảng Ngãi, ngày 15 tháng 8 năm 2025']]] },
      { kind: 'paragraph', lines: ['QUYẾT ĐỊNH'] },
      { kind: 'paragraph', lines: [] },
      { kind: 'paragraph', lines: ['Điều 1. Nội dung.'] },
    ]);
    expect(text).toBe('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1287/QĐ-UBND\nQuảng Ngãi, ngày 15 tháng 8 năm 2025\n\nQUYẾT ĐỊNH\n\nĐiều 1. Nội dung.');
  });
});
