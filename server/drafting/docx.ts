/**
 * Writes a {@link Draft} as a .docx laid out per Decree 30/2020/NĐ-CP, Phụ lục I: A4
 * portrait, Times New Roman, the header and the signature area as borderless two-column
 * tables, a "DỰ THẢO" box above the header. The result is a plain editable document (text,
 * tables and paragraph borders only, no images or drawn shapes) for the official to finish.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Draft, DraftParagraph } from '../../core/drafting/model.ts';
import { ND30_RULES } from '../../core/drafting/rules.ts';
import { LAYOUT, estimateTextWidthPt, mmToTwips, ptToHalfPoints, ptToTwips } from './layout.ts';

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

interface LineStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
  align?: Align;
  /** Space after, in points. */
  afterPt?: number;
  beforePt?: number;
  leftMm?: number;
}

/** Cell padding Word uses by default (0.19 cm); set explicitly so every reader agrees. */
const CELL_PADDING_TWIPS = 108;
const SOLID = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;

const upper = (s: string): string => s.toLocaleUpperCase('vi');

function run(text: string, style: LineStyle): TextRun {
  return new TextRun({
    text,
    font: LAYOUT.font,
    size: ptToHalfPoints(style.size),
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
  });
}

function line(text: string, style: LineStyle): Paragraph {
  return new Paragraph({
    alignment: style.align ?? AlignmentType.CENTER,
    spacing: { before: ptToTwips(style.beforePt ?? 0), after: ptToTwips(style.afterPt ?? 0) },
    ...(style.leftMm ? { indent: { left: mmToTwips(style.leftMm) } } : {}),
    children: [run(text, style)],
  });
}

/**
 * A centred solid rule `lengthTwips` long, drawn as the bottom border of an empty, very
 * short paragraph whose indents narrow it to that length within `availableTwips`.
 */
function rule(lengthTwips: number, availableTwips: number): Paragraph {
  const length = Math.min(lengthTwips, availableTwips);
  const side = Math.max(0, Math.floor((availableTwips - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: SOLID },
    children: [],
  });
}

function cell(widthTwips: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: widthTwips, type: WidthType.DXA }, children });
}

function borderlessTable(widths: [number, number], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: CELL_PADDING_TWIPS, right: CELL_PADDING_TWIPS, top: 0, bottom: 0 },
    rows: rows.map((cells) => new TableRow({ children: cells.map((c, i) => cell(widths[i] ?? 0, c)) })),
  });
}

function textWidthTwips(): number {
  const { page, marginMm } = LAYOUT;
  return page.widthTwips - mmToTwips(marginMm.left) - mmToTwips(marginMm.right);
}

function draftMark(): Paragraph {
  const { size } = LAYOUT;
  const box = ptToTwips(estimateTextWidthPt('DỰ THẢO', size.draftMark, true) + 24);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: 0, right: Math.max(0, textWidthTwips() - box) },
    spacing: { after: ptToTwips(6) },
    border: { top: SOLID, bottom: SOLID, left: SOLID, right: SOLID },
    children: [run('DỰ THẢO', { size: size.draftMark, bold: true })],
  });
}

const NATIONAL_TITLE = ND30_RULES.elements.quocHieu.text;

/** The rules' default size for the quốc hiệu, or the range's lower bound where the default would wrap. */
function nationalTitleSize(availableTwips: number): number {
  const { nationalTitle, nationalTitleMin } = LAYOUT.size;
  return ptToTwips(estimateTextWidthPt(NATIONAL_TITLE, nationalTitle, true)) <= availableTwips ? nationalTitle : nationalTitleMin;
}

function header(draft: Draft): Table {
  const { size } = LAYOUT;
  const total = textWidthTwips();
  const left = mmToTwips(LAYOUT.headerLeftColumnMm);
  const widths: [number, number] = [left, total - left];
  const leftInner = widths[0] - 2 * CELL_PADDING_TWIPS;
  const rightInner = widths[1] - 2 * CELL_PADDING_TWIPS;
  const { fields } = draft;

  const issuing = upper(fields.issuingBody);
  const issuingWidth = Math.min(ptToTwips(estimateTextWidthPt(issuing, size.issuingBody, true)), leftInner);
  const bodies = [
    ...(fields.superiorBody ? [line(upper(fields.superiorBody), { size: size.superiorBody })] : []),
    line(issuing, { size: size.issuingBody, bold: true }),
    rule(Math.max(mmToTwips(15), Math.round(issuingWidth * LAYOUT.shortRuleRatio)), leftInner),
  ];
  const motto = ND30_RULES.elements.tieuNgu.text;
  const nation = [
    line(NATIONAL_TITLE, { size: nationalTitleSize(rightInner), bold: true }),
    line(motto, { size: size.motto, bold: true }),
    rule(ptToTwips(estimateTextWidthPt(motto, size.motto, true)), rightInner),
  ];
  const number = [line(`Số: ${draft.numberLine}`, { size: size.number, beforePt: 6 })];
  if (!draft.typeName && draft.subjectLine) {
    number.push(line(draft.subjectLine, { size: size.subjectCongVan, afterPt: 6 }));
  }
  const date = [line(draft.placeDateLine, { size: size.placeDate, italics: true, beforePt: 6 })];
  return borderlessTable(widths, [[bodies, nation], [number, date]]);
}

