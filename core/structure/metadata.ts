/**
 * Document metadata from the text of a Vietnamese official document (Decree 30/2020/NĐ-CP
 * layout): type heading, số ký hiệu, place-date line, issuer header, trích yếu (title), its
 * date of effect, and what it does to other texts (relations/). Only the document's own
 * header is trusted for number and date; dates quoted in the body are never taken for the
 * issue date.
 */
import type { DocumentHeader, DocumentMeta, DocumentType } from '../model.ts';
import { typeFromNumber } from './document-numbers.ts';
import { issuerFromHeader, issuerFromNumber } from './issuers.ts';
import { layoutDocument } from './document-layout.ts';
import { extractRelations, ownEffectiveDate } from './relations/extract-relations.ts';
import { detectSecrecyMarking } from './secrecy.ts';

export { findDocumentNumbers, type DocumentNumberRef } from './document-numbers.ts';
export { parseVietnameseDate } from './vietnamese-date.ts';
export { detectSecrecyMarking, type SecrecyLevel } from './secrecy.ts';

/** How many leading lines form the header area where number, date and type are sought. */
const HEADER_LINES = 20;

/**
 * Extract metadata from (cleaned) document text. The document's own header facts
 * (document-layout.ts; computed here when not given) give number, date, place, type, issuer
 * and title, and are kept as `header`; `hints` (sidecar files, loader fields) override
 * every top-level value.
 */
export function extractMetadata(text: string, hints: Partial<DocumentMeta> = {}, header?: DocumentHeader): DocumentMeta {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const head = lines.slice(0, HEADER_LINES);
  const facts = header ?? layoutDocument(text).facts;

  const number = facts.number;
  const type: DocumentType = facts.type ?? (number ? typeFromNumber(number) : undefined) ?? 'khác';
  const title = facts.subject ?? lines[0]?.slice(0, 200) ?? '';
  const issuer = facts.issuer ?? issuerFromHeader(head) ?? (number ? issuerFromNumber(number) : undefined) ?? issuerFromBody(lines, type);

  const meta: DocumentMeta = { title: clip(title), type, status: 'in_force', audience: detectSecrecyMarking(text) ? 'internal' : 'public' };
  if (number) meta.number = number;
  if (issuer) meta.issuer = issuer;
  if (facts.date) meta.issuedDate = facts.date;
  if (facts.place) meta.place = facts.place;
  const effective = ownEffectiveDate(text, meta.issuedDate);
  if (effective) meta.effectiveDate = effective;
  // `supersedes` stays for what a sidecar or an admin states: a replacement read from the
  // text takes effect on a day (relations carry it), so it is linked at read time instead.
  const relations = extractRelations(text, {
    ...(number ? { ownNumber: number } : {}), ...(meta.issuedDate ? { issuedDate: meta.issuedDate } : {}), ...(effective ? { effectiveDate: effective } : {}),
  });
  if (relations.length > 0) meta.relations = relations;
  if (Object.keys(facts.sources).length > 0) meta.header = facts;
  return { ...meta, ...definedOnly(hints) };
}

function clip(title: string): string {
  return title.length > 300 ? `${title.slice(0, 300).replace(/\s+\S*$/u, '')}…` : title;
}

function definedOnly(hints: Partial<DocumentMeta>): Partial<DocumentMeta> {
  return Object.fromEntries(Object.entries(hints).filter(([, v]) => v !== undefined)) as Partial<DocumentMeta>;
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
