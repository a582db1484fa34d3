/**
 * Generates the loader fixtures — good and bad input of every supported format — into a
 * directory (and the scan, Word-header-table and spreadsheet fixtures of
 * scripts/fixtures/formats.ts into `<dir>-dinh-dang`). Everything is produced by code (pdfkit, docx, zlib, iconv-lite), never
 * hand-typed bytes, so the fixtures can be rebuilt anywhere: `npm run fixtures -- <dir>`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeReportDocx } from './fixtures/docx.ts';
import { corruptPdf, makeEmptyPdf, makeEncryptedPdf, makePlanPdf } from './fixtures/pdf.ts';
import { encodeUtf16be, encodeUtf16le, encodeWindows1252, encodeWindows1258, garbageBytes } from './fixtures/text.ts';
import { writeZipBomb } from './fixtures/zip-bomb.ts';

import { makeFormatFixtures } from './fixtures/formats.ts';

export { PLAN_PAGES } from './fixtures/pdf.ts';
export { makeFormatFixtures, type FormatFixturePaths, SCAN_PAGE, SCAN_PAGE_2, TYPED_PAGE } from './fixtures/formats.ts';
export { DECISION } from './fixtures/decision.ts';
export { APPENDIX } from './fixtures/sheets.ts';
export { REPORT_PARAGRAPHS } from './fixtures/docx.ts';

/** Where each generated fixture lies. `good*` load as documents; `bad*` are skipped. */
export interface FixturePaths {
  dir: string;
  /** Two-page Vietnamese plan, with a valid sidecar `…pdf.meta.json`. */
  goodPdf: string;
  goodPdfSidecar: string;
  goodDocx: string;
  /** UTF-16LE with BOM, Vietnamese. */
  goodUtf16leBom: string;
  /** UTF-16LE without BOM, Vietnamese. */
  goodUtf16leNoBom: string;
  /** UTF-16BE without BOM, Vietnamese. */
  goodUtf16beNoBom: string;
  /** Western text in Windows-1252 ("Café résumé …"). */
  goodWindows1252: string;
  /** Vietnamese text in Windows-1258 with combining tone marks. */
  goodWindows1258: string;
  /** Markdown in a nested folder. */
  goodMarkdown: string;
  /** HTML page in a nested folder. */
  goodHtml: string;
  /** Generic records: 3 good, line 4 malformed, line 5 without text, line 6 repeats line 1's id. */
  jsonl: string;
  badPdfEncrypted: string;
  badPdfCorrupt: string;
  badPdfNoText: string;
  /** A zip whose single entry inflates to 200 MiB of zeros. */
  badDocxBomb: string;
  badDocxNotZip: string;
  badTextBinary: string;
  /** A text file whose sidecar has an unknown type and a non-ISO date. */
  badSidecarText: string;
  /** A hidden file and a sidecar, both ignored by discovery. */
  hiddenFile: string;
}

/** Vietnamese sample used by the encoding fixtures. */
export const NOTICE_VI = 'THÔNG BÁO\nỦy ban nhân dân tỉnh Quảng Ngãi thông báo lịch tiếp công dân định kỳ tháng 6 năm 2026.\n'
  + 'Địa điểm: Trụ sở Ban Tiếp công dân tỉnh, số 52 đường Hùng Vương.\n';
/** Western sample used by the Windows-1252 fixture. */
export const WESTERN_TEXT = 'Café résumé — naïve façade, déjà vu.\nPrix: 12,50 € (Ø 3 cm).\n';

const MARKDOWN = `# Hướng dẫn đăng ký thường trú

## 1. Thành phần hồ sơ

- Tờ khai thay đổi thông tin cư trú (mẫu CT01).
- **Giấy tờ chứng minh** chỗ ở hợp pháp.

## 2. Thời hạn giải quyết

Trong thời hạn **07 ngày làm việc** kể từ ngày nhận đủ hồ sơ.
`;

const HTML = `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Thông báo tuyển dụng viên chức &ndash; Sở Nội vụ</title>
<style>body { font-family: sans-serif; }</style>
<script>window.tracking = "không được lập chỉ mục";</script></head>
<body><noscript>Bật JavaScript</noscript>
<h1>Thông báo tuyển dụng</h1><p>Sở Nội vụ tỉnh Quảng Ngãi thông báo tuyển dụng <b>12</b> viên chức năm 2026.</p>
<ul><li>Hạn nộp hồ sơ: 30/6/2026</li><li>Lệ phí dự tuyển: 500.000&nbsp;đồng</li></ul>
<p>Chi ti&#7871;t xem t&#x1EA1;i C&#7893;ng th&ocirc;ng tin &amp; điện tử<br>tỉnh.</p>
<table><tr><td>Vị trí</td><td>Số lượng</td></tr><tr><td>Chuyên viên</td><td>5</td></tr></table>
</body></html>
`;

