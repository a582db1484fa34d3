/**
 * Document numbers (số ký hiệu) of Vietnamese state and Party documents:
 * `83/KH-UBND`, `14/2021/NQ-HĐND`, `127/QĐ-TTg`, `30/2020/NĐ-CP`, `02/2011/QH13`,
 * and Party style `57-NQ/TW`, `362-KH/TU`. Extraction tolerates stray spaces (`114 /TB-SKHCN`).
 */
import type { DocumentType } from '../document-types.ts';

/** One number found in a text, with the document type its code implies. */
export interface DocumentNumberRef {
  number: string;
  type?: DocumentType;
  start: number;
  end: number;
}

const SEGMENT = String.raw`[\p{Lu}][\p{L}\d&]*`;
/** State style: number[/year]/CODE[-CODE…]. QH13-style codes keep their two digits only. */
const STATE = new RegExp(String.raw`(?<![\p{L}\d/.-])(\d{1,5}[a-z]?)\s?/\s?(?:(\d{4})\s?/\s?)?(QH\d{2}|${SEGMENT}(?:-${SEGMENT})*)`, 'gu');
const PARTY = new RegExp(String.raw`(?<![\p{L}\d/.-])(\d{1,5})-(${SEGMENT})/(${SEGMENT})`, 'gu');

const CODE_TYPES: Array<[RegExp, DocumentType]> = [
  [/^KH$/, 'kế hoạch'], [/^TB$/, 'thông báo'], [/^BC$/, 'báo cáo'], [/^QĐ$/, 'quyết định'],
  [/^NQ$/, 'nghị quyết'], [/^NĐ$/, 'nghị định'], [/^TT$/, 'thông tư'], [/^TTLT$/, 'thông tư'],
  [/^CT$/, 'chỉ thị'], [/^TTr$/, 'tờ trình'], [/^CTr$/, 'chương trình'], [/^HD$/, 'hướng dẫn'],
  [/^QH\d{2}$/, 'luật'],
];

/** The document type implied by a number's code (`83/KH-UBND` → kế hoạch); `công văn` when it has none. */
export function typeFromNumber(number: string): DocumentType | undefined {
  const party = /^\d+[a-z]?-([^/]+)\//u.exec(number);
  const code = party ? party[1] : number.split('/').slice(1).find((s) => !/^\d{4}$/.test(s))?.split('-')[0];
  if (!code) return undefined;
  for (const [re, type] of CODE_TYPES) if (re.test(code)) return type;
  return /^\d+\/[\p{Lu}]/u.test(number) && number.includes('-') ? 'công văn' : undefined;
}

/** All document numbers in `text`, in order, without overlaps. */
export function findDocumentNumbers(text: string): DocumentNumberRef[] {
  const refs: DocumentNumberRef[] = [];
  for (const m of text.matchAll(PARTY)) {
    const number = `${m[1]}-${m[2]}/${m[3]}`;
    refs.push(withType({ number, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  }
  for (const m of text.matchAll(STATE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (refs.some((r) => start < r.end && end > r.start)) continue;
    const code = m[3] ?? '';
    if (!m[2] && !code.includes('-') && !/^QH\d{2}$/.test(code) && !/^[\p{Lu}]{2,}[\p{L}]*$/u.test(code)) continue;
    if (/^\d{1,2}$/.test(m[1] ?? '') && /^\d{1,2}$/.test(code)) continue;
    const number = [m[1], m[2], code].filter((x) => x).join('/');
    refs.push(withType({ number, start, end }));
  }
  return refs.sort((a, b) => a.start - b.start);
}

function withType(ref: DocumentNumberRef): DocumentNumberRef {
  const type = typeFromNumber(ref.number);
  return type ? { ...ref, type } : ref;
}
