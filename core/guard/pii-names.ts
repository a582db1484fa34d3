/**
 * Names of people in a citizen's question: after a cue that introduces one ("tôi là", "tên
 * tôi là", "họ và tên:", "ông", "bà", "anh", "chị", "em", "cháu", "vợ là", "chủ tài khoản"…),
 * after a form's label ("Họ và tên người yêu cầu:", "tên:"), in apposition ("Tôi, Nguyễn Văn
 * An, đề nghị…"), and the name that signs a question off ("… Cảm ơn. Nguyễn Văn An", "-- Trần
 * Thị Bình", a signature block above contact lines). A name needs capitals, except right after a
 * strong cue ("tôi là nguyễn văn an"), where it must open with a surname. Offices, titles and
 * places after the cue ("bà Chủ tịch", "anh ở Hà Nội", "ông Sở Tư pháp") are not names.
 */
import { foldDiacritics } from '../text/fold.ts';
import { isPlaceName, personNameEnd } from './person-names.ts';

/** A name's span in the text searched. */
export interface NameSpan {
  start: number;
  end: number;
}

/**
 * Cues, in Vietnamese without diacritics (matched on the folded text, then checked against
 * the accents actually written: "bà" or "ba" meet "bà", "bá" does not). `strong`: the
 * person names themselves, so a name in lower case counts.
 */
const CUES: ReadonlyArray<{ words: string; strong: boolean }> = [
  ...['tôi là', 'tôi tên là', 'tôi tên', 'tên tôi là', 'tên tôi', 'mình tên là', 'mình tên', 'mình là', 'em tên là', 'em tên',
    'tên em là', 'tên em', 'cháu tên là', 'cháu tên', 'họ tên', 'họ và tên', 'họ tên là', 'họ và tên là', 'tên đầy đủ',
    'tên là', 'người hỏi', 'người gửi', 'người viết', 'ký tên', 'my name is']
    .map((words) => ({ words, strong: true })),
  ...['tên', 'ông', 'bà', 'anh', 'chị', 'em', 'cháu', 'cô', 'chú', 'bác', 'con tôi là', 'con tôi tên', 'vợ tôi là',
    'chồng tôi là', 'bố tôi là', 'mẹ tôi là', 'vợ là', 'chồng là', 'con là', 'chủ tài khoản', 'chủ hộ', 'người đứng tên',
    'người yêu cầu', 'người nhận', 'mr', 'mrs', 'ms', 'miss']
    .map((words) => ({ words, strong: false })),
];

