/**
 * Indicator tables read back from a flattened extraction (flat-table.ts): numbered rows
 * ending in the same number of figures, under header cells rejoined from their fragments.
 *
 * Page text read back by OCR wraps a long row where the page did: the figures that did not
 * fit go on a line of their own ("… 1.778.680 102" ⏎ "100 1.848.432 104 104"). A line of
 * figures only, before the row has as many figures as the rows above, continues the row
 * (a row always opens with its number and label, so a line of figures never starts one).
 */
import type { RawLine } from './pdf-lines.ts';
import { captionBefore, MIN_ROWS, textAt, type FlatTable, type TableRegion, type TableRow } from './table-lines.ts';

const NUMERIC = /^(?:[-+]?\d[\d.,]*%?|-)$/u;
const ROW_START = /^(\d{1,3})\s+(\S.*)$/u;
const HEADER_START = /^(?:STT|TT|Số TT)(?:\s|$)/u;
const UNIT_HEADER = /^(?:Đơn vị(?: tính)?|ĐVT)$/u;

/** A thousands group after a figure broken at its separator ("1." "838.623"). */
const GROUP_TAIL = /^\d{3}(?:[.,]\d{3})*(?:[.,]\d+)?%?$/u;

/**
 * Figures as cells: a figure ending in its thousands separator is one broken by a stray
 * space (OCR: "1. 838.623") and is joined to the group that follows.
 */
function figureCells(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^\d{1,3}[.,]$/u.test(prev) && GROUP_TAIL.test(t)) out[out.length - 1] = prev + t;
    else out.push(t);
  }
  return out;
}

/** Trailing figures of a line: how many, and the text before them. */
function trailingFigures(text: string): { head: string; values: string[] } {
  const tokens = text.split(/\s+/u);
  let k = tokens.length;
  while (k > 0 && NUMERIC.test(tokens[k - 1] ?? '')) k -= 1;
  return { head: tokens.slice(0, k).join(' '), values: figureCells(tokens.slice(k)) };
}

/** The figures of a line holding nothing else, or undefined. */
function figuresOnly(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const { head, values } = trailingFigures(text.trim());
  return head === '' && values.length > 0 ? values : undefined;
}

/** An indicator table whose first row is at `from`, if any. */
export function indicatorTable(lines: RawLine[], from: number): TableRegion | undefined {
  const first = textAt(lines, from);
  const m = first !== undefined ? ROW_START.exec(first) : null;
  if (!m || m[1] !== '1') return undefined;
  const rows: Array<{ index: string; lines: string[]; values: string[]; page: number }> = [];
  let i = from;
  let width = 0;
  while (i < lines.length) {
    const start = textAt(lines, i);
    const rm = start !== undefined ? ROW_START.exec(start) : null;
    if (!rm || Number(rm[1]) !== rows.length + 1) break;
    const rowLines = [rm[2] ?? ''];
    let j = i;
    let figures = trailingFigures(rowLines[0] ?? '');
    const wrapFigures = (t: string): void => {
      rowLines[rowLines.length - 1] += ` ${t}`;
      figures = trailingFigures(rowLines[rowLines.length - 1] ?? '');
    };
    while (figures.values.length < 3 && j + 1 < lines.length && j - i < 6) {
      j += 1;
      const t = textAt(lines, j);
      if (t === undefined) continue;
      if (figures.values.length > 0 && figuresOnly(t)) {
        wrapFigures(t);
      } else {
        rowLines.push(t);
        figures = trailingFigures(t);
      }
    }
    if (figures.values.length < 3) break;
    // Figures wrapped onto the next lines (see the module comment).
    while ((!width || figures.values.length < width) && figuresOnly(textAt(lines, j + 1))) {
      j += 1;
      wrapFigures(textAt(lines, j) ?? '');
    }
    const values = figures.values;
    if (width && values.length !== width) break;
    width = values.length;
    rows.push({ index: rm[1] ?? '', lines: rowLines, values, page: lines[i]?.page ?? 1 });
    i = j + 1;
    while (i < lines.length && lines[i]?.kind !== 'text') i += 1;
  }
  if (rows.length < MIN_ROWS) return undefined;
  let start = from;
  for (let j = from - 1; j >= Math.max(0, from - 40); j -= 1) {
    const t = textAt(lines, j);
    if (t !== undefined && HEADER_START.test(t)) {
      start = j;
      break;
    }
  }
  const header = headerCells(lines.slice(start, from).filter((l) => l.kind === 'text').map((l) => l.text));
  const caption = captionBefore(lines, start);
  const table: FlatTable = { kind: 'indicators', rows: rows.map((r) => ({ ...indicatorRow(r, header, width), page: r.page })) };
  if (caption) table.caption = caption;
  return { start, end: i, table };
}

