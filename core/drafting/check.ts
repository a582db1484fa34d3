/**
 * The format checker run on every draft before export: lists missing or malformed elements of
 * the form set by Decree 30/2020/NĐ-CP. Messages and each rule's source in the decree come from
 * prompts/drafting/nd30-rules.json.
 */
import type { Draft, FormatFinding } from './model.ts';
import { nameInRunningText } from './names.ts';
import { needsParentBody, parentBodyExample } from './parent-body.ts';
import { checkRule, DRAFT_TEMPLATES, fill, ND30_RULES, typeAbbreviation, typeRule, type CheckId } from './rules.ts';

const NUM = String.raw`(\d+|…|\.{2,})`;
const CODE = String.raw`[A-ZĐ0-9]+`;
const DOTS = String.raw`(?:…|\.{2,})`;
const PLACE_DATE = new RegExp(String.raw`^(\p{Lu}[^,]*), ngày (\d{1,2}|${DOTS}) tháng (\d{1,2}|${DOTS}) năm (\d{4}|20${DOTS})$`, 'u');
const AUTHORITY = /^(TM|KT|TL|TUQ)\. \p{Lu}[\p{Lu}\s,-]*$/u;
const PLACEHOLDER_MARK = fill(DRAFT_TEMPLATES.placeholder, { what: '' }).replace(/\]$/, '');
const KNOWN_TYPE_CODES = new Set([...Object.values(ND30_RULES.typeAbbreviations.values).filter(Boolean), ...ND30_RULES.typeAbbreviations.otherKnown]);

const isUpper = (s: string) => s === s.toLocaleUpperCase('vi');