/** Type name and trích yếu of every type but the công văn (whose V/v sits under the số). */
function title(draft: Draft): Paragraph[] {
  if (!draft.typeName) return [];
  const { size } = LAYOUT;
  const out = [line(upper(draft.typeName), { size: size.typeName, bold: true, beforePt: 18 })];
  if (draft.subjectLine) {
    out.push(line(draft.subjectLine, { size: size.subject, bold: true }));
    const width = ptToTwips(estimateTextWidthPt(draft.subjectLine, size.subject, true));
    out.push(rule(Math.max(mmToTwips(20), Math.round(Math.min(width, textWidthTwips()) * LAYOUT.shortRuleRatio)), textWidthTwips()));
  }
  return out;
}

function salutation(draft: Draft): Paragraph[] {
  const { size } = LAYOUT;
  const lines = draft.salutation;
  if (lines.length === 0) return [];
  if (lines.length === 1) return [line(lines[0] ?? '', { size: size.salutation, beforePt: 12, afterPt: 6 })];
  // "Kính gửi:" then one recipient per line, the list aligned under the recipients' column.
  return lines.map((text, i) =>
    line(text, {
      size: size.salutation,
      align: AlignmentType.LEFT,
      leftMm: i === 0 ? 25 : 45,
      beforePt: i === 0 ? 12 : 0,
      afterPt: i === lines.length - 1 ? 6 : 0,
    }),
  );
}

/** The paragraph's text with a [n] marker for each of its citations the text does not already carry. */
export function withCitationMarkers(p: DraftParagraph): string {
  const missing = (p.citations ?? []).filter((n) => !p.text.includes(`[${n}]`));
  return missing.length === 0 ? p.text : `${p.text} ${missing.map((n) => `[${n}]`).join('')}`;
}

/** "Điều 1." of a quyết định: the word Điều, its number and title are bold (Phụ lục I, mục II.6). */
const ARTICLE = /^Điều \d+\.\s*/;

function bodyParagraph(p: DraftParagraph, first: boolean): Paragraph {
  const style = { size: LAYOUT.size.body, bold: p.level === 1 || p.level === 2, italics: p.placeholder === true };
  const text = withCitationMarkers(p);
  const article = style.bold ? undefined : ARTICLE.exec(text)?.[0];
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwips(LAYOUT.firstLineIndentMm) },
    spacing: {
      before: first ? ptToTwips(12) : 0,
      after: ptToTwips(LAYOUT.paragraphAfterPt),
      line: Math.round(240 * LAYOUT.bodyLineSpacing),
      lineRule: LineRuleType.AUTO,
    },
    children: article
      ? [run(article, { ...style, bold: true }), run(text.slice(article.length), style)]
      : [run(text, style)],
  });
}

function citationList(draft: Draft): Paragraph[] {
  if (draft.citations.length === 0) return [];
  const style = { size: LAYOUT.size.citations, italics: true, align: AlignmentType.LEFT } as const;
  return [
    line('Nguồn trích dẫn (xóa trước khi ban hành):', { ...style, beforePt: 6 }),
    ...draft.citations.map((c) => line(`[${c.n}] ${c.label ?? c.title}${c.section ? ` — ${c.section}` : ''}`, style)),
  ];
}

function footer(draft: Draft): Table {
  const { size } = LAYOUT;
  const total = textWidthTwips();
  const left = mmToTwips(LAYOUT.footerLeftColumnMm);
  const leftAligned = { align: AlignmentType.LEFT } as const;
  const recipients = [
    line('Nơi nhận:', { ...leftAligned, size: size.recipientsLabel, bold: true, italics: true }),
    ...draft.recipientsBlock.map((r) => line(r.trimStart().startsWith('-') ? r : `- ${r}`, { ...leftAligned, size: size.recipients })),
  ];
  const sig = { size: size.signature, bold: true };
  const { authority, title: signerTitle, name } = draft.signature;
  const signature = [
    ...(authority ? [line(upper(authority), sig)] : []),
    line(upper(signerTitle), sig),
    ...Array.from({ length: LAYOUT.signatureGapLines }, () => line('', sig)),
    line(name, sig),
  ];
  return borderlessTable([left, total - left], [[recipients, signature]]);
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: LAYOUT.font, size: ptToHalfPoints(LAYOUT.size.body) })],
      }),
    ],
  });
}

/** Lays out `draft` per Decree 30/2020/NĐ-CP and returns the .docx bytes. */
export async function draftToDocx(draft: Draft): Promise<Buffer> {
  const { marginMm, page } = LAYOUT;
  const doc = new Document({
    creator: 'Trợ lý ảo',
    title: `DỰ THẢO ${draft.typeName || draft.fields.type}: ${draft.subjectLine}`,
    styles: {
      default: { document: { run: { font: LAYOUT.font, size: ptToHalfPoints(LAYOUT.size.body) } } },
    },
    sections: [
      {
        properties: {
          // Page numbers from page 2, centred at the top (Phụ lục I, mục II.11).
          titlePage: true,
          page: {
            size: { width: page.widthTwips, height: page.heightTwips, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mmToTwips(marginMm.top),
              bottom: mmToTwips(marginMm.bottom),
              left: mmToTwips(marginMm.left),
              right: mmToTwips(marginMm.right),
            },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: [
          draftMark(),
          header(draft),
          ...title(draft),
          ...salutation(draft),
          ...draft.body.map((p, i) => bodyParagraph(p, i === 0)),
          ...citationList(draft),
          new Paragraph({ children: [] }),
          footer(draft),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