const JSONL_LINES = [
  JSON.stringify({ id: 'QD-01', title: 'Quyết định số 01/QĐ-UBND', type: 'quyết định', number: '01/QĐ-UBND',
    issuedDate: '2026-01-05', audience: 'internal', status: 'in_force',
    text: 'Điều 1. Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.' }),
  JSON.stringify({ doc_id: 'KH-02', title: 'Kế hoạch số 02/KH-UBND', text: 'I. MỤC ĐÍCH\n1. Bảo đảm an toàn thông tin.' }),
  '',
  '{"id": "TB-03", "title": "Thông báo thiếu dấu ngoặc"',
  JSON.stringify({ id: 'TB-04', title: 'Thông báo không có nội dung' }),
  JSON.stringify({ id: 'QD-01', title: 'Bản trùng mã', text: 'Nội dung trùng mã văn bản.' }),
  JSON.stringify({ id: 'CV-05', title: 'Công văn số 05/UBND-KT', text: 'Về việc báo cáo tình hình kinh tế - xã hội tháng 5.' }),
];

/** Writes every fixture under `dir` (created if missing) and returns their paths. */
export async function makeFixtures(dir: string): Promise<FixturePaths> {
  const root = resolve(dir);
  const nested = join(root, 'phu-luc');
  await mkdir(nested, { recursive: true });
  const p = (name: string): string => join(root, name);
  const paths: FixturePaths = {
    dir: root,
    goodPdf: p('ke-hoach-12-kh-ubnd.pdf'),
    goodPdfSidecar: p('ke-hoach-12-kh-ubnd.pdf.meta.json'),
    goodDocx: p('bao-cao-quy-2.docx'),
    goodUtf16leBom: p('utf16le-bom.txt'),
    goodUtf16leNoBom: p('utf16le-khong-bom.txt'),
    goodUtf16beNoBom: p('utf16be-khong-bom.txt'),
    goodWindows1252: p('western-1252.txt'),
    goodWindows1258: p('thong-bao-1258.txt'),
    goodMarkdown: join(nested, 'huong-dan.md'),
    goodHtml: join(nested, 'thong-bao.html'),
    jsonl: p('van-ban.jsonl'),
    badPdfEncrypted: p('mat-khau.pdf'),
    badPdfCorrupt: p('hong.pdf'),
    badPdfNoText: p('ban-scan.pdf'),
    badDocxBomb: p('bom-nen.docx'),
    badDocxNotZip: p('khong-phai-zip.docx'),
    badTextBinary: p('rac-nhi-phan.txt'),
    badSidecarText: p('sai-sieu-du-lieu.txt'),
    hiddenFile: p('.an.txt'),
  };

  const plan = await makePlanPdf();
  await Promise.all([
    writeFile(paths.goodPdf, plan),
    writeFile(paths.goodPdfSidecar, JSON.stringify({
      title: 'Kế hoạch triển khai chuyển đổi số năm 2026', type: 'kế hoạch', number: '12/KH-UBND',
      issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi', issuedDate: '2026-06-04', status: 'in_force', audience: 'internal',
    }, null, 2)),
    writeFile(paths.badPdfEncrypted, await makeEncryptedPdf()),
    writeFile(paths.badPdfCorrupt, corruptPdf(plan)),
    writeFile(paths.badPdfNoText, await makeEmptyPdf()),
    writeFile(paths.goodDocx, await makeReportDocx()),
    writeZipBomb(paths.badDocxBomb),
    writeFile(paths.badDocxNotZip, 'Đây không phải tệp Word, chỉ là văn bản thường.\n'),
    writeFile(paths.goodUtf16leBom, encodeUtf16le(NOTICE_VI, true)),
    writeFile(paths.goodUtf16leNoBom, encodeUtf16le(NOTICE_VI, false)),
    writeFile(paths.goodUtf16beNoBom, encodeUtf16be(NOTICE_VI)),
    writeFile(paths.goodWindows1252, encodeWindows1252(WESTERN_TEXT)),
    writeFile(paths.goodWindows1258, encodeWindows1258(NOTICE_VI)),
    writeFile(paths.badTextBinary, garbageBytes(4096)),
    writeFile(paths.badSidecarText, 'Văn bản có tệp siêu dữ liệu sai.\n'),
    writeFile(p('sai-sieu-du-lieu.meta.json'), JSON.stringify({ type: 'sắc lệnh', issuedDate: '04/06/2026' })),
    writeFile(paths.goodMarkdown, MARKDOWN),
    writeFile(paths.goodHtml, HTML),
    writeFile(paths.jsonl, JSONL_LINES.join('\n') + '\n'),
    writeFile(paths.hiddenFile, 'Tệp ẩn, không được lập chỉ mục.\n'),
  ]);
  return paths;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run fixtures -- <dir>');
    process.exit(2);
  }
  const paths = await makeFixtures(target);
  // Scans, Word header tables and spreadsheets go to a sibling folder (they need pdftoppm).
  const formats = await makeFormatFixtures(`${resolve(target)}-dinh-dang`);
  console.log(JSON.stringify({ ...paths, formats }, null, 2));
}
