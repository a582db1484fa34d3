/**
 * Document metadata from the text of a Vietnamese official document (Decree 30/2020/NĐ-CP
 * layout): type heading, số ký hiệu, place-date line, issuer header, trích yếu (title), and
 * what it replaces. Only the document's own header is trusted for number and date; dates
 * quoted in the body are never taken for the issue date.
 */
import type { DocumentHeader, DocumentMeta, DocumentType } from '../model.ts';
import { findDocumentNumbers, typeFromNumber } from './document-numbers.ts';
import { issuerFromHeader, issuerFromNumber } from './issuers.ts';
import { layoutDocument } from './document-layout.ts';
import { detectSecrecyMarking } from './secrecy.ts';
import { parseVietnameseDate } from './vietnamese-date.ts';

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
  const effective = findEffectiveDate(text, meta.issuedDate);
  if (effective) meta.effectiveDate = effective;
  const supersedes = findSupersedes(text, number);
  if (supersedes.length > 0) meta.supersedes = supersedes;
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

function findEffectiveDate(text: string, issued: string | undefined): string | undefined {
  const m = /có hiệu lực(?: thi hành)?(?: kể)? từ ngày\s+([^\n.;]{0,40})/u.exec(text);
  if (!m) return undefined;
  if (/^ký/u.test(m[1] ?? '')) return issued;
  return parseVietnameseDate(m[1] ?? '');
}

/** Numbers of documents this one replaces or repeals ("thay thế Quyết định số …", "bãi bỏ …"). */
function findSupersedes(text: string, own: string | undefined): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:thay thế|bãi bỏ)\s+([^\n]{0,400})/gu)) {
    if (/^bởi\b/u.test(m[1] ?? '')) continue;
    const sentence = (m[1] ?? '').split(/(?<=[.;])\s/u)[0] ?? '';
    for (const ref of findDocumentNumbers(sentence)) if (ref.number !== own) found.add(ref.number);
  }
  return [...found];
}
