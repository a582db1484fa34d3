/**
 * Cleans text extracted from PDFs of Vietnamese official documents: drops page numbers and
 * running headers, moves footnote bodies out of the flow, rejoins hard-wrapped lines into
 * paragraphs (one paragraph per output line), reads flattened tables back into rows (one
 * row a paragraph block, flat-table.ts) and unglues footnote markers ("21/11/20251").
 */
import { findRunningLines, isPageNumberLine, readPdfLines, runningKey, type RawLine } from './pdf-lines.ts';
import { separateMarkers, type FootnoteMarker } from './footnote-markers.ts';
import { joinParagraphs, TERMINAL, wrapWidth, type Paragraph } from './paragraphs.ts';
import { findTables, renderRow, type FlatTable, type TableRow } from './flat-table.ts';

export type { FootnoteMarker } from './footnote-markers.ts';

/** One footnote body moved out of the text: `1` → `Về hướng dẫn xây dựng Kế hoạch …`. */
export interface Footnote {
  marker: string;
  text: string;
}

/** Where a page's paragraphs lie in the cleaned text. */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

export interface CleanedText {
  /** Paragraphs separated by `\n`; headings and list items each on their own line. */
  text: string;
  footnotes: Footnote[];
  /** Footnote markers removed from (or superscripted in) the text, with their offsets. */
  markers: FootnoteMarker[];
  /** Present when page boundaries were given or could be detected. */
  pages?: PageSpan[];
  /** Flattened tables read back into rows; each row's lines lie at [start, end) of `text`. */
  tables: CleanedTable[];
}

/** A table of the cleaned text: its rows and where each was written. */
export interface CleanedTable extends Omit<FlatTable, 'rows'> {
  rows: Array<TableRow & { start: number; end: number }>;
}

export interface CleanOptions {
  /** Page texts when the loader knows them (`text` is then ignored for layout). */
  pages?: string[];
  /** `drop` (default) removes markers from the text; `superscript` writes `¹`. */
  markerStyle?: 'drop' | 'superscript';
}


/** Clean PDF-extracted text; see the module comment. Pure and deterministic. */
export function cleanExtractedText(text: string, opts: CleanOptions = {}): CleanedText {
  const { lines, pagesKnown } = readPdfLines(text, opts.pages);
  const running = findRunningLines(lines);
  const { body, footnotes } = splitFootnotes(lines);
  const regions = findTables(body);
  const width = wrapWidth(body.filter((l, i) => l.kind === 'text' && !regions.some((r) => i >= r.start && i < r.end)).map((l) => l.text));

  // Paragraphs outside tables; each table row a run of paragraphs of its own.
  const paragraphs: Array<Paragraph | { text: string; page: number; row: { table: number; row: number } }> = [];
  let at = 0;
  regions.forEach((region, t) => {
    paragraphs.push(...joinParagraphs(dropNoise(body.slice(at, region.start), running), { width }));
    region.table.rows.forEach((row, r) => {
      for (const line of renderRow(region.table, row)) paragraphs.push({ text: line, page: row.page ?? 1, row: { table: t, row: r } });
    });
    at = region.end;
  });
  paragraphs.push(...joinParagraphs(dropNoise(body.slice(at), running), { width }));

  let joined = '';
  const paraStarts: Array<{ offset: number; page: number }> = [];
  const rowSpans = new Map<string, { start: number; end: number }>();
  for (const p of paragraphs) {
    if (joined) joined += '\n';
    paraStarts.push({ offset: joined.length, page: p.page });
    const start = joined.length;
    joined += p.text;
    if ('row' in p) {
      const key = `${p.row.table}:${p.row.row}`;
      const span = rowSpans.get(key);
      rowSpans.set(key, { start: span?.start ?? start, end: joined.length });
    }
  }
  const markerNumbers = footnotes.map((f) => f.marker);
  const { text: out, markers, mapOffset } = separateMarkers(joined, markerNumbers, opts.markerStyle ?? 'drop');
  const tables: CleanedTable[] = regions.map((region, t) => ({
    ...region.table,
    rows: region.table.rows.map((row, r) => {
      const span = rowSpans.get(`${t}:${r}`) ?? { start: 0, end: 0 };
      return { ...row, start: mapOffset(span.start), end: mapOffset(span.end) };
    }),
  }));
  const result: CleanedText = { text: out, footnotes, markers, tables };
  if (pagesKnown && paraStarts.length > 0) result.pages = pageSpans(paraStarts.map((p) => ({ offset: mapOffset(p.offset), page: p.page })), out.length);
  return result;
}