const CUE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...CUES].sort((a, b) => b.words.length - a.words.length).map((c) => foldDiacritics(c.words).replace(/ /g, '\\s+')).join('|')})(?:\\s*[:：]\\s*|\\s+(?:la\\s+|là\\s+)?)`,
  'giu',
);
const CUE_BY_FOLDED = new Map(CUES.map((c) => [foldDiacritics(c.words), c]));
/** A form label naming the person it asks for: "Họ và tên người yêu cầu:", "Họ tên chủ hộ:". */
const FORM_LABEL = /(?<![\p{L}\p{N}])ho\s+(?:va\s+)?ten(?:\s+[a-z]+){1,3}\s*[:：]\s*/gu;
/** The asker naming themself between commas: "Tôi, Lương Thế Hiển, đề nghị…". */
const APPOSITION = /(?<![\p{L}\p{N}])(?:toi|em|minh|chau)\s*,\s*/gu;
/** Dashes and stars that open a signature line: "-- Đặng Thị Thu Hiền". */
const SIGNATURE_LEAD = /^[\s\-–—_~*]*/u;
/** Words before "anh" that make it England or English: "tiếng Anh", "người Anh". */
const ENGLAND_BEFORE = /(?:tiếng|nước|người|tieng|nuoc|nguoi)\s+$/iu;
/** Thanks and closings after which the last line's name signs the question. */
const SIGN_OFF = /(?:(?:xin\s+)?(?:chân\s+thành\s+)?(?:cảm|cám)\s+ơn(?:\s+\S+){0,3}?|trân\s+trọng|thân\s+ái|kính\s+thư|thanks?(?:\s+you)?|regards|best)[\s!.,;:…-]*$/iu;

/** Whether each word of the cue as written carries the accents of the cue's word, or none at all. */
function accentsAgree(written: string, cue: string): boolean {
  const typed = written.normalize('NFC').toLowerCase().split(/\s+/u);
  const wanted = cue.split(' ');
  return typed.every((w, i) => w === wanted[i] || foldDiacritics(w) === w);
}

/** Names of people in `text` (NFC), in order, never overlapping. */
export function findNames(text: string): NameSpan[] {
  const folded = foldDiacritics(text);
  const spans: NameSpan[] = [];
  const lowered = folded.toLowerCase();
  // Folding keeps an NFC text's length, lower-casing may not; cues are then matched on the text itself.
  const haystack = lowered.length === text.length ? lowered : text.toLowerCase();
  for (const m of haystack.matchAll(CUE_RE)) {
    const cueFolded = foldDiacritics(m[1]!).replace(/\s+/g, ' ');
    const cue = CUE_BY_FOLDED.get(cueFolded);
    if (!cue || !accentsAgree(text.slice(m.index, m.index + m[1]!.length), cue.words)) continue;
    if (cue.words === 'anh' && ENGLAND_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const start = m.index + m[0].length;
    // A cue closed by a colon is a form's label ("tên: tran van khoa"): it names a person as a strong cue does.
    const end = personNameEnd(text, start, { lowerCase: cue.strong || /[:：]/u.test(m[0]) });
    const cueWritten = text.slice(m.index, m.index + m[1]!.length);
    if (end !== undefined && isPlaceName(`${cueWritten} ${/^[\p{L}\p{M}]+/u.exec(text.slice(start))?.[0] ?? ''}`)) continue;
    if (end !== undefined && !spans.some((s) => s.end > start && s.start < end)) spans.push({ start, end });
  }
  const add = (start: number, end: number | undefined): void => {
    if (end !== undefined && !spans.some((s) => s.end > start && s.start < end)) spans.push({ start, end });
  };
  for (const m of haystack.matchAll(FORM_LABEL)) add(m.index + m[0].length, personNameEnd(text, m.index + m[0].length, { lowerCase: true }));
  for (const m of haystack.matchAll(APPOSITION)) {
    const start = m.index + m[0].length;
    const end = personNameEnd(text, start, { surname: true });
    if (end !== undefined && /^\s*,/u.test(text.slice(end))) add(start, end);
  }
  const signature = signOff(text);
  if (signature && !spans.some((s) => s.end > signature.start && s.start < signature.end)) spans.push(signature);
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * The name that ends a question after a thanks, a line break or a sentence end: "… Cảm ơn.
 * Nguyễn Văn An", "…\nTrần Thị Bình". It must open with a surname, be at least two words
 * and be the last thing written.
 */
function signOff(text: string): NameSpan | undefined {
  const trimmed = text.replace(/[\s.!…]+$/u, '');
  const lastBreak = Math.max(trimmed.lastIndexOf('\n'), -1);
  const candidates: number[] = [];
  if (lastBreak >= 0) candidates.push(lastBreak + 1);
  // "… gọi tôi. Nguyễn Văn An": a name that is a sentence of its own, last.
  const lastStop = Math.max(trimmed.lastIndexOf('. '), trimmed.lastIndexOf('! '), trimmed.lastIndexOf('? '));
  if (lastStop > lastBreak) candidates.push(lastStop + 2);
  // "… Cảm ơn. Nguyễn Văn An": the name after the closing words on the same line.
  const words = [...trimmed.matchAll(/\S+/gu)];
  for (let k = 2; k <= 4 && k < words.length; k++) {
    const at = words[words.length - k]!.index;
    if (SIGN_OFF.test(trimmed.slice(Math.max(lastBreak + 1, 0), at).trimEnd())) candidates.push(at);
  }
  for (const at of candidates) {
    const start = at + (SIGNATURE_LEAD.exec(trimmed.slice(at))?.[0].length ?? 0);
    const end = personNameEnd(trimmed, start, { surname: true });
    if (end === trimmed.length) return { start, end };
  }
  // A signature block: a line that is only a name, under a closing line, before contact lines.
  const lines = [...text.matchAll(/[^\n]+/gu)];
  for (let i = 1; i < lines.length; i++) {
    if (!SIGN_OFF.test(lines[i - 1]![0].trim())) continue;
    const line = lines[i]!;
    const start = line.index + (SIGNATURE_LEAD.exec(line[0])?.[0].length ?? 0);
    const end = personNameEnd(text, start, { surname: true });
    if (end === line.index + line[0].replace(/[\s.!…,]+$/u, '').length) return { start, end };
  }
  return undefined;
}
