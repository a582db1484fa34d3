/**
 * Numbered blocks read back from a flattened extraction (flat-table.ts): rows of an
 * appendix opened by a line holding the row number, cut into cells at gaps, at a progress
 * status and at page breaks.
 */
import type { RawLine } from './pdf-lines.ts';
import { joinParagraphs, TERMINAL } from './paragraphs.ts';
import { CAPTION, captionBefore, MIN_ROWS, textAt, type TableRegion, type TableRow } from './table-lines.ts';

const BLOCK_ROW = /^(\d{1,3})(?:\s+(\p{Lu}.*))?$/u;
/** Progress statuses of a plan's tasks: a cell of its own in progress tables. */
const STATUS = /^(?:Đang|Đã|Chưa|Không)\s+(?:thực hiện|hoàn thành|triển khai)$|^(?:Hoàn thành|Đúng hạn|Quá hạn|Trễ hạn)$/u;

/** A numbered-block table whose first row is at `from`, under a caption, if any. */
export function numberedBlocks(lines: RawLine[], from: number): TableRegion | undefined {
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
