/**
 * Spreadsheets (.xlsx, .xls, .ods, .csv) as documents: every sheet a section, every data
 * row a passage that names its columns (`Tên thủ tục: …; Thời hạn giải quyết: …`), cited as
 * `Trang tính “Danh mục”, dòng 5`. Title rows above a sheet's header become its headings.
 */
import { basename, extname } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import type { LoadedPassage } from '../../../core/ports.ts';
import { normalizeText } from '../../../core/text/normalize.ts';
import type { ConverterPaths } from '../converters.ts';
import type { Extracted } from '../extracted.ts';
import { DEFAULT_MAX_UNPACKED_BYTES, userError, type OcrHooks } from '../result.ts';
import { inspectZip, readZipEntries } from '../zip.ts';
import { csvGrid } from './csv.ts';
import { sheetPassages, type SheetGrid } from './grid.ts';
import { odsGrids } from './ods.ts';
import { xlsGrids } from './xls.ts';
import { xlsxGrids } from './xlsx.ts';

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Most non-empty cells read from one workbook. */
export const MAX_SHEET_CELLS = 500_000;

async function grids(ext: string, bytes: Buffer, path: string, opts: OcrHooks & { converters?: ConverterPaths; maxUnpackedBytes?: number }): Promise<SheetGrid[]> {
  const maxUnpacked = opts.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  switch (ext) {
    case '.csv':
      return [csvGrid(bytes, basename(path, extname(path)))];
    case '.xls':
      // xls2csv prints any other file as if it were text: check the Compound File signature first.
      if (!bytes.subarray(0, 8).equals(OLE_SIGNATURE)) throw userError('SHEET_CORRUPT', 'not a Compound File');
      return xlsGrids(path, opts);
    case '.ods': {
      const summary = await inspectZip(bytes, maxUnpacked, 'SHEET_CORRUPT', 'SHEET_TOO_LARGE');
      if (!summary.names.has('content.xml')) throw userError('SHEET_CORRUPT', 'zip has no content.xml');
      const xml = (await readZipEntries(bytes, ['content.xml'], 'SHEET_CORRUPT')).get('content.xml')!;
      return odsGrids(xml.toString('utf8'), MAX_SHEET_CELLS);
    }
    default: {
      const summary = await inspectZip(bytes, maxUnpacked, 'SHEET_CORRUPT', 'SHEET_TOO_LARGE');
      if (!summary.names.has('xl/workbook.xml')) throw userError('SHEET_CORRUPT', 'zip has no xl/workbook.xml');
      return xlsxGrids(bytes, MAX_SHEET_CELLS);
    }
  }
}

/** The citable label of a row. */
export function rowLabel(sheet: string, row: number): string {
  return `Trang tính “${sheet}”, dòng ${row}`;
}

/**
 * Reads a workbook into text and one passage per data row. Throws SHEET_CORRUPT,
 * SHEET_TOO_LARGE, CONVERTER_UNAVAILABLE (.xls without catdoc) or FILE_EMPTY.
 */
export async function extractSheets(ext: string, bytes: Buffer, path: string, opts: OcrHooks & { converters?: ConverterPaths; maxUnpackedBytes?: number } = {}): Promise<Extracted> {
  let sheets: SheetGrid[];
  try {
    sheets = await grids(ext, bytes, path, opts);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof RangeError) throw new AppError('SHEET_TOO_LARGE', err.message, { userSuffix: `Giới hạn ${MAX_SHEET_CELLS.toLocaleString('vi-VN')} ô có dữ liệu.` });
    throw userError('SHEET_CORRUPT', err instanceof Error ? err.message : String(err), undefined, err);
  }
  let text = '';
  const passages: LoadedPassage[] = [];
  let title: string | undefined;
  for (const grid of sheets) {
    const s = sheetPassages({ ...grid, name: normalizeText(grid.name).trim() || 'Trang tính' });
    if (s.rows.length === 0) continue;
    title ??= s.headings[0];
    const heading = [`Trang tính: ${s.name}`, ...s.headings].map((h) => normalizeText(h)).join('\n');
    text += `${text ? '\n\n' : ''}${heading}\n`;
    for (const row of s.rows) {
      const line = normalizeText(row.text).replace(/\n+/g, ' / ');
      const start = text.length;
      text += `${line}\n`;
      passages.push({
        sectionPath: [s.name, `dòng ${row.row}`], sectionLabel: rowLabel(s.name, row.row),
        headingTrail: [s.name, ...s.headings.map((h) => normalizeText(h))], start, end: start + line.length,
      });
    }
  }
  if (passages.length === 0) throw new AppError('FILE_EMPTY', `no data rows in ${sheets.length} sheet(s)`);
  return { text: text.trimEnd(), passages, title: normalizeText(title ?? basename(path, extname(path))) };
}
