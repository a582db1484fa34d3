/**
 * A sheet as a grid of cell texts with its merged ranges, turned into passages: every data
 * row one passage naming its columns (`Tên thủ tục: Cấp phép; Thời hạn: 15 ngày`), merged
 * cells resolved (a header spanning two columns heads both; a category merged down a
 * column belongs to every row it spans), title rows above the header kept as headings.
 */

/** A merged range, 0-based inclusive rows and columns. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet: its name, cell texts by 0-based row and column ('' for empty), merges. */
export interface SheetGrid {
  name: string;
  rows: string[][];
  merges: MergedRange[];
}

/** One row as a passage. */
export interface RowPassage {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  text: string;
}

/** A sheet read into headings (title rows), column headers and row passages. */
export interface SheetPassages {
  name: string;
  headings: string[];
  headers: string[];
  rows: RowPassage[];
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Copies each merged range's top-left text into every cell of the range. */
export function fillMerges(grid: SheetGrid): string[][] {
  const rows = grid.rows.map((r) => r.map(clean));
  for (const m of grid.merges) {
    const value = rows[m.top]?.[m.left] ?? '';
    if (!value) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      rows[r] ??= [];
      for (let c = m.left; c <= m.right; c++) rows[r]![c] = value;
    }
  }
  return rows;
}

function distinct(row: readonly string[] | undefined): string[] {
  return [...new Set((row ?? []).filter((v) => v !== ''))];
}

/** Column letters as a spreadsheet names them: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Finds the title rows (one distinct text across the row), the header row(s) (the first row
 * with two or more distinct texts, plus the row below when the header has a cell merged
 * across columns: a group header over sub-headers) and the data rows after them.
 */
export function sheetPassages(grid: SheetGrid): SheetPassages {
  const rows = fillMerges(grid);
  const titles: RowPassage[] = [];
  let r = 0;
  for (; r < rows.length; r++) {
    const d = distinct(rows[r]);
    if (d.length >= 2) break;
    if (d.length === 1) titles.push({ row: r + 1, text: d[0]! });
  }
  // A sheet with one column of text (a list) has no header row: every row is data.
  if (r >= rows.length) return { name: grid.name, headings: [], headers: [], rows: titles };
  const headings = titles.map((t) => t.text);
  const headerRows = [r];
  const spansColumns = grid.merges.some((m) => m.top === r && m.right > m.left && m.bottom === r);
  if (spansColumns && r + 1 < rows.length) headerRows.push(r + 1);
  const width = Math.max(0, ...rows.map((row) => row.length));
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const h of headerRows) {
      const v = rows[h]?.[c] ?? '';
      if (v && parts[parts.length - 1] !== v) parts.push(v);
    }
    headers.push(parts.join(' – ') || `Cột ${columnName(c)}`);
  }
  const passages: RowPassage[] = [];
  for (let i = headerRows[headerRows.length - 1]! + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const cells = row.map((v, c) => (v ? `${headers[c] ?? `Cột ${columnName(c)}`}: ${v}` : '')).filter((x) => x);
    if (cells.length) passages.push({ row: i + 1, text: cells.join('; ') });
  }
  return { name: grid.name, headings, headers, rows: passages };
}