/** The ký hiệu pattern of a type, and an example for the message. */
export function numberPattern(type: Draft['fields']['type'], bodyCode = 'SKHCN'): { pattern: RegExp; example: string } {
  const abbr = typeAbbreviation(type);
  if (!abbr) return { pattern: new RegExp(`^${NUM}\\/${CODE}(-${CODE})?$`, 'u'), example: `…/${bodyCode}-VP` };
  const year = typeRule(type).yearInNumber ? String.raw`(\d{4}\/)?` : '';
  return { pattern: new RegExp(`^${NUM}\\/${year}${abbr}-${CODE}(-${CODE})?$`, 'u'), example: `…/${abbr}-${bodyCode}` };
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** List the format problems of `draft`; an empty list (or warnings only) means it may be exported. */
export function checkDraft(draft: Draft): FormatFinding[] {
  const out: FormatFinding[] = [];
  const add = (id: CheckId, element: string, severity: FormatFinding['severity'], values: Record<string, string> = {}) => {
    const r = checkRule(id);
    out.push({ element, severity, message: fill(r.message, values), rule: r.source });
  };
  const { fields } = draft;
  const type = fields.type;

  const body = fields.issuingBody?.trim() ?? '';
  if (!body || !isUpper(body) || (fields.superiorBody && !isUpper(fields.superiorBody))) add('quoc-hieu', 'co-quan-ban-hanh', 'error');
  if (!fields.superiorBody?.trim() && needsParentBody(body)) {
    add('co-quan-chu-quan', 'co-quan-chu-quan', 'error', { issuer: capitalize(nameInRunningText(body)), example: parentBodyExample(body, fields.place) ?? '' });
  }

  const number = draft.numberLine.trim().replace(/^Số:\s*/, '');
  const { pattern, example } = numberPattern(type, fields.issuingBodyCode?.trim() || 'SKHCN');
  const firstCode = /\/(?:\d{4}\/)?([^-/]+)/.exec(number)?.[1] ?? '';
  if (!pattern.test(number) || (!typeAbbreviation(type) && KNOWN_TYPE_CODES.has(firstCode))) {
    add('so-ky-hieu', 'so-ky-hieu', 'error', { value: number, type, expected: example });
  } else if (/^\d\//.test(number)) {
    add('so-nho-hon-10', 'so-ky-hieu', 'warning', { value: number });
  }

  checkPlaceDate(draft.placeDateLine.trim(), (detail) => add(detail ? 'ngay-so-0' : 'dia-danh-ngay', 'dia-danh-ngay', 'error', { value: draft.placeDateLine, detail: detail ?? '' }));

  const rule = typeRule(type);
  if (draft.typeName.trim() !== rule.typeName) add('ten-loai', 'ten-loai', 'error', { expected: rule.typeName || '(không có tên loại)' });

  const subject = draft.subjectLine.trim();
  const subjectText = subject.replace(/^(V\/v|Về việc)\s*/i, '');
  if (!subjectText) add('trich-yeu', 'trich-yeu', 'error');
  else if (type === 'công văn' && !subject.startsWith('V/v ')) add('trich-yeu-vv', 'trich-yeu', 'error');

  if (rule.salutation) {
    const first = draft.salutation[0]?.trim() ?? '';
    const named = first.replace(/^Kính gửi:\s*/, '') || draft.salutation.slice(1).join('').trim();
    if (!first.startsWith('Kính gửi:') || !named) add('kinh-gui', 'kinh-gui', 'error', { type: capitalize(type) });
  }

  if (!draft.body.some((p) => p.text.trim())) add('noi-dung', 'noi-dung', 'error');

  const { authority, title, name } = draft.signature;
  if (authority.trim() && !AUTHORITY.test(authority.trim())) add('quyen-han-ky', 'chu-ky', 'error', { value: authority });
  if (!title.trim()) add('chu-ky', 'chu-ky', 'error', { what: 'chức vụ' });
  else if (!isUpper(title) || (/^[A-Z]+\./.test(title) && !title.startsWith('Q. '))) add('quyen-han-ky', 'chu-ky', 'error', { value: title });
  if (!name.trim()) add('chu-ky', 'chu-ky', 'error', { what: 'họ và tên' });

  const list = draft.recipientsBlock.map((l) => l.trim()).filter(Boolean);
  if (list.length === 0) add('noi-nhan', 'noi-nhan', 'error');
  else if (!list[list.length - 1]!.startsWith(ND30_RULES.elements.recipientsList.lastItemPrefix)) add('noi-nhan-luu', 'noi-nhan', 'error');
  if (type === 'quyết định' && list.length && !list.includes('- Như Điều 3;')) add('noi-nhan-nhu-dieu-3', 'noi-nhan', 'error');

  const lines = [...draft.body.map((p) => (p.placeholder || p.text.includes(PLACEHOLDER_MARK) ? PLACEHOLDER_MARK : '')), ...draft.salutation, ...draft.recipientsBlock, subject];
  const count = lines.filter((l) => l.includes(PLACEHOLDER_MARK)).length;
  if (count > 0) add('cho-bo-sung', 'noi-dung', 'warning', { count: String(count) });

  if (draft.draftMark !== true) add('du-thao', 'du-thao', 'error');
  return out;
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** Calls `report()` for a line of the wrong shape, `report(detail)` for a leading-zero or date error. */
function checkPlaceDate(line: string, report: (detail?: string) => void): void {
  const m = PLACE_DATE.exec(line);
  if (!m) return report();
  const [, , d, mo, y] = m as unknown as [string, string, string, string, string];
  const day = /^\d+$/.test(d) ? Number(d) : undefined;
  const month = /^\d+$/.test(mo) ? Number(mo) : undefined;
  if (day !== undefined && day < 10 && d.length !== 2) return report(`Ngày "${d}" thiếu số 0`);
  if (month !== undefined && month <= 2 && mo.length !== 2) return report(`Tháng "${mo}" thiếu số 0`);
  if (month !== undefined && month >= 3 && mo.startsWith('0')) return report(`Tháng "${mo}" thừa số 0`);
  if (month !== undefined && (month < 1 || month > 12)) return report();
  if (day !== undefined && (day < 1 || day > (month !== undefined && /^\d{4}$/.test(y) ? daysIn(month, Number(y)) : 31))) return report();
}
