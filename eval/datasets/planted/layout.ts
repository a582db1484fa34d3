/**
 * The layout model of the planted DOCX and PDF documents: just enough structure to put a
 * secrecy stamp or a planted passage where real documents have them (a two-column header
 * row, a table row, a footnote, a stamp added by a stamping tool, a Word page header).
 */

/** One block of a generated document, rendered top to bottom. */
export type Block =
  /** A paragraph. */
  | { kind: 'line'; text: string; bold?: boolean; center?: boolean }
  /**
   * One row of the two-column header (agency left, Quốc hiệu or stamp right). PDF: both
   * columns on the same baseline, so text extraction yields one line. DOCX: one paragraph,
   * the right column after a right-aligned tab stop.
   */
  | { kind: 'columns'; left: string; right: string }
  /** A table; the first row is the header. DOCX: a real table; PDF: cells on a grid. */
  | { kind: 'table'; rows: readonly (readonly string[])[] }
  /** One paragraph whose text is split into differently formatted runs, as Word saves edits. */
  | { kind: 'runs'; parts: readonly string[] }
  /** Letter-spaced text (PDF character spacing; DOCX w:spacing). */
  | { kind: 'spaced'; text: string }
  /** Small text at the foot of the page (PDF only). */
  | { kind: 'footnote'; text: string }
  /**
   * A boxed stamp in the top-right corner, drawn after everything else the way a stamping
   * tool adds it to a finished PDF (PDF only): it comes last in the content stream.
   */
  | { kind: 'stamp'; text: string };

/** A generated document: its file name (under the planted document root) and content. */
export interface GeneratedDoc {
  file: string;
  title: string;
  blocks: readonly Block[];
  /** DOCX only: text of the Word page header (word/header1.xml), repeated on every page. */
  pageHeader?: string;
}

/** The plain text of a block, as the case manifest quotes it (layout aside). */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'columns':
      return `${block.left}\n${block.right}`;
    case 'table':
      return block.rows.map((r) => r.join('\n')).join('\n');
    case 'runs':
      return block.parts.join('');
    default:
      return block.text;
  }
}

/** All the text a generated document carries, one block per line (page header first). */
export function docText(doc: GeneratedDoc): string {
  return [doc.pageHeader ?? '', ...doc.blocks.map(blockText)].join('\n');
}