function pageSpans(starts: Array<{ offset: number; page: number }>, length: number): PageSpan[] {
  const spans: PageSpan[] = [];
  for (const s of starts) {
    const last = spans[spans.length - 1];
    if (last && last.page === s.page) continue;
    if (last) last.end = Math.max(last.start, s.offset - 1);
    spans.push({ page: s.page, start: s.offset, end: length });
  }
  return spans;
}

/**
 * Footnote bodies follow the rule line and run to the end of the page. A numbered line there
 * opens a footnote; an unnumbered one continues the previous (footnotes span pages too).
 * Where normalisation turned the rule into a gap (pdf-lines.ts), the gap opens the notes
 * only when what follows is certainly a footnote: the next footnote number whose marker is
 * glued into the body above, or the lower-case continuation of an unfinished footnote.
 */
function splitFootnotes(lines: RawLine[]): { body: RawLine[]; footnotes: Footnote[] } {
  const body: RawLine[] = [];
  const footnotes: Footnote[] = [];
  let inNotes = false;
  let notesPage = 0;
  let bodyText = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (inNotes && line.page !== notesPage) inNotes = false;
    if (!inNotes && (line.kind === 'rule' || (line.gap && opensNotes(lines, i, footnotes, bodyText)))) {
      inNotes = true;
      notesPage = line.page;
      continue;
    }
    if (line.kind === 'rule') continue;
    if (!inNotes) {
      body.push(line);
      if (line.kind === 'text') bodyText += `${line.text}\n`;
      continue;
    }
    if (line.kind !== 'text') continue;
    const last = footnotes[footnotes.length - 1];
    const m = /^(\d{1,2})\s+(\S.*)$/u.exec(line.text);
    const n = m ? Number(m[1]) : NaN;
    if (m && (!last || n === Number(last.marker) + 1)) {
      footnotes.push({ marker: String(n), text: m[2] ?? '' });
    } else if (last) {
      last.text = joinTwo(last.text, line.text);
    } else {
      body.push(line);
    }
  }
  return { body, footnotes };
}

/** Whether the gap at `i` stands for a footnote rule (see splitFootnotes). */
function opensNotes(lines: RawLine[], i: number, footnotes: Footnote[], bodyText: string): boolean {
  const next = lines.slice(i + 1).find((l) => l.kind === 'text');
  if (!next || next.page !== lines[i]?.page) return false;
  const last = footnotes[footnotes.length - 1];
  const expected = last ? Number(last.marker) + 1 : 1;
  const m = /^(\d{1,2})\s+\S/u.exec(next.text);
  if (m && Number(m[1]) === expected) return hasGluedMarker(bodyText, String(expected));
  return last !== undefined && !TERMINAL.test(last.text) && /^\p{Ll}/u.test(next.text) && lines[i - 1]?.page === next.page;
}

/** `n` glued to a date's year (`21/11/20251`) or to a word (`văn bản2`) somewhere in `text`. */
function hasGluedMarker(text: string, n: string): boolean {
  return new RegExp(`\\d{1,2}/\\d{1,2}/(?:19|20)\\d{2}${n}(?!\\d)|[\\p{L})”"]${n}(?=[\\s,.;:)”]|$)`, 'mu').test(text);
}

function joinTwo(a: string, b: string): string {
  return /[\p{L}\d][-/]$/u.test(a) && /^[\p{L}\d]/u.test(b) ? a + b : `${a} ${b}`;
}

/** Page numbers, running headers/footers, and link annotations repeating a URL in the text. */
function dropNoise(lines: RawLine[], running: Set<string>): RawLine[] {
  const all = lines.filter((l) => l.kind === 'text').map((l) => l.text).join('\n');
  return lines.filter((l) => {
    if (l.kind !== 'text') return true;
    if (isPageNumberLine(l.text)) return false;
    if (running.size > 0 && running.has(runningKey(l.text))) return false;
    if (/^https?:\/\/\S+$/.test(l.text) && all.indexOf(l.text) !== all.lastIndexOf(l.text)) return false;
    return true;
  });
}

