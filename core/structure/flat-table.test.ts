import { describe, expect, it } from 'vitest';
import { findTables, headerCells } from './flat-table.ts';
import { readPdfLines } from './pdf-lines.ts';
import { cleanExtractedText } from './pdf-text.ts';
import { readSeed } from './testing/fixtures.ts';

const tablesOf = (text: string) => findTables(readPdfLines(text).lines).map((r) => r.table);

describe('headerCells', () => {
  it('rejoins header cells broken inside words, numbers and after "so với"', () => {
    expect(headerCells(['TT Chỉ tiêu', 'Đơn vị', 'tính', 'Thực hiện', '2024', 'ƯTH202', '5/', 'TH2024', '(%)', 'So với', 'KH', '2025 (%)']))
      .toEqual(['TT Chỉ tiêu', 'Đơn vị tính', 'Thực hiện 2024', 'ƯTH2025/TH2024 (%)', 'So với KH 2025 (%)']);
  });

  it('keeps a ratio header whole when its digit before the slash was misread', () => {
    expect(headerCells(['Thực hiện', '2024', 'UTH202', 'S/', 'TH2024', '(%)', 'Kế hoạch']))
      .toEqual(['Thực hiện 2024', 'UTH202S/TH2024 (%)', 'Kế hoạch']);
  });
});

describe('findTables on indicator tables', () => {
  it('reads rows with their label, unit and figures under the column names', () => {
    const text = [
      'BẢNG TỔNG HỢP', 'STT Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', '2025', 'Thực hiện', '2025', 'Tỷ lệ (%)',
      '1 Số hồ sơ trực tuyến Hồ sơ 12.000 13.500 112,5',
      '2 Tỷ lệ thanh toán trực', 'tuyến', '% 60 64 106,7',
      '3 Số điểm Wi-Fi công cộng Điểm 40 38 95',
      'Ghi chú: số liệu ước đến hết năm.',
    ].join('\n');
    const [table] = tablesOf(text);
    expect(table?.kind).toBe('indicators');
    expect(table?.caption).toBe('BẢNG TỔNG HỢP');
    expect(table?.rows.map((r) => r.cells)).toEqual([
      ['Số hồ sơ trực tuyến', 'Hồ sơ', '12.000', '13.500', '112,5'],
      ['Tỷ lệ thanh toán trực tuyến', '%', '60', '64', '106,7'],
      ['Số điểm Wi-Fi công cộng', 'Điểm', '40', '38', '95'],
    ]);
    expect(table?.rows[0]?.columns).toEqual(['Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch 2025', 'Thực hiện 2025', 'Tỷ lệ (%)']);
  });

  it('assigns the cells under a header naming two periods to each period (seed 002 appendix)', () => {
    const cleaned = cleanExtractedText(readSeed('002'));
    const table = cleaned.tables[0];
    expect(table?.rows).toHaveLength(6);
    expect(table?.rows[2]?.columns).toEqual([
      'Chỉ tiêu', 'Đơn vị tính', 'Thực hiện 2024', 'Năm 2025 - Kế hoạch', 'Năm 2025 - ƯTH cả năm', 'Năm 2025 - ƯTH2025/TH2024 (%)',
      'Năm 2025 - ƯTH2025/KH2025 (%)', 'Dự kiến năm 2026 - Kế hoạch', 'Dự kiến năm 2026 - So với KH 2025 (%)', 'Dự kiến năm 2026 - So với ƯTH 2025 (%)',
    ]);
    expect(table?.rows[2]?.cells).toEqual(['Số thuê bao internet', 'Thuê bao', '1.666.283', '1.838.623', '1.838.623', '110', '100', '1.892.700', '103', '103']);
    const row = cleaned.text.slice(table?.rows[3]?.start, table?.rows[3]?.end);
    expect(row).toBe('STT 4: Chỉ tiêu: Số xã, phường, thị trấn, đặc khu có điểm bưu điện văn hoá; Đơn vị tính: Điểm; Thực hiện 2024: 286; '
      + 'Năm 2025 - Kế hoạch: 96; Năm 2025 - ƯTH cả năm: 96; Năm 2025 - ƯTH2025/TH2024 (%): 34; Năm 2025 - ƯTH2025/KH2025 (%): 100; '
      + 'Dự kiến năm 2026 - Kế hoạch: 96; Dự kiến năm 2026 - So với KH 2025 (%): 96; Dự kiến năm 2026 - So với ƯTH 2025 (%): 96');
    // The header fragments are gone from the text.
    expect(cleaned.text).not.toMatch(/ƯTH202\n/u);
  });

  it('reads back rows whose figures wrap onto a line of their own, header cells one per line (OCR page text)', () => {
    const text = [
      'BIỂU SỐ LIỆU', 'STT', 'Chỉ tiêu', 'Đơn vị', 'tính', 'Thực hiện', '2024', 'Kế hoạch', '2025', 'UTH202', 'S/', 'TH2024', '(%)', 'Kế hoạch', '2026',
      '1 Số thuê bao di động Thuê bao 1.750.187 1.778.680',
      '102 1.848.432',
      '2 Tỷ lệ hộ có cáp quang % 75,0 77,9 104 80,0',
      '3 Số trạm phát sóng 5G Trạm 1. 205.310 1.300.000 108',
      '1.400.000',
      '4 Số điểm bưu điện văn hoá có', 'kết nối Internet', 'Điểm 96 96 100 96',
      '5 7 8 9',
    ].join('\n');
    const [table] = tablesOf(text);
    expect(table?.kind).toBe('indicators');
    expect(table?.rows.map((r) => r.cells)).toEqual([
      ['Số thuê bao di động', 'Thuê bao', '1.750.187', '1.778.680', '102', '1.848.432'],
      ['Tỷ lệ hộ có cáp quang', '%', '75,0', '77,9', '104', '80,0'],
      ['Số trạm phát sóng 5G', 'Trạm', '1.205.310', '1.300.000', '108', '1.400.000'],
      ['Số điểm bưu điện văn hoá có kết nối Internet', 'Điểm', '96', '96', '100', '96'],
    ]);
    expect(table?.rows[0]?.columns).toEqual(['Chỉ tiêu', 'Đơn vị tính', 'Thực hiện 2024', 'Kế hoạch 2025', 'UTH202S/TH2024 (%)', 'Kế hoạch 2026']);
  });

  it('does not take a line of figures after a complete row into the row', () => {
    const text = [
      'STT Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)',
      '1 Hồ sơ trực tuyến 12.000 13.500 112,5',
      '2 Hồ sơ trực tiếp 8.000 7.000 87,5',
      '3 Hồ sơ qua bưu chính 500 450 90',
      '20.500 20.950 102',
    ].join('\n');
    const regions = findTables(readPdfLines(text).lines);
    expect(regions[0]?.table.rows.map((r) => r.cells.slice(1))).toEqual([['12.000', '13.500', '112,5'], ['8.000', '7.000', '87,5'], ['500', '450', '90']]);
    expect(readPdfLines(text).lines[regions[0]?.end ?? 0]?.text).toBe('20.500 20.950 102');
  });

  it('does not take numbered prose or a numbered list for a table', () => {
    expect(tablesOf(['1 Tổ chức tập huấn cho cán bộ', '2 Tổ chức hội thảo', '3 Tổng kết năm 2025'].join('\n'))).toEqual([]);
    expect(tablesOf(['PHỤ LỤC', '1. Nhiệm vụ thứ nhất', '2. Nhiệm vụ thứ hai', '3. Nhiệm vụ thứ ba'].join('\n'))).toEqual([]);
  });
});

