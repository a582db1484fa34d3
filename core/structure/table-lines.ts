/**
 * What the flattened-table readers share: row and table types, and reading the extraction's
 * lines (a line's text, the caption above a table).
 */
import type { RawLine } from './pdf-lines.ts';

/** One row: its number, the merged cell it falls under, and its cells as written. */
export interface TableRow {
  index: string;
  /** A merged first cell spanning this row (`Quảng Ngãi`). */
  group?: string;
  /** Cell texts in column order; a cell's paragraphs are separated by `\n`. */
  cells: string[];
  /** Column names for `cells`, when the table has a header row. */
  columns?: string[];
  /** Page of the row's first line. */
  page?: number;
}

export interface FlatTable {
  kind: 'indicators' | 'numbered-blocks';
  /** The caption above the table (`PHỤ LỤC SỐ 02`), when there is one. */
  caption?: string;
  rows: TableRow[];
}

/** A table found among `lines`: it replaces lines [start, end). */
export interface TableRegion {
  start: number;
  end: number;
  table: FlatTable;
}

/** A table caption: `PHỤ LỤC …`, `BẢNG …`, `BIỂU …`. */
export const CAPTION = /^(?:PHỤ LỤC|BẢNG|BIỂU)(?:\s|$)/u;
/** Fewer numbered rows than this are a list, not a table. */
export const MIN_ROWS = 3;

export function textAt(lines: RawLine[], i: number): string | undefined {
  const l = lines[i];
  return l?.kind === 'text' ? l.text : undefined;
}

export function captionBefore(lines: RawLine[], i: number): string | undefined {
  for (let j = i - 1; j >= Math.max(0, i - 4); j -= 1) {
    const t = textAt(lines, j);
    if (t !== undefined && CAPTION.test(t)) return t;
  }
  return undefined;
}
