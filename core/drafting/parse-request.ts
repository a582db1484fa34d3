/**
 * Reading a chat request for a document ("Soạn công văn gửi UBND các xã về việc báo cáo …, hạn
 * 15/3/2026") into draft fields: type, recipients, subject, deadline. Keywords come from
 * prompts/drafting/request.vi.json and are matched with or without diacritics.
 */
import { foldDiacritics } from '../text/fold.ts';
import type { DraftFields, DraftType } from './model.ts';
import { DRAFT_TYPES } from './model.ts';
import { DRAFT_REQUEST_VI, DRAFT_TYPE_WORDS } from './rules.ts';
import { spellOut } from './spell-out.ts';

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
  // A date is a deadline only after a marker ("hạn", "trước", "lúc") or a time: "theo kết luận ngày 29/12/2025" names a document.
  String.raw`(?:\s*,\s*|\s+|^)(?:(?:${alternation(DRAFT_REQUEST_VI.deadlineMarkers)})(?:\s+la)?\s+|(?=${TIME.replace('(', '(?:')}))(?:${TIME}\s*,?\s*)?(?:ngay\s+)?${DATE}`,
  'u',
);
const RECIPIENT = word(alternation(DRAFT_REQUEST_VI.recipientMarkers));
const SUBJECT = word(alternation(DRAFT_REQUEST_VI.subjectMarkers));
const BODY = alternation(DRAFT_REQUEST_VI.bodyWords);
/** "của" before an organisation's name: "công văn của Sở …". */
const ISSUER = new RegExp(`(?<![\\p{L}\\d])(?:${alternation(DRAFT_REQUEST_VI.issuerMarkers)})\\s+(?=(?:${BODY})(?![\\p{L}\\d]))`, 'gu');
const OPENER = word(alternation(DRAFT_REQUEST_VI.subjectOpeners));
/** The openers as written, lower-cased: a word typed with its diacritics must match them ("Môi trường" is not "mời"). */
const OPENERS_WRITTEN = new Set(DRAFT_REQUEST_VI.subjectOpeners.map((w) => w.normalize('NFC').toLowerCase()));
/** A separator in a recipient list: "," ";" or "và". */
const RECIPIENT_SEPARATOR = /\s*(?:[,;]|\s+va)\s+/gu;
/** An organisation word, folded, at the start of a text ("so …", "ubnd …", "cac so …"). */
const BODY_START = new RegExp(`^(?:cac\\s+)?(?:${BODY})(?![\\p{L}\\d])`, 'u');

