/** CSV (RFC 4180, comma, semicolon or tab separated, any encoding the text loader reads) to a grid. */
import { decodeText } from '../text.ts';
import type { SheetGrid } from './grid.ts';

/** The separator the header line (the first non-empty line) uses most. */
function sniffDelimiter(text: string): string {
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = first.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Parses CSV text into rows of fields (quotes, doubled quotes and line breaks in quotes). */
export function parseCsv(text: string, delimiter = sniffDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV file as one sheet named after the file. */
export function csvGrid(bytes: Buffer, name: string): SheetGrid {
  return { name, rows: parseCsv(decodeText(bytes).text.replace(/^\uFEFF/, '')), merges: [] };
}