describe('findTables on numbered blocks (seed 003 appendix)', () => {
  const cleaned = cleanExtractedText(readSeed('003'));
  const table = cleaned.tables[0];

  it('reads every row, with the merged first cell carried down', () => {
    expect(table?.kind).toBe('numbered-blocks');
    expect(table?.caption).toBe('PHỤ LỤC SỐ 02');
    expect(table?.rows.map((r) => [r.index, r.group])).toEqual([
      ['1', 'Quảng Ngãi'], ['2', 'Quảng Ngãi'], ['3', 'Quảng Ngãi'], ['4', 'Kon Tum'], ['5', 'Kon Tum'], ['6', 'Kon Tum'],
    ]);
    expect(table?.rows.every((r) => r.cells[1] === 'Đang thực hiện')).toBe(true);
  });

  it('continues each column in order across a page break', () => {
    const row3 = table?.rows[2];
    expect(row3?.cells[0]).toBe('Đối với đề án 06: Mục tiêu đạt 100% số hóa dữ liệu đất đai trong năm 2025 là không thể đạt được (còn 05/13 địa bàn cấp huyện, 70/173 xã chưa được số hóa).');
    expect(row3?.cells[2]).toContain('phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia');
    expect(row3?.cells.join('\n')).not.toContain('Chương trình hỗ trợ doanh nghiệp nâng cao năng suất');
  });

  it('writes each row as its own block of the cleaned text, footnotes out', () => {
    const row4 = table?.rows[3];
    const text = cleaned.text.slice(row4?.start, row4?.end);
    expect(text.split('\n').slice(0, 3)).toEqual(['STT 4 - Kon Tum', expect.stringMatching(/^Ngân sách đầu tư cho chuyển đổi số/u), 'Đang thực hiện']);
    expect(text).toContain('(Bộ Lao động - Thương binh và Xã hội);');
    expect(text).toContain('tỷ lệ sử dụng văn bản điện tử của các sở, ban, ngành đạt trên 99,35%, cấp xã đạt 85,35%');
    expect(cleaned.footnotes.map((f) => f.marker)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
