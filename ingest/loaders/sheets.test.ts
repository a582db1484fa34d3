/** Contract of the spreadsheet loaders (XLSX, ODS, CSV; XLS through xls2csv): rows, headers, merges, bad input. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZipBomb } from '../../scripts/fixtures/zip-bomb.ts';
import { structureDocument } from '../structure-step.ts';
import { loadSource } from './index.ts';
import { collect, tempFormatFixtures } from './test-support.ts';

let fx: Awaited<ReturnType<typeof tempFormatFixtures>>;
beforeAll(async () => { fx = await tempFormatFixtures(); });
afterAll(async () => { await fx.cleanup(); });

const ROW_4 = 'STT: 1; Tên thủ tục: Đăng ký khai sinh; Lĩnh vực: Hộ tịch; Thời hạn giải quyết - Trực tiếp: 03 ngày làm việc; Thời hạn giải quyết - Trực tuyến: 02 ngày làm việc';
const ROW_5 = 'STT: 2; Tên thủ tục: Đăng ký kết hôn; Lĩnh vực: Hộ tịch; Thời hạn giải quyết - Trực tiếp: 05 ngày làm việc; Thời hạn giải quyết - Trực tuyến: 03 ngày làm việc';

describe.each([['XLSX', 'appendixXlsx'], ['ODS', 'appendixOds']] as const)('%s appendix', (_format, key) => {
  it('makes every data row a passage naming its columns, with merged header and category cells resolved', async () => {
    const { docs, skipped } = await collect(loadSource(fx[key]));
    expect(skipped).toEqual([]);
    const doc = docs[0]!;
    expect(doc.kind).toBe('sheet');
    expect(doc.meta?.title).toBe('DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC HỘ TỊCH');
    expect(doc.passages!.map((p) => doc.text.slice(p.start, p.end))).toEqual([ROW_4, ROW_5]);
  });

  it('labels each passage with its sheet and row so answers cite them', async () => {
    const { docs } = await collect(loadSource(fx[key]));
    const built = structureDocument(docs[0]!);
    if (!built.ok) throw new Error(built.skipped.message);
    expect(built.chunks.map((c) => [c.sectionLabel, c.text])).toEqual([
      ['Trang tính “Danh mục”, dòng 4', ROW_4],
      ['Trang tính “Danh mục”, dòng 5', ROW_5],
    ]);
    expect(built.chunks[0]!.headingTrail).toEqual(['Danh mục', 'DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC HỘ TỊCH']);
  });
});

describe('CSV', () => {
  it('reads a semicolon-separated UTF-8 file with a quoted line break, one passage per row', async () => {
    const { docs } = await collect(loadSource(fx.appendixCsv));
    const doc = docs[0]!;
    expect(doc.passages!.map((p) => [p.sectionLabel, doc.text.slice(p.start, p.end)])).toEqual([
      ['Trang tính “phu-luc-thu-tuc”, dòng 2', 'STT: 1; Tên thủ tục: Đăng ký khai sinh; Thời hạn giải quyết: 03 ngày làm việc; Ghi chú: Nộp tại UBND xã; hoặc trực tuyến'],
      ['Trang tính “phu-luc-thu-tuc”, dòng 3', 'STT: 2; Tên thủ tục: Đăng ký kết hôn; Thời hạn giải quyết: 05 ngày làm việc'],
    ]);
  });
});

describe('bad spreadsheets', () => {
  it('skips an .xlsx that is a password-protected (Compound File) workbook with SHEET_CORRUPT', async () => {
    const { docs, skipped } = await collect(loadSource(fx.badXlsxEncrypted));
    expect(docs).toEqual([]);
    expect(skipped.map((s) => s.code)).toEqual(['SHEET_CORRUPT']);
    expect(skipped[0]!.message).toContain('mật khẩu');
  });

  it('refuses a zip bomb named .xlsx before inflating it, and an empty CSV', async () => {
    const bomb = join(fx.dir, 'bom.xlsx');
    await writeZipBomb(bomb);
    const empty = join(fx.dir, 'trong.csv');
    await writeFile(empty, 'STT;Tên\n');
    expect((await collect(loadSource(bomb))).skipped.map((s) => s.code)).toEqual(['SHEET_TOO_LARGE']);
    expect((await collect(loadSource(empty))).skipped.map((s) => s.code)).toEqual(['FILE_EMPTY']);
  });

  it('skips a file that is not an .xls with SHEET_CORRUPT, and names the package when xls2csv is missing', async () => {
    const fake = join(fx.dir, 'khong-phai.xls');
    await writeFile(fake, 'không phải Excel');
    expect((await collect(loadSource(fake))).skipped.map((s) => s.code)).toEqual(['SHEET_CORRUPT']);
    // A Compound File (the signature of .xls) reaches the converter.
    const ole = join(fx.dir, 'bang-tinh-cu.xls');
    await writeFile(ole, await readFile(fx.badXlsxEncrypted));
    const missing = await collect(loadSource(ole, { converters: { xls2csv: '/khong-co/xls2csv' } }));
    expect(missing.skipped[0]).toMatchObject({ code: 'CONVERTER_UNAVAILABLE', message: expect.stringContaining('catdoc') });
  });
});
