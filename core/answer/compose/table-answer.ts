/**
 * Answers from appendix tables that ingestion read back into rows (chunks of kind
 * `table-row`, one row per section path `[table, "dòng N"]`). An indicator row is written
 * `STT 3: Chỉ tiêu: Số thuê bao internet; Đơn vị tính: Thuê bao; Thực hiện 2024: 1.666.283; …`:
 * the answer gives the indicator and the value of the column the question names, with the
 * column header ("Dự kiến năm 2026 - Kế hoạch: 1.892.700"), or every column when it names
 * none. A row of a table without column headers (a numbered block: `STT 4 - Kon Tum`, then
 * its cells) is given cell by cell. The row is the one the question numbers ("dòng 4",
 * "mục số 3"), else the one whose cells cover the question best.
 */
import type { Chunk, DocumentRecord } from '../../model.ts';
import { foldDiacritics } from '../../text/fold.ts';
import { quoteAround, withMark, type CitationList } from '../ground/citations.ts';
import { coverage, passageTerms, type ContentUnit } from '../retrieve/coverage.ts';
import type { MarkedChunk } from './document-header.ts';
import { noteLines } from './notes.ts';
import cues from '../../../prompts/cues/documents.vi.json' with { type: 'json' };
import { COLUMN_MISMATCH, LIST_QUOTE_MAX_CHARS, MAX_ROW_CELLS, TABLE_ROW_MIN_COVERAGE } from '../tuning.ts';

/** A table row: its chunks (one or more), its label and its cells. */
export interface TableRow {
  table: string;
  index: string;
  /** A merged first cell over the row (`Kon Tum`). */
  group?: string;
  chunks: Chunk[];
  /** `column: value` pairs of an indicator row; absent for a row without headers. */
  pairs?: Array<{ column: string; value: string; chunk: Chunk }>;
  /** Cells of a row without headers, in order. */
  cells: Array<{ text: string; chunk: Chunk }>;
  /** Coverage of the question by the row. */
  coverage: number;
}

const ROW_ASKED = /(?:dòng|dong|hàng|hang|mục|muc|stt)\s*(?:số\s*|so\s*)?(\d{1,3})\b/iu;
const ABBREVIATIONS: Readonly<Record<string, string>> = cues.tableAbbreviations;

