/**
 * When things take effect, only as the text writes it: the document's own date ("Quyết
 * định này có hiệu lực thi hành kể từ ngày …", "… kể từ ngày ký") and a relation's date
 * ("hết hiệu lực kể từ ngày …", "kể từ ngày Luật này có hiệu lực"). "Sau 45 ngày kể từ
 * ngày ký" gives no date: we do not compute what the text does not write.
 */
import { parseVietnameseDate } from '../vietnamese-date.ts';

const DATE = String.raw`(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})`;
const SELF = String.raw`(?:Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Thông tư(?: liên tịch)?|Quyết định|Chỉ thị|Kế hoạch|Thông báo|Công văn|Hướng dẫn|Quy định|Quy chế|Văn bản)\s+này`;
const SELF_EFFECT = new RegExp(`(?<![\\p{L}])${SELF}(?![\\p{L}])[^.;\\n]{0,200}?có hiệu lực(?:\\s+thi hành)?(?:\\s+kể)?\\s+từ\\s+ngày\\s+(ký|${DATE})`, 'giu');
const ANY_EFFECT = new RegExp(`(?:^|[.;]\\s|\\n)([^.;\\n]{0,80}?)có hiệu lực(?:\\s+thi hành)?(?:\\s+kể)?\\s+từ\\s+ngày\\s+(ký|${DATE})`, 'giu');
/** A part that takes effect on its own day ("Khoản 3 Điều 29 của Luật này có hiệu lực …") says nothing of the whole. */
const PART_SUBJECT = /(?<![\p{L}])(?:điểm|khoản|điều|quy định tại|mục|chương)(?![\p{L}])/iu;

function dateOf(written: string, issued: string | undefined): string | undefined {
  if (/^ký/iu.test(written)) return issued;
  return parseVietnameseDate(`ngày ${written.replace(/\s*\/\s*/gu, '/')}`);
}

/** The day the document itself takes effect, if it says; `issued` for "kể từ ngày ký". */
export function ownEffectiveDate(text: string, issued: string | undefined): string | undefined {
  const flat = text.normalize('NFC');
  for (const self of flat.matchAll(SELF_EFFECT)) {
    const at = self.index ?? 0;
    const clauseStart = Math.max(flat.lastIndexOf('\n', at), flat.lastIndexOf('. ', at), flat.lastIndexOf('; ', at)) + 1;
    if (PART_SUBJECT.test(flat.slice(clauseStart, at))) continue;
    return dateOf(self[1] ?? '', issued);
  }
  for (const m of flat.matchAll(ANY_EFFECT)) {
    if (PART_SUBJECT.test(m[1] ?? '')) continue;
    return dateOf(m[2] ?? '', issued);
  }
  return undefined;
}

const FROM_DATE = new RegExp(`(?<![\\p{L}])(?:kể\\s+)?từ\\s+ngày\\s+(${DATE})`, 'iu');
const FROM_SIGNING = /(?<![\p{L}])kể\s+từ\s+ngày\s+ký/iu;
const AFTER_DAYS = /sau\s+\d+\s+ngày\s*$/iu;

/** When a relation takes effect: a date its clause writes, else signing, else the document's own date. */
export function relationFrom(clause: string, dates: { issuedDate?: string; effectiveDate?: string }): string | undefined {
  const written = FROM_DATE.exec(clause);
  if (written) return dateOf(written[1] ?? '', dates.issuedDate);
  const signing = FROM_SIGNING.exec(clause);
  if (signing && !AFTER_DAYS.test(clause.slice(0, signing.index))) return dates.issuedDate;
  return dates.effectiveDate;
}
