/**
 * OpenDocument spreadsheets (.ods): `content.xml` read directly — repeated rows and columns
 * expanded (within the cell limit; trailing empty repeats are padding), spanned cells
 * recorded as merged ranges. No converter needed.
 */
import { parseXml } from '../docx-xml.ts';
import type { MergedRange, SheetGrid } from './grid.ts';

type XmlNode = ReturnType<typeof parseXml>;
const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';

const kids = (n: XmlNode): XmlNode[] => Array.from(n.childNodes ?? []);
const num = (n: XmlNode, name: string): number => Math.max(1, Number(n.getAttributeNS?.(TABLE_NS, name) ?? 1) || 1);

function cellText(cell: XmlNode): string {
  const lines: string[] = [];
  const textOf = (n: XmlNode): string => {
    if (n.nodeType === 3) return n.nodeValue ?? '';
    if (n.localName === 'line-break') return '\n';
    if (n.localName === 's') return ' ';
    if (n.localName === 'annotation') return '';
    return kids(n).map(textOf).join('');
  };
  for (const c of kids(cell)) if (c.localName === 'p') lines.push(textOf(c));
  return lines.join('\n');
}

function rowsOf(table: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of kids(table)) {
    if (c.localName === 'table-row') out.push(c);
    else if (c.localName === 'table-header-rows' || c.localName === 'table-rows' || c.localName === 'table-row-group') out.push(...rowsOf(c));
  }
  return out;
}

/** The sheets of an .ods `content.xml`. Throws RangeError past `maxCells`. */
export function odsGrids(contentXml: string, maxCells: number): SheetGrid[] {
  const grids: SheetGrid[] = [];
  let cells = 0;
  const walk = (n: XmlNode): void => {
    if (n.localName !== 'table') {
      for (const c of kids(n)) walk(c);
      return;
    }
    const rows: string[][] = [];
    const merges: MergedRange[] = [];
    for (const row of rowsOf(n)) {
      const values: string[] = [];
      const spans: Array<{ col: number; cols: number; rows: number }> = [];
      for (const cell of kids(row)) {
        if (cell.localName !== 'table-cell' && cell.localName !== 'covered-table-cell') continue;
        const repeat = num(cell, 'number-columns-repeated');
        const text = cell.localName === 'table-cell' ? cellText(cell) : '';
        if (!text) {
          values.length += repeat;
          continue;
        }
        for (let i = 0; i < repeat; i++) {
          if (++cells > maxCells) throw new RangeError(`more than ${maxCells} cells`);
          const cols = num(cell, 'number-columns-spanned');
          const rs = num(cell, 'number-rows-spanned');
          if (cols > 1 || rs > 1) spans.push({ col: values.length, cols, rows: rs });
          values.push(text);
        }
      }
      const filled = Array.from(values, (v) => v ?? '');
      while (filled.length && !filled[filled.length - 1]) filled.pop();
      const repeatRows = filled.length ? Math.min(num(row, 'number-rows-repeated'), maxCells) : 1;
      for (let r = 0; r < repeatRows; r++) {
        const top = rows.length;
        for (const s of spans) merges.push({ top, left: s.col, bottom: top + s.rows - 1, right: s.col + s.cols - 1 });
        rows.push(filled);
      }
    }
    while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
    grids.push({ name: n.getAttributeNS?.(TABLE_NS, 'name') ?? `Trang tính ${grids.length + 1}`, rows, merges });
  };
  walk(parseXml(contentXml));
  return grids;
}