/** A column header with its abbreviations spelt out and numbers split from letters (`ƯTH2025` → `ước thực hiện 2025`). */
export function spellColumn(column: string): string {
  return column
    .replace(/(\p{L})(\d)/gu, '$1 $2').replace(/(\d)(\p{L})/gu, '$1 $2').replace(/\//gu, ' / ')
    .split(/(\s+)/u)
    .map((w) => ABBREVIATIONS[foldDiacritics(w.toLowerCase())] ?? ABBREVIATIONS[w.toLowerCase()] ?? w)
    .join('');
}

/** The rows of a document's table-row chunks, in order. */
export function tableRows(chunks: readonly Chunk[]): TableRow[] {
  const rows = new Map<string, TableRow>();
  for (const c of chunks) {
    if ((c as MarkedChunk).kind !== 'table-row' || c.sectionPath.length < 2) continue;
    const key = c.sectionPath.join('\u0000');
    const head = c.headingTrail[c.headingTrail.length - 1] ?? '';
    const group = /^STT\s+\S+\s+-\s+(.+)$/u.exec(head)?.[1];
    let row = rows.get(key);
    if (!row) {
      row = { table: c.sectionPath[0]!, index: /(\d+)\s*$/u.exec(c.sectionPath[1]!)?.[1] ?? c.sectionPath[1]!, ...(group ? { group } : {}), chunks: [], cells: [], coverage: 0 };
      rows.set(key, row);
    }
    row.chunks.push(c);
    const indicator = /^STT\s+\S+:\s+(.*)$/su.exec(c.text.trim());
    if (indicator) {
      row.pairs = indicator[1]!.split(/;\s+/u).map((p) => {
        const at = p.lastIndexOf(': ');
        return at > 0 ? { column: p.slice(0, at).trim(), value: p.slice(at + 2).trim(), chunk: c } : { column: '', value: p.trim(), chunk: c };
      });
    } else {
      for (const line of c.text.split('\n')) {
        const text = line.trim();
        if (text && text !== head) row.cells.push({ text, chunk: c });
      }
    }
  }
  return [...rows.values()];
}

/** Whether the question names a row by its number ("dòng 4", "mục số 3"). */
export function rowNamed(question: string): boolean {
  return ROW_ASKED.test(question);
}

/**
 * The row the question asks about: the one it numbers, else the indicator row (a row with
 * column headers) that covers it best, if well enough. A row of long text cells is found by
 * its number only; otherwise its sentences answer like any passage.
 */
export function findRow(rows: readonly TableRow[], question: string, units: readonly ContentUnit[]): TableRow | undefined {
  const asked = ROW_ASKED.exec(question)?.[1];
  for (const row of rows) row.coverage = coverage(units, passageTerms([row.table, row.group ?? '', ...row.chunks.map((c) => c.text)].join('\n')));
  if (asked) {
    const named = rows.filter((r) => r.index === asked).sort((a, b) => b.coverage - a.coverage)[0];
    if (named) return named;
  }
  const best = rows.filter((r) => r.pairs).sort((a, b) => b.coverage - a.coverage)[0];
  return best && best.coverage >= TABLE_ROW_MIN_COVERAGE ? best : undefined;
}

/** Columns of an indicator row the question names: for each year it names, the best column with that year; else the best columns. */
function askedColumns(row: TableRow, units: readonly ContentUnit[], years: readonly string[]): Array<{ column: string; value: string; chunk: Chunk }> {
  const pairs = (row.pairs ?? []).slice(2);
  const label = passageTerms((row.pairs ?? []).slice(0, 2).map((p) => p.value).join(' '));
  const own = units.filter((u) => !u.alternatives.some((alt) => alt.every((t) => label.has(t))));
  // A column's words against the question's; a year the question does not name, or a
  // percentage it does not ask for, counts against the column.
  const asksPercent = units.some((u) => u.alternatives.some((a) => a.includes('phan_tram') || a.includes('ty_le')));
  const scored = pairs.map((p) => {
    const spelt = spellColumn(p.column);
    const otherYears = (spelt.match(/\b(?:19|20)\d{2}\b/gu) ?? []).filter((y) => !years.includes(y)).length;
    const percent = /%/u.test(spelt) && !asksPercent ? 1 : 0;
    return { ...p, score: coverage(own, passageTerms(spelt)) - COLUMN_MISMATCH * (otherYears + percent) };
  });
  const chosen: typeof scored = [];
  for (const year of years) {
    const best = scored.filter((p) => spellColumn(p.column).includes(year)).sort((a, b) => b.score - a.score)[0];
    if (best && !chosen.includes(best)) chosen.push(best);
  }
  if (chosen.length > 0) return chosen;
  const top = Math.max(0, ...scored.map((p) => p.score));
  return top > 0 ? scored.filter((p) => p.score === top) : pairs;
}

/** The answer lines for one row, with the notes on its cells that add to it. */
export function composeRow(doc: DocumentRecord, chunks: readonly Chunk[], row: TableRow, units: readonly ContentUnit[], years: readonly string[], citations: CitationList): string[] {
  const lines = rowLines(doc, row, units, years, citations);
  return [...lines, ...noteLines(doc, chunks, row.chunks, units, lines.join('\n'), citations)];
}

function rowLines(doc: DocumentRecord, row: TableRow, units: readonly ContentUnit[], years: readonly string[], citations: CitationList): string[] {
  const place = `${row.table}, dòng ${row.index}${row.group ? ` (${row.group})` : ''}`;
  if (row.pairs) {
    const chunk = row.chunks[0]!;
    const n = citations.cite(chunk, doc, quoteAround(chunk.text, [], LIST_QUOTE_MAX_CHARS));
    const name = row.pairs.slice(0, 2).map((p) => p.value).filter(Boolean);
    const lines = [withMark(`${place}: ${name[0] ?? ''}${name[1] ? ` (${name[1]})` : ''}`, n)];
    for (const p of askedColumns(row, units, years)) lines.push(withMark(`- ${p.column}: ${p.value}`, n));
    return lines;
  }
  const cells = row.cells.slice(0, MAX_ROW_CELLS);
  const spans = new Map<Chunk, Array<{ start: number; end: number }>>();
  for (const cell of cells) {
    const at = cell.chunk.text.indexOf(cell.text);
    spans.set(cell.chunk, [...(spans.get(cell.chunk) ?? []), { start: Math.max(0, at), end: Math.max(0, at) + cell.text.length }]);
  }
  const numbers = new Map<Chunk, number>();
  for (const [chunk, s] of spans) numbers.set(chunk, citations.cite(chunk, doc, quoteAround(chunk.text, s, LIST_QUOTE_MAX_CHARS)));
  return [`${place}:`, ...cells.map((c) => withMark(`- ${c.text.replace(/^[-–+•]\s*/u, '')}`, numbers.get(c.chunk)!))];
}
