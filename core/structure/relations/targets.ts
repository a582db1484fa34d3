/**
 * The texts a relation clause names: each số ký hiệu with its type word, issue date and
 * issuer as written, and the runs of numbers that one verb governs ("các Quyết định số
 * 12/QĐ-UBND, 13/QĐ-UBND ngày 05/01/2018 và Quyết định số 207/QĐ-UBND"; a date after a
 * run belongs to every number of it that has none).
 */
import type { RelationTarget } from '../../model.ts';
import { findDocumentNumbers } from '../document-numbers.ts';
import { parseVietnameseDate } from '../vietnamese-date.ts';

/** A number named in a clause, with what is written around it. */
export interface TargetRef extends RelationTarget {
  /** Offsets in the clause: of the type word when there is one (else of the number), and after the number. */
  start: number;
  numberStart: number;
  end: number;
}

/** Type words, longest first (`thông tư liên tịch` before `thông tư`, `bộ luật` before `luật`). */
const TYPE_WORDS = [
  'thông tư liên tịch', 'bộ luật', 'pháp lệnh', 'nghị định', 'nghị quyết', 'thông tư', 'quyết định', 'chỉ thị', 'kế hoạch',
  'thông báo', 'công văn', 'hướng dẫn', 'luật',
];
const TYPE_WORD = new RegExp(`(?<![\\p{L}])(${TYPE_WORDS.join('|')})(?![\\p{L}])`, 'giu');
const DATE = String.raw`(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})`;
const DATE_AFTER = new RegExp(`^\\s*,?\\s*ngày\\s+(${DATE})`, 'iu');
/** Where an issuer's name ends: the subject matter, a verb, another list item or punctuation. */
const ISSUER_AFTER = /^\s*của\s+((?:[^,;.:]|\.(?=\S))+?)(?=\s+(?:về|quy định|ban hành|hướng dẫn|hết|bị|được|thay thế|bằng|như|đã|kể|có|tại|trên|và\s+(?:số|các|quyết định|nghị quyết|thông tư|chỉ thị|công văn|kế hoạch|thông báo|nghị định))(?![\p{L}])|\s*[,;:]|\s*\.(?:\s|$)|\s*$)/iu;
/** What may join two numbers of one run. */
const RUN_GLUE = new RegExp(
  `^\\s*(?:,?\\s*ngày\\s+${DATE})?\\s*(?:của\\s+[^,;.]{1,60}?)?\\s*(?:,|và|,\\s*và)\\s*(?:các\\s+)?(?:(?:${TYPE_WORDS.join('|')})\\s+)?(?:số\\s+)?$`,
  'iu',
);

/** Year of a number (`15/2021/QĐ-UBND` → 2021), if it carries one. */
export function yearOfNumber(number: string): number | undefined {
  const m = /\/(\d{4})\//u.exec(number) ?? /^\d+\/(\d{4})$/u.exec(number);
  return m ? Number(m[1]) : undefined;
}

/** Every number of a clause, with its type word (the nearest one before it, not past another number). */
export function references(clause: string): TargetRef[] {
  const numbers = findDocumentNumbers(clause);
  const types = [...clause.matchAll(TYPE_WORD)].map((m) => ({ word: (m[1] ?? '').toLowerCase(), start: m.index ?? 0, end: (m.index ?? 0) + (m[0]?.length ?? 0) }));
  const out: TargetRef[] = [];
  let floor = 0;
  for (const n of numbers) {
    const type = types.filter((t) => t.end <= n.start && t.start >= floor && n.start - t.end <= 120).pop();
    const ref: TargetRef = { number: n.number, start: type?.start ?? n.start, numberStart: n.start, end: n.end };
    if (type) ref.docType = type.word;
    const rest = clause.slice(n.end);
    const dated = DATE_AFTER.exec(rest);
    if (dated) {
      const date = parseVietnameseDate(`ngày ${dated[1] ?? ''}`.replace(/\s*\/\s*/gu, '/'));
      if (date) ref.date = date;
    }
    const issuer = ISSUER_AFTER.exec(rest.slice(dated ? dated[0].length : 0))?.[1]?.trim();
    if (issuer && issuer.length <= 120) ref.issuer = issuer;
    const year = yearOfNumber(n.number) ?? (ref.date ? Number(ref.date.slice(0, 4)) : undefined);
    if (year) ref.year = year;
    out.push(ref);
    floor = n.end;
  }
  return out;
}

/**
 * The run of numbers starting at `refs[first]`: the following numbers joined to it by a
 * comma or `và` (with dates, issuers and type words between). A date or issuer written
 * after a later number of the run is given to the earlier ones that have none.
 */
export function run(clause: string, refs: readonly TargetRef[], first: number, limit = clause.length): TargetRef[] {
  const out: TargetRef[] = [{ ...refs[first]! }];
  for (let i = first + 1; i < refs.length; i += 1) {
    const prev = refs[i - 1]!;
    const next = refs[i]!;
    if (next.numberStart >= limit || !RUN_GLUE.test(clause.slice(prev.end, next.numberStart))) break;
    out.push({ ...next });
  }
  for (let i = out.length - 2; i >= 0; i -= 1) {
    const later = out[i + 1]!;
    const ref = out[i]!;
    if (!ref.date && later.date && !DATE_AFTER.test(clause.slice(ref.end))) {
      ref.date = later.date;
      ref.year ??= Number(later.date.slice(0, 4));
    }
    if (!ref.issuer && later.issuer) ref.issuer = later.issuer;
    if (!ref.docType && later.docType) ref.docType = later.docType;
  }
  for (let i = 1; i < out.length; i += 1) if (!out[i]!.docType && out[i - 1]!.docType) out[i]!.docType = out[i - 1]!.docType;
  return out;
}

/** The target fields of a reference (positions dropped). */
export function targetOf(ref: TargetRef): RelationTarget {
  const { start: _s, numberStart: _n, end: _e, ...target } = ref;
  return target;
}
