/**
 * .xlsx through exceljs (MIT; read-only use here): cell texts as Excel displays them (dates,
 * numbers, formula results, rich text) and merged ranges. Hidden sheets are left out. The
 * zip is checked for bombs before exceljs inflates it.
 */
import { createRequire } from 'node:module';
import type { MergedRange, SheetGrid } from './grid.ts';

/**
 * The part of exceljs used here. Its own typings are not imported: they redeclare the
 * global `Buffer` as an `ArrayBuffer`, which breaks Node's typings across the project.
 */
interface ExcelCell { text?: string }
interface ExcelRow { eachCell(opts: { includeEmpty: boolean }, fn: (cell: ExcelCell, col: number) => void): void }
interface ExcelSheet {
  name: string;
  state: string;
  model: { merges?: string[] };
  eachRow(opts: { includeEmpty: boolean }, fn: (row: ExcelRow, rowNumber: number) => void): void;
}
interface ExcelWorkbook { worksheets: ExcelSheet[]; xlsx: { load(data: Buffer): Promise<unknown> } }
const ExcelJS = createRequire(import.meta.url)('exceljs') as { Workbook: new () => ExcelWorkbook };

/** `B3:D4` → 0-based inclusive range. */
export function parseRange(ref: string): MergedRange | undefined {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, '').toUpperCase());
  if (!m) return undefined;
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]!), bottom: Number(m[4]) - 1, right: col(m[3]!) };
}

/** Every visible worksheet as a grid. Throws whatever exceljs throws on a bad file. */
export async function xlsxGrids(bytes: Buffer, maxCells: number): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const grids: SheetGrid[] = [];
  let cells = 0;
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const out: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (++cells > maxCells) throw new RangeError(`more than ${maxCells} cells`);
        out[col - 1] = cell.text ?? '';
      });
      rows[rowNumber - 1] = Array.from(out, (v) => v ?? '');
    });
    const merges = (ws.model.merges ?? []).map(parseRange).filter((m): m is MergedRange => !!m);
    grids.push({ name: ws.name, rows: Array.from(rows, (r) => r ?? []), merges });
  }
  return grids;
}
