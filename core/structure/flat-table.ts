/**
 * Tables that PDF extraction flattened into a stream of lines, read back into rows.
 *
 * Two shapes are recognised, neither tied to one document:
 * - **Indicator tables**: numbered rows ending in the same number (≥ 3) of figures
 *   (`1 Số thuê bao điện thoại Thuê bao 1.750.187 1.778.680 … 104`), a row's label possibly
 *   wrapped over several lines. The header cells above the first row come in fragments
 *   (`ƯTH202` / `5/` / `TH2024` / `(%)`); they are rejoined and matched to the figures. A
 *   header cell naming two periods (`Năm 2025 Dự kiến năm 2026`) spans the cells below it;
 *   they are assigned to its periods when each period's run opens with the same sub-header.
 * - **Numbered blocks** in an appendix (a `PHỤ LỤC`/`BẢNG`/`BIỂU` caption above): a line
 *   holding only the next row number (or the number and the row's first words) opens a row.
 *   Its cells are separated where the extraction left a gap, at a progress status
 *   (`Đang thực hiện`, `Đã hoàn thành` …), and at page breaks, where each column goes on
 *   in column order: the first unfinished cell continues first. A short first cell
 *   (`Quảng` / `Ngãi`) is a merged cell spanning the rows below until the next one.
 * Column names are only those the text gives; a table without a header row has none.
 */
import type { RawLine } from './pdf-lines.ts';
import { indicatorTable } from './indicator-table.ts';
import { numberedBlocks } from './numbered-blocks.ts';
import type { FlatTable, TableRegion, TableRow } from './table-lines.ts';

export type { FlatTable, TableRegion, TableRow } from './table-lines.ts';
export { headerCells } from './indicator-table.ts';

/** Find the flattened tables among body lines (footnotes already taken out). */
export function findTables(lines: RawLine[]): TableRegion[] {
  const regions: TableRegion[] = [];
  let i = 0;
  while (i < lines.length) {
    const found = indicatorTable(lines, i) ?? numberedBlocks(lines, i);
    if (found) {
      regions.push(found);
      i = found.end;
    } else {
      i += 1;
    }
  }
  return regions;
}
/**
 * A row as the lines of its passage. Indicator rows: one line pairing each column name with
 * its cell (`TT 1: Chỉ tiêu: Số thuê bao điện thoại; Đơn vị tính: Thuê bao; …`), or the
 * cells side by side when the header could not be matched. Numbered blocks: `STT 3` with
 * its merged cell, then each cell.
 */
export function renderRow(table: FlatTable, row: TableRow): string[] {
  if (table.kind === 'indicators') {
    const pairs = row.columns ? row.cells.map((c, i) => `${row.columns?.[i] || '?'}: ${c}`) : [row.cells.join(' | ')];
    return [`STT ${row.index}: ${pairs.join('; ')}`];
  }
  return [`STT ${row.index}${row.group ? ` - ${row.group}` : ''}`, ...row.cells.flatMap((c) => c.split('\n'))];
}
