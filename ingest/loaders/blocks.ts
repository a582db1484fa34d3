/**
 * The text of word-processor documents (DOCX, ODT) laid out from their blocks the way the
 * PDF text of the same document reads: one line per paragraph, a line break inside a
 * paragraph or a table cell is a line of its own, every table cell starts a new line, and
 * paragraphs are separated by a blank line. A two-column header table
 * (`ỦY BAN NHÂN DÂN⏎TỈNH QUẢNG NGÃI | CỘNG HÒA …`, `Số: 1287/QĐ-UBND | Quảng Ngãi, ngày …`)
 * thus comes out as header lines the metadata parser reads, never glued together.
 */
import { normalizeText } from '../../core/text/normalize.ts';

/** A paragraph (its lines) or a table (rows of cells of lines). */
export type Block =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'table'; rows: string[][][] };

/** A tab between two pieces of text this long separates columns; a shorter one is a space. */
const COLUMN_TAB_MIN_CHARS = 8;

/**
 * Splits a paragraph's raw text (with `\n` for line breaks and `\t` for tabs) into lines:
 * a tab between two long pieces (`Số: 12/QĐ-UBND⇥⇥Quảng Ngãi, ngày …`) separates columns;
 * a tab after a short marker (`a)⇥Nội dung`) is a space.
 */
export function paragraphLines(raw: string): string[] {
  const out: string[] = [];
  for (const line of raw.split('\n')) {
    const pieces = line.split(/\t+/);
    let current = pieces[0] ?? '';
    for (const piece of pieces.slice(1)) {
      if (current.trim().length >= COLUMN_TAB_MIN_CHARS && piece.trim().length >= COLUMN_TAB_MIN_CHARS) {
        out.push(current);
        current = piece;
      } else {
        current = `${current} ${piece}`;
      }
    }
    out.push(current);
  }
  return out.map((l) => l.replace(/[ \u00A0]+/g, ' ').trim()).filter((l) => l !== '');
}

/** Lays blocks out as text (see the module comment); the result is normalised. */
export function layoutBlocks(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      if (b.lines.length) parts.push(b.lines.join('\n'));
      continue;
    }
    const lines = b.rows.flatMap((row) => row.flat());
    if (lines.length) parts.push(lines.join('\n'));
  }
  return normalizeText(parts.join('\n\n')).replace(/\n{3,}/g, '\n\n').trim();
}
