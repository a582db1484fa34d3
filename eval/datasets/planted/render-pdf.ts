/** Renders a planted {@link GeneratedDoc} as a one-page A4 PDF with pdfkit and DejaVu Sans. */
import PDFDocument from 'pdfkit';
import { vietnameseFontPath } from '../../../scripts/fixtures/font.ts';
import type { Block, GeneratedDoc } from './layout.ts';

const MARGIN = 56;
const WIDTH = 483;
const RIGHT_COLUMN_X = 300;

function drawBlock(doc: PDFKit.PDFDocument, block: Block, deferred: Block[]): void {
  doc.x = MARGIN;
  switch (block.kind) {
    case 'line':
      doc.font(block.bold ? 'vi-bold' : 'vi').fontSize(12)
        .text(block.text, MARGIN, doc.y, { width: WIDTH, align: block.center ? 'center' : 'left' });
      break;
    case 'columns': {
      // Both columns start on the same baseline: pdf.js then reports them as one line.
      // No width, so that pdfkit never wraps a column onto a second line.
      const y = doc.y;
      doc.font('vi-bold').fontSize(10);
      doc.text(block.left, MARGIN, y, { lineBreak: false });
      doc.text(block.right, RIGHT_COLUMN_X, y, { lineBreak: false });
      doc.y = y + 15;
      break;
    }
    case 'table': {
      doc.font('vi').fontSize(10);
      const columns = Math.max(...block.rows.map((r) => r.length));
      const cellWidth = WIDTH / columns;
      for (const row of block.rows) {
        const y = doc.y;
        let bottom = y;
        row.forEach((cell, i) => {
          doc.text(cell, MARGIN + i * cellWidth + 4, y + 3, { width: cellWidth - 8 });
          bottom = Math.max(bottom, doc.y);
        });
        doc.rect(MARGIN, y, WIDTH, bottom - y + 3).stroke();
        doc.y = bottom + 3;
      }
      break;
    }
    case 'runs':
      doc.font('vi').fontSize(12).text(block.parts.join(''), MARGIN, doc.y, { width: WIDTH });
      break;
    case 'spaced':
      doc.font('vi-bold').fontSize(12).text(block.text, MARGIN, doc.y, { characterSpacing: 4, lineBreak: false });
      doc.y += 18;
      break;
    case 'footnote':
    case 'stamp':
      deferred.push(block);
      return;
  }
  doc.moveDown(0.4);
}

function drawDeferred(doc: PDFKit.PDFDocument, block: Block): void {
  if (block.kind === 'footnote') {
    const y = doc.page.height - MARGIN - 40;
    doc.moveTo(MARGIN, y - 4).lineTo(MARGIN + 150, y - 4).stroke();
    doc.font('vi').fontSize(8).text(block.text, MARGIN, y, { width: WIDTH });
  } else if (block.kind === 'stamp') {
    doc.rect(MARGIN + WIDTH - 90, 24, 90, 24).lineWidth(1.5).stroke('#cc0000');
    doc.font('vi-bold').fontSize(13).fillColor('#cc0000').text(block.text, MARGIN + WIDTH - 90, 30, { width: 90, align: 'center' });
    doc.fillColor('black');
  }
}

/** The PDF bytes of a generated document. */
export function renderPdf(spec: GeneratedDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, info: { Title: spec.title } });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.registerFont('vi', vietnameseFontPath('regular'));
    doc.registerFont('vi-bold', vietnameseFontPath('bold'));
    doc.addPage({ size: 'A4', margin: MARGIN });
    const deferred: Block[] = [];
    for (const block of spec.blocks) drawBlock(doc, block, deferred);
    for (const block of deferred) drawDeferred(doc, block);
    doc.end();
  });
}
