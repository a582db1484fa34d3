/**
 * The header lines whose form the decree fixes: số/ký hiệu, địa danh và ngày tháng, signature.
 * Shared by the drafter and the checker so that both read the same rule.
 */
import type { DraftFields } from './model.ts';
import { DRAFT_TEMPLATES, typeAbbreviation, typeRule } from './rules.ts';

const DOTS = DRAFT_TEMPLATES.datePlaceholder;

/** Pad numbers below 10 with a 0 (Phụ lục I, mục II.3 and II.4). */
function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "12/TTr-SKHCN", "…/SKHCN-VP" (công văn), "05/QĐ-SKHCN". */
export function numberLine(fields: Pick<DraftFields, 'type' | 'number' | 'issuingBodyCode' | 'draftingUnitCode'>): string {
  const raw = fields.number?.trim();
  const number = !raw ? DRAFT_TEMPLATES.numberPlaceholder : /^\d$/.test(raw) ? `0${raw}` : raw;
  const abbr = typeAbbreviation(fields.type);
  const body = fields.issuingBodyCode.trim().toLocaleUpperCase('vi');
  if (!abbr) return `${number}/${body}${fields.draftingUnitCode ? `-${fields.draftingUnitCode.trim().toLocaleUpperCase('vi')}` : ''}`;
  return `${number}/${abbr}-${body}`;
}

/**
 * "Quảng Ngãi, ngày 05 tháng 3 năm 2026": day below 10 and months 1–2 take a leading 0, later
 * months do not (Phụ lục I, mục II.4). Without a date the day and month are left as dots for the
 * văn thư, with the year of `today` when known.
 */
export function placeDateLine(place: string, isoDate?: string, today?: string): string {
  const m = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  if (!m) {
    const year = today && /^\d{4}/.test(today) ? today.slice(0, 4) : `20${DOTS}`;
    return `${place.trim()}, ngày ${DOTS} tháng ${DOTS} năm ${year}`;
  }
  const day = Number(m[3]);
  const month = Number(m[2]);
  return `${place.trim()}, ngày ${pad2(day)} tháng ${month <= 2 ? pad2(month) : String(month)} năm ${m[1]}`;
}

/** First letter capitalised, the rest as written. */
export function capitalizeFirst(s: string): string {
  const t = s.trim();
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}

/** "V/v …" for a công văn; otherwise the type's prefix ("Về việc …") or the subject itself. */
export function subjectLine(fields: Pick<DraftFields, 'type' | 'subject'>): string {
  const subject = fields.subject.trim().replace(/^(v\/v|về việc)\s+/i, '').replace(/[.;:]+$/, '');
  if (!subject) return '';
  const prefix = typeRule(fields.type).subjectPrefix;
  return prefix ? `${prefix}${subject}` : capitalizeFirst(subject);
}

/** Signature block: authority line (TM./KT./TL./TUQ. + on whose behalf), title, name (Điều 13). */
export function signatureBlock(fields: Pick<DraftFields, 'signingAuthority' | 'onBehalfOf' | 'signerTitle' | 'signerName'>) {
  const up = (s: string | undefined) => (s ?? '').trim().toLocaleUpperCase('vi');
  const title = up(fields.signerTitle);
  const name = (fields.signerName ?? '').trim();
  const a = fields.signingAuthority ?? '';
  if (a === 'Q.') return { authority: '', title: title ? `Q. ${title}` : '', name };
  if (!a) return { authority: '', title, name };
  return { authority: `${a} ${up(fields.onBehalfOf)}`.trim(), title, name };
}