function firstMatch(re: RegExp, folded: string, from = 0): { start: number; end: number } | undefined {
  re.lastIndex = from;
  const m = re.exec(folded);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/**
 * The first subject opener in `text`: matched without diacritics so that a request typed
 * without them is read, but a word typed with diacritics counts only as the opener it spells.
 */
function findOpener(text: string): { start: number; end: number } | undefined {
  const folded = fold(text);
  for (let from = 0, m = firstMatch(OPENER, folded); m; from = m.end, m = firstMatch(OPENER, folded, from)) {
    const typed = text.slice(m.start, m.end).toLowerCase();
    if (typed === fold(typed) || OPENERS_WRITTEN.has(typed)) return m;
  }
  return undefined;
}

function findType(folded: string): { type: DraftType; end: number } | undefined {
  let best: { type: DraftType; start: number; end: number } | undefined;
  for (const type of DRAFT_TYPES) {
    const m = firstMatch(word(alternation(DRAFT_TYPE_WORDS[type])), folded);
    if (m && (!best || m.start < best.start)) best = { type, ...m };
  }
  return best;
}

const pad = (n: string) => n.padStart(2, '0');
const clean = (s: string) => s.replace(/^[\s,;:.\-–]+|[\s,;:.\-–]+$/g, '').replace(/\s+/g, ' ');

/**
 * Recipients typed as a list, split where a new organisation's name begins: after ";", or
 * after "," or "và" before a capitalised organisation word or an acronym ("UBND tỉnh, Sở Nội
 * vụ"), but not inside "các sở, ban, ngành".
 */
function splitRecipients(list: string): string[] {
  const folded = fold(list);
  const out: string[] = [];
  let from = 0;
  for (const m of folded.matchAll(RECIPIENT_SEPARATOR)) {
    const at = (m.index ?? 0) + m[0].length;
    const next = list.slice(at).replace(/^các\s+/iu, '');
    const acronym = /^[A-ZĐ]{2,}(?![\p{L}\d])/u.test(next);
    const named = BODY_START.test(folded.slice(at)) && /^\p{Lu}/u.test(next);
    if (!m[0].includes(';') && !acronym && !named) continue;
    out.push(clean(list.slice(from, m.index)));
    from = at;
  }
  out.push(clean(list.slice(from)));
  return out.filter(Boolean);
}

/** Where "của <organisation>" names the issuing body, as spans of the folded request. */
interface IssuerSpan {
  /** Start of "của". */
  start: number;
  nameStart: number;
  nameEnd: number;
  /** Right after the type word ("công văn của Sở …"), rather than at the end of the subject ("… năm 2025 của Sở KH&CN gửi …"). */
  leading: boolean;
}

/** The issuing body named with "của" right after the type, or right before the recipients ("… của Sở KH&CN gửi Bộ KH&CN"). */
function findIssuer(folded: string, from: number, to: number, hasRecipients: boolean): IssuerSpan | undefined {
  ISSUER.lastIndex = from;
  let last: IssuerSpan | undefined;
  for (let m = ISSUER.exec(folded); m && m.index < to; m = ISSUER.exec(folded)) {
    const nameStart = m.index + m[0].length;
    if (!folded.slice(from, m.index).trim()) {
      // Right after the type: the name runs to the next comma or subject marker.
      const comma = folded.slice(nameStart, to).search(/[,;]/u);
      const marker = firstMatch(SUBJECT, folded, nameStart);
      const nameEnd = Math.min(to, comma >= 0 ? nameStart + comma : to, marker ? marker.start : to);
      return { start: m.index, nameStart, nameEnd, leading: true };
    }
    last = { start: m.index, nameStart, nameEnd: to, leading: false };
  }
  // At the end of the subject: only when the recipients follow and the name holds no subject marker.
  if (!last || !hasRecipients) return undefined;
  const marker = firstMatch(SUBJECT, folded, last.nameStart);
  return marker && marker.start < to ? undefined : last;
}

/** The issuing body as the header writes it: the official name in capitals, abbreviations spelled out ("Sở KH&CN" → "SỞ KHOA HỌC VÀ CÔNG NGHỆ"). */
function issuerName(name: string): string {
  return spellOut(name).toLocaleUpperCase('vi');
}

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
  const issuer = findIssuer(folded, from, rec?.start ?? folded.length, rec !== undefined);
  if (issuer) {
    const name = clean(s.slice(issuer.nameStart, issuer.nameEnd));
    if (name) out.issuingBody = issuerName(name);
  }
  const subjAfter = firstMatch(SUBJECT, folded, rec?.end ?? from);
  let subject = '';
  if (rec) {
    let list = s.slice(rec.end, subjAfter?.start ?? s.length);
    if (!subjAfter) {
      // No "về việc": the subject starts at the first verb that opens a trích yếu.
      const opener = findOpener(list);
      if (opener && opener.start > 0) {
        subject = list.slice(opener.start);
        list = list.slice(0, opener.start);
      }
    }
    const recipients = splitRecipients(list);
    if (recipients.length) out.recipients = recipients;
  }
  // The subject before the recipients, without the issuer's "của …".
  const before = (end: number) => s.slice(issuer?.leading ? issuer.nameEnd : from, issuer && !issuer.leading ? Math.min(issuer.start, end) : end);
  if (subjAfter) subject = s.slice(subjAfter.end);
  else if (!subject && rec) subject = before(rec.start);
  else if (!subject && found) subject = before(s.length);
  subject = clean(clean(subject).replace(/^(số|v\/v|về việc)\s+/iu, ''));
  if (subject) out.subject = subject;
  return out;
}
