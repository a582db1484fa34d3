/**
 * Reading a chat request for a document ("Soạn công văn gửi UBND các xã về việc báo cáo …, hạn
 * 15/3/2026") into draft fields: type, recipients, subject, deadline. Keywords come from
 * prompts/drafting/request.vi.json and are matched with or without diacritics.
 */
import { foldDiacritics } from '../text/fold.ts';
import type { DraftFields, DraftType } from './model.ts';
import { DRAFT_TYPES } from './model.ts';
import { DRAFT_REQUEST_VI } from './rules.ts';

/** Folded, lower-cased; an NFC string keeps its length, so indices map back to the original. */
const fold = (s: string) => foldDiacritics(s).toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Alternation of folded phrases, longest first so "về việc" wins over "về". */
const alternation = (words: readonly string[]) =>
  [...words].map(fold).sort((a, b) => b.length - a.length).map(escape).join('|');
const word = (alt: string) => new RegExp(`(?<![\\p{L}\\d])(?:${alt})(?![\\p{L}\\d])`, 'gu');

const TIME = String.raw`(\d{1,2}\s*(?:gio|h|:)\s*(?:\d{1,2})?(?:\s*phut)?)`;
const DATE = String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`;
const DEADLINE = new RegExp(
  String.raw`(?:\s*,\s*|\s+|^)(?:(?:${alternation(DRAFT_REQUEST_VI.deadlineMarkers)})(?:\s+la)?\s+)?(?:${TIME}\s*,?\s*)?(?:ngay\s+)?${DATE}`,
  'u',
);
const RECIPIENT = word(alternation(DRAFT_REQUEST_VI.recipientMarkers));
const SUBJECT = word(alternation(DRAFT_REQUEST_VI.subjectMarkers));

function firstMatch(re: RegExp, folded: string, from = 0): { start: number; end: number } | undefined {
  re.lastIndex = from;
  const m = re.exec(folded);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

function findType(folded: string): { type: DraftType; end: number } | undefined {
  let best: { type: DraftType; start: number; end: number } | undefined;
  for (const type of DRAFT_TYPES) {
    const m = firstMatch(word(alternation(DRAFT_REQUEST_VI.typeWords[type])), folded);
    if (m && (!best || m.start < best.start)) best = { type, ...m };
  }
  return best;
}

const pad = (n: string) => n.padStart(2, '0');
const clean = (s: string) => s.replace(/^[\s,;:.\-–]+|[\s,;:.\-–]+$/g, '').replace(/\s+/g, ' ');

/** Understand a request for a document; fields it cannot find are left out. `request` is always the text. */
export function parseDraftRequest(text: string): Partial<DraftFields> {
  let s = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const out: Partial<DraftFields> = { request: text };

  const d = DEADLINE.exec(fold(s));
  if (d) {
    const time = d[1] ? s.slice(d.index + d[0].indexOf(d[1]), d.index + d[0].indexOf(d[1]) + d[1].length).trim() : '';
    const date = `${pad(d[2]!)}/${pad(d[3]!)}/${d[4]}`;
    out.deadline = time ? `${time}, ngày ${date}` : date;
    s = `${s.slice(0, d.index)}${s.slice(d.index + d[0].length)}`;
  }

  const folded = fold(s);
  const found = findType(folded);
  if (found) out.type = found.type;
  const from = found?.end ?? 0;

  const rec = firstMatch(RECIPIENT, folded, from);
  const subjAfter = firstMatch(SUBJECT, folded, rec?.end ?? from);
  if (rec) {
    const list = s.slice(rec.end, subjAfter?.start ?? s.length);
    const recipients = list.split(/[,;]/).map(clean).filter(Boolean);
    if (recipients.length) out.recipients = recipients;
  }
  let subject = '';
  if (subjAfter) subject = s.slice(subjAfter.end);
  else if (rec) subject = s.slice(from, rec.start);
  else if (found) subject = s.slice(from);
  subject = clean(subject.replace(/^\s*(số|v\/v)\s+/i, ''));
  if (subject) out.subject = subject;
  return out;
}