/** Rejoin header fragments into cells (see the module comment). */
export function headerCells(fragments: string[]): string[] {
  const cells: string[] = [];
  for (const f of fragments.map((x) => x.trim()).filter(Boolean)) {
    const prev = cells[cells.length - 1];
    if (prev === undefined) {
      cells.push(f);
    } else if ((/\d$/u.test(prev) && /^\d/u.test(f)) || /\/$/u.test(prev) || /^\S{1,2}\/$/u.test(f)) {
      // A ratio header broken at its slash ("ƯTH202" / "5/" / "TH2024"), its digit possibly misread ("S/").
      cells[cells.length - 1] = prev + f;
    } else if (/^[\p{Ll}(]/u.test(f) || /^\d{4}\b/u.test(f) || /(?:^|\s)(?:với|và|của|so)$/u.test(prev)) {
      cells[cells.length - 1] = `${prev} ${f}`;
    } else {
      cells.push(f);
    }
  }
  return cells;
}

interface IndicatorHeader {
  index?: string;
  label?: string;
  unit?: string;
  values?: string[];
}

function indicatorRow(r: { index: string; lines: string[]; values: string[] }, cells: string[], width: number): TableRow {
  const header = splitHeader(cells, width);
  const last = r.lines[r.lines.length - 1] ?? '';
  const lead = r.lines.slice(0, -1).join(' ');
  const lastHead = trailingFigures(last).head;
  let label = [lead, lastHead].filter(Boolean).join(' ');
  let unit: string | undefined;
  if (header.unit) {
    if (r.lines.length > 1 && lastHead && lastHead.split(/\s+/u).length <= 3) {
      unit = lastHead;
      label = lead;
    } else {
      const um = /^(.*\S)\s+(%|\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?)$/u.exec(label);
      if (um) {
        label = um[1] ?? label;
        unit = um[2];
      }
    }
  }
  const row: TableRow = { index: r.index, cells: [label, ...(unit !== undefined ? [unit] : []), ...r.values] };
  if (header.values) {
    row.columns = [header.label ?? '', ...(unit !== undefined ? [header.unit ?? ''] : []), ...header.values];
  }
  return row;
}

/** Index, label and unit headers, then one name per figure column (when they reconcile). */
function splitHeader(cells: string[], width: number): IndicatorHeader {
  const out: IndicatorHeader = {};
  const rest = [...cells];
  const first = rest[0];
  const idx = first !== undefined ? /^(STT|TT|Số TT)(?:\s+(.+))?$/u.exec(first) : null;
  if (idx) {
    out.index = idx[1];
    rest.shift();
    if (idx[2]) rest.unshift(idx[2]);
  }
  if (rest[0] !== undefined && !UNIT_HEADER.test(rest[0])) out.label = rest.shift();
  if (rest[0] !== undefined && UNIT_HEADER.test(rest[0])) out.unit = rest.shift();
  if (rest.length === width) {
    out.values = rest;
    return out;
  }
  // Spanning cells naming two periods sit between the leading cells and the leaves.
  const spanAt = rest.findIndex((c) => !c.includes('/') && (c.match(/\d{4}/gu)?.length ?? 0) >= 2);
  if (spanAt < 0 || rest.length - 1 !== width) return out;
  const periods = (rest[spanAt] ?? '').split(/(?<=\d{4})\s+(?=\p{Lu})/u);
  const leading = rest.slice(0, spanAt);
  const leaves = rest.slice(spanAt + 1);
  const starts = leaves.map((c, i) => (c === leaves[0] ? i : -1)).filter((i) => i >= 0);
  if (periods.length > 1 && starts.length === periods.length) {
    out.values = [...leading, ...leaves.map((c, i) => {
      const p = starts.filter((s) => s <= i).length - 1;
      return `${periods[p]} - ${c}`;
    })];
  } else {
    out.values = [...leading, ...leaves];
  }
  return out;
}
