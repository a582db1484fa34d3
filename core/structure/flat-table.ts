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
import { joinParagraphs, TERMINAL } from './paragraphs.ts';

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

const NUMERIC = /^(?:[-+]?\d[\d.,]*%?|-)$/u;
const ROW_START = /^(\d{1,3})\s+(\S.*)$/u;
const BLOCK_ROW = /^(\d{1,3})(?:\s+(\p{Lu}.*))?$/u;
const CAPTION = /^(?:PHỤ LỤC|BẢNG|BIỂU)(?:\s|$)/u;
const HEADER_START = /^(?:STT|TT|Số TT)(?:\s|$)/u;
const UNIT_HEADER = /^(?:Đơn vị(?: tính)?|ĐVT)$/u;
/** Progress statuses of a plan's tasks: a cell of its own in progress tables. */
const STATUS = /^(?:Đang|Đã|Chưa|Không)\s+(?:thực hiện|hoàn thành|triển khai)$|^(?:Hoàn thành|Đúng hạn|Quá hạn|Trễ hạn)$/u;
const MIN_ROWS = 3;

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

function textAt(lines: RawLine[], i: number): string | undefined {
  const l = lines[i];
  return l?.kind === 'text' ? l.text : undefined;
}

function captionBefore(lines: RawLine[], i: number): string | undefined {
  for (let j = i - 1; j >= Math.max(0, i - 4); j -= 1) {
    const t = textAt(lines, j);
    if (t !== undefined && CAPTION.test(t)) return t;
  }
  return undefined;
}

/** Trailing figures of a line: how many, and the text before them. */
function trailingFigures(text: string): { head: string; values: string[] } {
  const tokens = text.split(/\s+/u);
  let k = tokens.length;
  while (k > 0 && NUMERIC.test(tokens[k - 1] ?? '')) k -= 1;
  return { head: tokens.slice(0, k).join(' '), values: tokens.slice(k) };
}

function indicatorTable(lines: RawLine[], from: number): TableRegion | undefined {
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
    while (figures.values.length < 3 && j + 1 < lines.length && j - i < 6) {
      j += 1;
      const t = textAt(lines, j);
      if (t === undefined) continue;
      rowLines.push(t);
      figures = trailingFigures(t);
    }
    if (figures.values.length < 3 || (width && figures.values.length !== width)) break;
    width = figures.values.length;
    rows.push({ index: rm[1] ?? '', lines: rowLines, values: figures.values, page: lines[i]?.page ?? 1 });
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
    } else if ((/\d$/u.test(prev) && /^\d/u.test(f)) || /\/$/u.test(prev)) {
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

function numberedBlocks(lines: RawLine[], from: number): TableRegion | undefined {
  const first = textAt(lines, from);
  const m = first !== undefined ? BLOCK_ROW.exec(first) : null;
  if (!m || m[1] !== '1') return undefined;
  const caption = captionBefore(lines, from);
  if (!caption) return undefined;
  const starts: number[] = [from];
  for (let i = from + 1; i < lines.length; i += 1) {
    const t = textAt(lines, i);
    const rm = t !== undefined ? BLOCK_ROW.exec(t) : null;
    if (rm && Number(rm[1]) === starts.length + 1) starts.push(i);
    else if (t !== undefined && CAPTION.test(t)) break;
  }
  if (starts.length < MIN_ROWS) return undefined;
  let end = lines.length;
  for (let i = (starts[starts.length - 1] ?? from) + 1; i < lines.length; i += 1) {
    if (CAPTION.test(textAt(lines, i) ?? '')) {
      end = i;
      break;
    }
  }
  const rows: TableRow[] = [];
  let group: string | undefined;
  starts.forEach((s, k) => {
    const rowLines = lines.slice(s, starts[k + 1] ?? end);
    const row = blockRow(rowLines);
    row.page = lines[s]?.page ?? 1;
    if (row.group) group = row.group;
    else if (group) row.group = group;
    rows.push(row);
  });
  return { start: from, end, table: { kind: 'numbered-blocks', caption, rows } };
}

/** Cut one numbered block into cells (see the module comment). */
function blockRow(rowLines: RawLine[]): TableRow {
  const head = BLOCK_ROW.exec(rowLines[0]?.text ?? '');
  const index = head?.[1] ?? '';
  const body: RawLine[] = [...(head?.[2] ? [{ ...rowLines[0]!, text: head[2] }] : []), ...rowLines.slice(1)];
  let group: string | undefined;
  let k = 0;
  const shortLines: string[] = [];
  while (k < body.length && body[k]?.kind === 'text' && (body[k]?.text.length ?? 99) <= 14 && (body[k]?.text.split(/\s+/u).length ?? 9) <= 2) {
    shortLines.push(body[k]!.text);
    k += 1;
  }
  if (shortLines.length > 0 && shortLines.length <= 3 && (body[k]?.text.length ?? 0) > 25) group = shortLines.join(' ');
  else k = 0;

  // Segments: runs of lines cut at gaps, page starts and a status phrase.
  const segments: Array<{ lines: RawLine[]; pageStart: boolean; status: boolean }> = [];
  let cur: { lines: RawLine[]; pageStart: boolean; status: boolean } | undefined;
  for (let i = k; i < body.length; i += 1) {
    const l = body[i]!;
    if (l.kind !== 'text') {
      if (l.gap) cur = undefined;
      continue;
    }
    const two = `${l.text} ${body[i + 1]?.kind === 'text' ? body[i + 1]!.text : ''}`.trim();
    if (STATUS.test(l.text) || (STATUS.test(two) && body[i + 1]?.kind === 'text')) {
      const statusLines = STATUS.test(l.text) ? [l] : [l, body[i + 1]!];
      segments.push({ lines: [{ ...l, text: statusLines.map((x) => x.text).join(' ') }], pageStart: l.pageStart, status: true });
      i += statusLines.length - 1;
      cur = undefined;
      continue;
    }
    if (!cur || l.pageStart) {
      cur = { lines: [], pageStart: l.pageStart && segments.length > 0, status: false };
      segments.push(cur);
    }
    cur.lines.push(l);
  }

  // Text columns around the status cell. A segment after another on the same page is the
  // next column; a page's first segment continues the first unfinished column. With a
  // status there are two text columns: before it and after it.
  const hasStatus = segments.some((s) => s.status);
  const texts: RawLine[][] = [];
  let status: RawLine[] | undefined;
  let p = -1;
  for (const seg of segments) {
    if (seg.status) {
      status = [...(status ?? []), ...seg.lines];
      continue;
    }
    if (seg.pageStart) {
      const open = texts.findIndex((t) => !TERMINAL.test(t[t.length - 1]?.text ?? ''));
      p = open >= 0 ? open : Math.max(p, 0);
    } else {
      p = hasStatus ? Math.min(p + 1, 1) : p + 1;
      if (hasStatus && status && p < 1) p = 1;
    }
    texts[p] = [...(texts[p] ?? []), ...seg.lines];
  }
  const render = (ls: RawLine[] | undefined): string => (ls ? joinParagraphs(ls).map((x) => x.text).join('\n') : '');
  const columns = hasStatus ? [render(texts[0]), render(status), ...texts.slice(1).map(render)] : texts.map(render);
  const row: TableRow = { index, cells: columns.filter(Boolean) };
  if (group) row.group = group;
  return row;
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
