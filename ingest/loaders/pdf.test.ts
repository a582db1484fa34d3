import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { normalizeText } from '../../core/text/normalize.ts';
import { loadSource } from './index.ts';
import { splitHeaderRow } from './pdf.ts';
import { PAGE_SEPARATOR } from './result.ts';
import { collect, tempFixtures } from './test-support.ts';

let fx: Awaited<ReturnType<typeof tempFixtures>>;
beforeAll(async () => { fx = await tempFixtures(); });
afterAll(async () => { await fx.cleanup(); });

describe('PDF loader', () => {
  it('extracts both pages of the Vietnamese plan with their diacritics intact', async () => {
    const { docs, skipped } = await collect(loadSource(fx.goodPdf));
    expect(skipped).toEqual([]);
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc.pages).toHaveLength(2);
    expect(doc.pages![0]).toContain('Số: 12/KH-UBND');
    expect(doc.pages![0]).toContain('Quảng Ngãi, ngày 04 tháng 6 năm 2026');
    expect(doc.pages![0]).toContain('b) Kế hoạch này bảo đảm 100%');
    expect(doc.pages![0]!.startsWith('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI')).toBe(true);
    expect(doc.pages![1]!.startsWith('II. NỘI DUNG THỰC HIỆN')).toBe(true);
    expect(doc.pages![1]).toContain('III. TỔ CHỨC THỰC HIỆN');
    expect(doc.text).toContain('Kế hoạch');
    expect(doc.text).toContain('Quảng Ngãi');
    expect(doc.kind).toBe('document');
    expect(doc.sourceId).toBe('ke-hoach-12-kh-ubnd.pdf');
  });

  it('joins pages with the documented separator and returns text stable under normalisation', async () => {
    const { docs } = await collect(loadSource(fx.goodPdf));
    const doc = docs[0]!;
    expect(doc.text).toBe(doc.pages!.join(PAGE_SEPARATOR));
    expect(normalizeText(doc.text)).toBe(doc.text);
    expect(doc.text.normalize('NFC')).toBe(doc.text);
  });

  it.each([
    ['badPdfEncrypted', 'PDF_ENCRYPTED', 'mat-khau.pdf'],
    ['badPdfCorrupt', 'PDF_CORRUPT', 'hong.pdf'],
    ['badPdfNoText', 'PDF_NO_TEXT', 'ban-scan.pdf'],
  ] as const)('skips %s with %s and names the file', async (key, code, name) => {
    const { docs, skipped } = await collect(loadSource(fx[key]));
    expect(docs).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.code).toBe(code);
    expect(skipped[0]!.source).toBe(fx[key]);
    expect(skipped[0]!.message).toContain(name);
  });

  it('cuts a header row where the number and the place-date were joined on one line, and nothing else', () => {
    expect(splitHeaderRow('ỦY BAN NHÂN DÂN\nSố: 1287/QĐ-UBND Quảng Ngãi, ngày 15 tháng 8 năm 2025\nQUYẾT ĐỊNH')).toBe(
      'ỦY BAN NHÂN DÂN\nSố: 1287/QĐ-UBND\nQuảng Ngãi, ngày 15 tháng 8 năm 2025\nQUYẾT ĐỊNH');
    expect(splitHeaderRow('Số: 12/KH-UBND\nQuảng Ngãi, ngày 04 tháng 6 năm 2026')).toBe('Số: 12/KH-UBND\nQuảng Ngãi, ngày 04 tháng 6 năm 2026');
    expect(splitHeaderRow('Số lượng hồ sơ tăng, ngày càng nhiều')).toBe('Số lượng hồ sơ tăng, ngày càng nhiều');
  });

  it('prints nothing to stdout while parsing good and broken PDFs', async () => {
    const log = vi.spyOn(console, 'log');
    const write = vi.spyOn(process.stdout, 'write');
    try {
      await collect(loadSource(fx.goodPdf));
      await collect(loadSource(fx.badPdfCorrupt));
      await collect(loadSource(fx.badPdfEncrypted));
      expect(log).not.toHaveBeenCalled();
      expect(write).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
      write.mockRestore();
    }
  });
});
