/**
 * Document metadata from the text of a Vietnamese official document (Decree 30/2020/NĐ-CP
 * layout): type heading, số ký hiệu, place-date line, issuer header, trích yếu (title), its
 * date of effect, and what it does to other texts (relations/). Only the document's own header is trusted for number and date; dates
 * quoted in the body are never taken for the issue date.
 */
import type { DocumentMeta, DocumentType } from '../model.ts';
import { findDocumentNumbers, typeFromNumber } from './document-numbers.ts';
import { issuerFromHeader, issuerFromNumber } from './issuers.ts';
import { isAllCaps } from './markers.ts';
import { extractRelations, ownEffectiveDate } from './relations/extract-relations.ts';
import { detectSecrecyMarking } from './secrecy.ts';
import { findPlaceDate } from './vietnamese-date.ts';

export { findDocumentNumbers, type DocumentNumberRef } from './document-numbers.ts';
export { parseVietnameseDate } from './vietnamese-date.ts';
export { detectSecrecyMarking, type SecrecyLevel } from './secrecy.ts';

/** Type headings, longest first so `BỘ LUẬT` wins over `LUẬT`. */
const TYPE_HEADINGS: Array<[string, DocumentType]> = ([
  ['BÁO CÁO', 'báo cáo'], ['THÔNG BÁO', 'thông báo'], ['KẾ HOẠCH', 'kế hoạch'], ['QUYẾT ĐỊNH', 'quyết định'],
  ['NGHỊ QUYẾT', 'nghị quyết'], ['NGHỊ ĐỊNH', 'nghị định'], ['THÔNG TƯ LIÊN TỊCH', 'thông tư'], ['THÔNG TƯ', 'thông tư'],
  ['CHỈ THỊ', 'chỉ thị'], ['TỜ TRÌNH', 'tờ trình'], ['CÔNG VĂN', 'công văn'], ['CHƯƠNG TRÌNH', 'chương trình'],
  ['HƯỚNG DẪN', 'hướng dẫn'], ['PHỤ LỤC', 'phụ lục'], ['BỘ LUẬT', 'bộ luật'], ['LUẬT', 'luật'],
] as Array<[string, DocumentType]>).sort((a, b) => b[0].length - a[0].length);

/** How many leading lines form the header area where number, date and type are sought. */
const HEADER_LINES = 20;

/**
 * Extract metadata from (cleaned) document text. `hints` (sidecar files, loader fields)
 * override every extracted value.
 */
export function extractMetadata(text: string, hints: Partial<DocumentMeta> = {}): DocumentMeta {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const head = lines.slice(0, HEADER_LINES);
  const headText = head.join('\n');

  const heading = findTypeHeading(head);
  const number = findOwnNumber(head);
  const vv = head.findIndex((l) => /^V\/v\b/iu.test(l));
  let type: DocumentType = heading?.type ?? (vv >= 0 ? 'công văn' : undefined) ?? (number ? typeFromNumber(number) : undefined) ?? 'khác';
  if (heading?.type === 'luật' && /^BỘ LUẬT/u.test(heading.line)) type = 'bộ luật';

  const placeDate = findPlaceDate(headText);
  const title = findTitle(lines, heading?.index, vv >= 0 ? vv : undefined) ?? lines[0]?.slice(0, 200) ?? '';
  const issuer = issuerFromHeader(head) ?? (number ? issuerFromNumber(number) : undefined) ?? issuerFromBody(lines, type);

  const meta: DocumentMeta = { title, type, status: 'in_force', audience: detectSecrecyMarking(text) ? 'internal' : 'public' };
  if (number) meta.number = number;
  if (issuer) meta.issuer = issuer;
  if (placeDate?.date) meta.issuedDate = placeDate.date;
  if (placeDate?.place) meta.place = placeDate.place;
  const effective = ownEffectiveDate(text, meta.issuedDate);
  if (effective) meta.effectiveDate = effective;
  // `supersedes` stays for what a sidecar or an admin states: a replacement read from the
  // text takes effect on a day (relations carry it), so it is linked at read time instead.
  const relations = extractRelations(text, {
    ...(number ? { ownNumber: number } : {}), ...(meta.issuedDate ? { issuedDate: meta.issuedDate } : {}), ...(effective ? { effectiveDate: effective } : {}),
  });
  if (relations.length > 0) meta.relations = relations;
  return { ...meta, ...definedOnly(hints) };
}

function definedOnly(hints: Partial<DocumentMeta>): Partial<DocumentMeta> {
  return Object.fromEntries(Object.entries(hints).filter(([, v]) => v !== undefined)) as Partial<DocumentMeta>;
}

function findTypeHeading(head: string[]): { type: DocumentType; index: number; line: string } | undefined {
  for (let i = 0; i < head.length; i += 1) {
    const line = head[i] ?? '';
    if (!isAllCaps(line) || line.length > 120) continue;
    for (const [word, type] of TYPE_HEADINGS) {
      if (line === word || line.startsWith(`${word} `)) return { type, index: i, line };
    }
  }
  return undefined;
}

/** The `Số: 83/KH-UBND` line of the header; never a number quoted in the body. */
function findOwnNumber(head: string[]): string | undefined {
  for (const line of head) {
    const m = /^(?:Số|SỐ|Luật số|Bộ luật số)\s*:?\s*(.+)$/u.exec(line);
    if (!m) continue;
    const ref = findDocumentNumbers(m[1] ?? '')[0];
    if (ref) return ref.number;
  }
  return undefined;
}

/** Trích yếu: the lines after the type heading (or after `V/v`), up to the first body line. */
function findTitle(lines: string[], headingIndex: number | undefined, vvIndex: number | undefined): string | undefined {
  if (vvIndex !== undefined) return (lines[vvIndex] ?? '').replace(/^V\/v\s*/iu, '').trim() || undefined;
  if (headingIndex === undefined) return undefined;
  const heading = lines[headingIndex] ?? '';
  const next = lines[headingIndex + 1];
  const restOfHeading = heading.replace(/^[^\s]+\s+[^\s]+\s*/u, '');
  if (/^(?:PHỤ LỤC|LUẬT|BỘ LUẬT)/u.test(heading) && restOfHeading && !/^SỐ\b/u.test(restOfHeading) && !next) return restOfHeading;
  if (!next || /^(?:Căn cứ|Thực hiện|Số\b)/u.test(next)) return undefined;
  if (next.length < 15) return heading.charAt(0) + heading.slice(1).toLowerCase();
  return next.length > 300 ? `${next.slice(0, 300).replace(/\s+\S*$/u, '')}…` : next;
}

/** "Sở Khoa học và Công nghệ báo cáo/thông báo …" in the opening paragraphs. */
function issuerFromBody(lines: string[], type: DocumentType): string | undefined {
  if (type !== 'báo cáo' && type !== 'thông báo') return undefined;
  const opening = lines.slice(0, 12).join('\n');
  const re = /((?:Sở|Bộ)\s+\p{Lu}\p{L}*(?:[ ,]+\p{L}+){0,6}?|Ủy ban nhân dân tỉnh|UBND tỉnh)(?:\s+Quảng Ngãi)?\s+(?:kính\s+)?(?:báo cáo|thông báo)(?![\p{L}])/gu;
  for (const m of opening.matchAll(re)) {
    const name = (m[1] ?? '').trim();
    if (/\s(?:về|đã|có|việc|của|tại|đề nghị)(?:\s|$)/u.test(name)) continue;
    return name.replace(/^UBND/u, 'Ủy ban nhân dân');
  }
  return undefined;
}
