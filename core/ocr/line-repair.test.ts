import { describe, expect, it } from 'vitest';
import { repairLines } from './line-repair.ts';

const repaired = (text: string): string => repairLines(text).text;

describe('repairLines', () => {
  it('puts a document code broken after "/" or "-" back on the first line', () => {
    expect(repaired('Quyết định số 2103/\nQĐ-UBND ngày 22/12/2021 của Chủ tịch')).toBe('Quyết định số 2103/QĐ-UBND\nngày 22/12/2021 của Chủ tịch');
    expect(repaired('Chỉ thị số 19-\nCT/TU ngày 18/5/2022')).toBe('Chỉ thị số 19-CT/TU\nngày 18/5/2022');
    expect(repaired('số 148/KH-\nUBND ngày 15/09/2022')).toBe('số 148/KH-UBND\nngày 15/09/2022');
    expect(repaired('giai đoạn 2021-\n2025 sẽ')).toBe('giai đoạn 2021-2025\nsẽ');
  });

  it('drops the next line when the continuation was all of it, keeping its punctuation', () => {
    expect(repaired('Nghị quyết số 57-NQ/\nTW;\n- Tham mưu')).toBe('Nghị quyết số 57-NQ/TW;\n- Tham mưu');
  });

  it('fixes a doubled Đ, a year split by a space and a colon between thousands inside codes and numbers', () => {
    expect(repaired('Quyết định số 65/QĐĐ-UBND ngày')).toBe('Quyết định số 65/QĐ-UBND ngày');
    expect(repaired('Quyết định số 29/202 1/QĐ-UBND ngày')).toBe('Quyết định số 29/2021/QĐ-UBND ngày');
    expect(repaired('1.563:942 trang A4')).toBe('1.563.942 trang A4');
  });

  it('drops specks read as a lone modifier sign or underscore', () => {
    expect(repaired('Công văn số 1125/UBND- ˆ\nKTTH ngày 07/08/2025')).toBe('Công văn số 1125/UBND-KTTH\nngày 07/08/2025');
    expect(repaired('_ miền núi tỉnh Quảng Ngãi')).toBe('miền núi tỉnh Quảng Ngãi');
  });

  it('leaves words, dashes, times, ordinary numbers and lines across a blank line alone', () => {
    for (const text of [
      'tỉnh Quảng\nNgãi',
      'Các bên -\nNgười dân',
      'Ủy ban nhân dân tỉnh-\nSở Tư pháp',
      'họp lúc 14:30 ngày 05/01/2026',
      'số tiền 1.563,942 triệu đồng',
      'số ĐĐ trong tên riêng',
      'khoảng 202 1 lần/năm',
      'số 2103/\n\nQĐ-UBND ở trang sau',
      'Mẫu đơn ____ ghi rõ',
    ]) {
      expect(repairLines(text)).toEqual({ text, repaired: 0 });
    }
  });

  it('is idempotent, so cached text can be repaired again', () => {
    const once = repaired('Quyết định số 2103/\nQĐĐ-UBND ngày\n29/202 1/QĐ-UBND ˆ\n1.563:942');
    expect(repaired(once)).toBe(once);
    expect(repairLines(once).repaired).toBe(0);
  });
});
