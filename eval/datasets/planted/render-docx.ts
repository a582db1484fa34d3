/** Renders a planted {@link GeneratedDoc} as a Word document with the `docx` package. */
import {
  AlignmentType, Document, Header, Packer, Paragraph, Tab, TabStopType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Block, GeneratedDoc } from './layout.ts';

/** Right edge of the text area of an A4 page with default margins, in twips. */
const RIGHT_TAB = 9000;

function blockToDocx(block: Block): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'line':
      return [new Paragraph({
        ...(block.center ? { alignment: AlignmentType.CENTER } : {}),
        children: [new TextRun({ text: block.text, bold: block.bold ?? false })],
      })];
    case 'columns':
      return [new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: RIGHT_TAB }],
        children: [new TextRun({ text: block.left, bold: true }), new TextRun({ children: [new Tab(), block.right], bold: true })],
      })];
    case 'table':
      return [new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: block.rows.map((row, i) => new TableRow({
          children: row.map((cell) => new TableCell({
            children: cell.split('\n').map((text) => new Paragraph({ children: [new TextRun({ text, bold: i === 0 })] })),
          })),
        })),
      })];
    case 'runs':
      // Alternate formatting so Word would keep the runs apart, as it does after edits.
      return [new Paragraph({ children: block.parts.map((text, i) => new TextRun({ text, bold: i % 2 === 1, color: i % 2 === 1 ? 'CC0000' : '000000' })) })];
    case 'spaced':
      return [new Paragraph({ children: [new TextRun({ text: block.text, bold: true, characterSpacing: 120 })] })];
    case 'footnote':
    case 'stamp':
      throw new Error(`block kind "${block.kind}" exists only in PDFs`);
  }
}

/** The DOCX bytes of a generated document. */
export function renderDocx(spec: GeneratedDoc): Promise<Buffer> {
  const doc = new Document({
    creator: 'make-planted',
    title: spec.title,
    sections: [{
      ...(spec.pageHeader
        ? { headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: spec.pageHeader, bold: true, color: 'CC0000' })] })] }) } }
        : {}),
      children: spec.blocks.flatMap(blockToDocx),
    }],
  });
  return Packer.toBuffer(doc);
}
