/**
 * Page and type layout of a draft per Decree 30/2020/NĐ-CP, Phụ lục I. Sizes, margins and
 * the font come from prompts/drafting/nd30-rules.json (the `default` of each range), so the
 * writer and the checker share one copy; only what the decree leaves open (column widths,
 * the DỰ THẢO box, the sources list) is decided here. Font sizes in points, lengths in mm.
 */
import { ND30_RULES } from '../../core/drafting/rules.ts';

/** Twentieths of a point per millimetre (1 in = 25.4 mm = 1440 twips). */
const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips, rounded to the nearest twip (20 mm → 1134, 30 mm → 1701, 15 mm → 850). */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Points to the half-points Word stores font sizes in (w:sz). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Points to twips (spacing before/after is stored in twips). */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

const { page, font, elements: el } = ND30_RULES;
const margins = page.marginsMm;

export const LAYOUT = {
  font: font.family,
  /** A4 portrait in twips: 210 × 297 mm → 11906 × 16838. */
  page: { widthTwips: mmToTwips(page.widthMm), heightTwips: mmToTwips(page.heightMm) },
  marginMm: {
    top: margins.top.default,
    bottom: margins.bottom.default,
    left: margins.left.default,
    right: margins.right.default,
  },
  size: {
    /** Not a decree element: as large as the body so it cannot be missed. */
    draftMark: el.body.sizePt.default,
    superiorBody: el.superiorBody.sizePt.default,
    issuingBody: el.issuingBody.sizePt.default,
    number: el.number.sizePt.default,
    subjectCongVan: el.subjectCongVan.sizePt.default,
    nationalTitle: el.quocHieu.sizePt.default,
    /** The quốc hiệu falls back to this when the default would wrap in the header's right column. */
    nationalTitleMin: Math.min(...el.quocHieu.sizePt.range),
    motto: el.tieuNgu.sizePt.default,
    placeDate: el.placeDate.sizePt.default,
    typeName: el.typeName.sizePt.default,
    subject: el.subject.sizePt.default,
    salutation: el.salutation.sizePt.default,
    body: el.body.sizePt.default,
    /** Not a decree element: the sources list is small, like the nơi nhận list. */
    citations: el.recipientsList.sizePt.default,
    recipientsLabel: el.recipientsLabel.sizePt.default,
    recipients: el.recipientsList.sizePt.default,
    signature: el.signerTitle.sizePt.default,
  },
  firstLineIndentMm: el.body.firstLineIndentCm.default * 10,
  paragraphAfterPt: el.body.spaceBetweenParagraphsPt.default,
  /** Line spacing of the body, in lines (1 = single). */
  bodyLineSpacing: el.body.lineSpacing.default,
  /** Length of the rule under the issuing body and the trích yếu, as a share of the text's length. */
  shortRuleRatio: (Math.min(...el.issuingBody.underline.ratio) + Math.max(...el.issuingBody.underline.ratio)) / 2,
  /** Column widths of the header (left: bodies and số) and the bottom (left: nơi nhận) tables. */
  headerLeftColumnMm: 62,
  footerLeftColumnMm: 75,
  /** Empty lines left for the signature and seal between the title and the signer's name. */
  signatureGapLines: 4,
} as const;

/**
 * Rough advance width of `text` set in Times New Roman, in points. Used to size the short
 * rules drawn under the issuing body and the motto (a paragraph's bottom border spans the
 * paragraph, so its indents set the rule's length) and to check the quốc hiệu fits its
 * column. Diacritics are ignored; capitals use the bold face's widths per letter class,
 * lower case an average, about 5 % wider in bold.
 */
export function estimateTextWidthPt(text: string, sizePt: number, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')) {
    if (ch === ' ') em += 0.25;
    else if ('-.,:;'.includes(ch)) em += 0.3;
    else if (ch === 'I') em += 0.39;
    else if (ch === 'J') em += 0.5;
    else if (ch === 'M') em += 0.944;
    else if (ch === 'W') em += 1;
    else if ('GHOQK'.includes(ch)) em += 0.778;
    else if ('BEFLPSTZ'.includes(ch)) em += 0.667;
    else if (/[A-Z]/.test(ch)) em += 0.722;
    else if ('ijlt'.includes(ch)) em += 0.3 * (bold ? 1.05 : 1);
    else if ('fr'.includes(ch)) em += 0.37 * (bold ? 1.05 : 1);
    else if ('mw'.includes(ch)) em += 0.76 * (bold ? 1.05 : 1);
    else em += 0.51 * (bold ? 1.05 : 1);
  }
  return em * sizePt;
}
