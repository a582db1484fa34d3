/**
 * Secrecy markings (độ mật: MẬT, TỐI MẬT, TUYỆT MẬT) on a document, whatever its shape: the
 * one check every loaded document passes through before it may be indexed.
 *
 * A marking counts where a stamp stands: in the header zone of the text (its first lines,
 * up to where the body starts) as a line of its own (`MẬT`, `[Tuyệt mật]`, `M Ậ T`,
 * `TUYET MAT`), as a column of a two-column header line (`ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
 * TUYỆT MẬT`, `SỐ: 12/QĐ-UBND    MẬT`, or glued by the PDF loader: `V/v … bệnh lạ MẬT`), after a
 * label (`Độ mật: Mật`, also in Markdown: `> **Độ mật:** Mật`); alone at the foot of a page
 * (where extraction puts a stamping tool's box); in a Word page header or footer; in a title;
 * in a record field named for it (`do_mat`, `secrecy`, `classification`). The word in prose never counts
 * (`bảo mật`, `mật khẩu`, `mật độ`, `bí mật nhà nước`, the law's own list of the levels),
 * nor does urgency (`Độ khẩn: Hỏa tốc`).
 */
import { foldDiacritics } from '../text/fold.ts';
import { ENGLISH_LEVELS, fieldKey, fieldLevel, isSecrecyField, isTitleField } from './secrecy-fields.ts';
import { bindsToLevel, isCapitals, isHeaderElement, levelOf, stampWords, type LevelWords, type SecrecyLevel } from './secrecy-words.ts';

export type { SecrecyLevel } from './secrecy-words.ts';

/** How a marking was written. */
export type SecrecyForm = 'stamp-line' | 'header-column' | 'label' | 'field';

/** A secrecy marking found on a document, with where it stands and why it counts. */
export interface SecrecyMarking {
  level: SecrecyLevel;
  form: SecrecyForm;
  /** Where it was read: the text (its header zone, or the foot of a page), the title, a record field, or a page header or footer kept apart from the body. */
  where: 'text' | 'title' | 'field' | 'margin';
  /** 1-based line of the text (`where: 'text'`). */
  line?: number;
  /** The record field (`where: 'field'`). */
  field?: string;
  /** The line, title or field value bearing the marking, trimmed to 100 characters. */
  excerpt: string;
  /** English, for logs: which marking, where. */
  reason: string;
  /** Vietnamese, for the person who ingested the document: which marking, where. */
  message: string;
}

/** What {@link secrecyOf} reads of a loaded document: its text, title and record fields. */
export interface SecrecyInput {
  text: string;
  title?: string;
  /** String fields of a record (JSONL), by name. */
  fields?: Readonly<Record<string, string>>;
  /** Page texts, when the format has pages (PDF); `text` is their join. */
  pages?: readonly string[];
  /** Page headers and footers that the format keeps apart from the body (Word). */
  margins?: readonly string[];
}

/** How far into the text the header zone may reach. */
const HEADER_CHARS = 2000;
const HEADER_LINES = 30;
/** Where the body of an official or legal document starts: the header zone ends there. */
const BODY_START = /^(?:Căn cứ|CĂN CỨ|Điều\s+\d|ĐIỀU\s+\d|Chương\s+[IVXLC\d]|CHƯƠNG\s+[IVXLC\d]|Phần\s+thứ|PHẦN\s+THỨ)/u;
/** Longer lines are prose, not header lines. */
const LONG_LINE = 200;
const COLUMN_GAP = /\s{2,}|\t/u;
const SEPARATORS = new Set(['-', '–', '—', ':', '/']);
/** `Độ mật:` opening the line or one of its columns, never inside a sentence ("phân loại theo 3 độ mật:"). */
const LABEL = /(?:^|\s{2,}|\t|[|;]\s*)(?:mức\s+|muc\s+)?(?:độ|do)\s+(?:bảo\s+|bao\s+)?(?:mật|mat)\s*[:：]\s*/iu;
const LABEL_EN = /(?<![\p{L}])(?:security\s+classification|classification|secrecy(?:\s+level)?)\s*:\s*(top\s+secret|secret|confidential)(?![\p{L}])/iu;
/** A quick test every marking passes: M, A, T in order with little between (folded, any case). */
const MAY_HAVE_STAMP = /m[^a-z\n]{0,3}a[^a-z\n]{0,3}t|secret|confidential|classifi/i;

interface LineHit {
  level: SecrecyLevel;
  form: Exclude<SecrecyForm, 'field'>;
}

/** A level written without accents in lower case ("mat") may be "mát" or "mặt": not a stamp by itself. */
function standsAlone(lv: LevelWords): boolean {
  return lv.accented || lv.upper || lv.bracketed || lv.level !== 'MẬT';
}

/** Longest text that may be a level alone ("[ T U Y Ệ T   M Ậ T ]" and some frame). */
const LEVEL_CHARS = 40;

function isLevelLine(line: string | undefined): boolean {
  return line !== undefined && line.length <= LEVEL_CHARS && levelOf(stampWords(line), line) !== undefined;
}

/** The line reads as an item of a list (the law's "a) Tuyệt mật; b) Tối mật; c) Mật."), not a stamp. */
function inEnumeration(line: string, prev: string | undefined, next: string | undefined): boolean {
  if (/[;,]\s*$/u.test(line)) return true;
  if (isLevelLine(prev) || isLevelLine(next)) return true;
  return prev !== undefined && /:\s*$/u.test(prev) && !LABEL.test(prev);
}

function labelled(line: string, next: string | undefined): SecrecyLevel | undefined {
  const en = LABEL_EN.exec(line);
  if (en) return ENGLISH_LEVELS[en[1]!.toLowerCase().replace(/\s+/g, ' ')];
  const m = LABEL.exec(line);
  if (!m) return undefined;
  let value = line.slice(m.index + m[0].length);
  if (!value.trim() && next !== undefined) value = next;
  const first = value.split(/\s{2,}|\t|[;|,(]/u)[0] ?? '';
  const words = stampWords(first);
  return (levelOf(words.slice(0, 2), first) ?? levelOf(words.slice(0, 1), first))?.level;
}

/** A level ending the line after a header element or a separator: "…QUẢNG NGÃI TUYỆT MẬT", "SỐ: 12/QĐ-UBND MẬT". */
function levelAtEnd(line: string, words: string[]): SecrecyLevel | undefined {
  for (const k of [2, 1]) {
    if (words.length <= k) continue;
    const bracketed = /[\])}>»]\s*$/u.test(line);
    const lv = levelOf(words.slice(-k), bracketed ? '[x]' : '');
    if (!lv || !standsAlone(lv)) continue;
    const before = words.slice(0, -k);
    const last = before.at(-1);
    if (!lv.bracketed && bindsToLevel(last, 'before')) return undefined;
    const remainder = before.join(' ');
    if (isHeaderElement(remainder)) return lv.level;
    const stamped = lv.bracketed || (lv.upper && (lv.accented || lv.level !== 'MẬT'));
    if (stamped && lv.level !== 'MẬT' && isCapitals(remainder)) return lv.level;
    if (lv.bracketed || (stamped && last !== undefined && SEPARATORS.has(last))) return lv.level;
    // Two columns glued into one line by the PDF loader ("V/v ca bệnh nghi mắc bệnh lạ MẬT"):
    // the stamp's own capitals and accents after a word in lower case, which prose never writes.
    if (lv.upper && lv.accented && last !== undefined && /\p{Ll}/u.test(last)) return lv.level;
    return undefined;
  }
  return undefined;
}

/** A level opening the line before a header element, a separator or ordinary text: "MẬT Quảng Ngãi, ngày…", "[MẬT] Báo cáo…". */
function levelAtStart(line: string, words: string[]): SecrecyLevel | undefined {
  for (const k of [2, 1]) {
    if (words.length <= k) continue;
    const lv = levelOf(words.slice(0, k), /^\s*[[({<«]/u.test(line) ? '[x]' : '');
    if (!lv || !standsAlone(lv)) continue;
    const after = words.slice(k);
    const first = after[0]!;
    if (!lv.bracketed && bindsToLevel(first, 'after')) return undefined;
    if (isHeaderElement(after.join(' '))) return lv.level;
    // "MAT giay to" is "mất giấy tờ" typed without accents: an unaccented bare MAT opens no text.
    const stamped = lv.bracketed || (lv.upper && (lv.accented || lv.level !== 'MẬT'));
    if (stamped && (SEPARATORS.has(first) || !isCapitals(first))) return lv.level;
    return undefined;
  }
  return undefined;
}

/** Whether a level may open or close `segment`: the quick test on its first and last characters. */
function mayOpenOrClose(segment: string): boolean {
  return MAY_HAVE_STAMP.test(foldDiacritics(segment.slice(0, LEVEL_CHARS))) || MAY_HAVE_STAMP.test(foldDiacritics(segment.slice(-LEVEL_CHARS)));
}

/**
 * The marking one line of a header (or a title) bears, if any. `strict`: a level alone on
 * the line counts only in capitals or brackets (a title, or a line that repeats the
 * record's own title, such as a law article named "Tuyệt mật").
 */
function lineMarking(line: string, prev?: string, next?: string, strict = false): LineHit | undefined {
  const label = labelled(line, next);
  if (label) return { level: label, form: 'label' };
  if (inEnumeration(line, prev, next)) return undefined;
  // A long line is prose (or a record glued into one line): only a stamp opening it counts.
  if (line.length > LONG_LINE) {
    const opening = line.slice(0, 80);
    const level = levelAtStart(opening, stampWords(opening).slice(0, -1));
    return level ? { level, form: 'header-column' } : undefined;
  }
  const alone = line.length <= LEVEL_CHARS ? levelOf(stampWords(line), line) : undefined;
  if (alone && standsAlone(alone) && (!strict || alone.upper || alone.bracketed)) return { level: alone.level, form: 'stamp-line' };
  if (alone) return undefined;
  const segments = line.split(COLUMN_GAP).map((s) => s.trim()).filter((s) => s.length > 0);
  const levels = segments.map((s) => (s.length <= LEVEL_CHARS ? levelOf(stampWords(s), s) : undefined));
  if (segments.length > 1 && levels.filter(Boolean).length === 1) {
    const lv = levels.find(Boolean)!;
    if (standsAlone(lv)) return { level: lv.level, form: 'header-column' };
  }
  for (const segment of segments.length > 1 ? [segments[0]!, segments.at(-1)!] : segments) {
    if (!mayOpenOrClose(segment)) continue;
    const words = stampWords(segment);
    const level = levelAtEnd(segment, words) ?? levelAtStart(segment, words);
    if (level) return { level, form: 'header-column' };
  }
  return undefined;
}

/** Markdown that Markdown files keep in their indexed text: blockquote and heading marks, bold, code. */
function withoutMarkup(line: string): string {
  return line.replace(/^(?:>\s*)+/u, '').replace(/^#{1,6}\s+/u, '').replace(/\*\*|__|`/gu, '').trim();
}

const titleKey = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
const excerptOf = (s: string): string => (s.length > 100 ? `${s.slice(0, 99)}…` : s);

/**
 * The secrecy marking in the header zone of `text` (its first lines, up to the start of the
 * body), or undefined. Works on raw or cleaned text in any Unicode form. A line equal to one
 * of `ownTitles` (the document's own title, which a law article's text repeats) is read as
 * a title: a level alone on it counts only in capitals or brackets.
 */
export function findSecrecyMarking(text: string, ownTitles: readonly string[] = []): SecrecyMarking | undefined {
  const head = text.slice(0, HEADER_CHARS).normalize('NFC');
  if (!MAY_HAVE_STAMP.test(foldDiacritics(head))) return undefined;
  const lines = head.split(/\r?\n/u);
  // A line cut by the zone's limit is read from its start only.
  if (text.length > HEADER_CHARS && lines.length > 1) lines.pop();
  const titleKeys = new Set(ownTitles.map(titleKey));
  const kept: Array<{ n: number; line: string }> = [];
  for (let i = 0; i < lines.length && kept.length < HEADER_LINES; i++) {
    const line = withoutMarkup(lines[i]!);
    if (!line) continue;
    if (BODY_START.test(line)) break;
    kept.push({ n: i + 1, line });
  }
  for (let i = 0; i < kept.length; i++) {
    const { n, line } = kept[i]!;
    const hit = lineMarking(line, kept[i - 1]?.line, kept[i + 1]?.line, titleKeys.has(titleKey(line)));
    if (!hit) continue;
    return {
      ...hit, where: 'text', line: n, excerpt: excerptOf(line),
      reason: `secrecy marking ${hit.level} (${hit.form}) on line ${n} of the header`,
      message: `Dấu độ mật "${hit.level}" ở dòng ${n} phần đầu văn bản: "${excerptOf(line)}".`,
    };
  }
  return undefined;
}

/** Lines at the foot of a page read for a stamp standing alone. */
const FOOT_LINES = 3;
/** Pages are joined by one blank line (ingest/loaders PAGE_SEPARATOR). */
const PAGE_SEPARATOR_LINES = 1;

/**
 * A stamp standing alone, in capitals or brackets, on one of the last lines of a page
 * (`pages` as the loader split them, or the whole text as one page). A stamping tool draws
 * its box on top of the first page after the text, and extraction reads it last.
 */
export function findFootStamp(pages: readonly string[]): SecrecyMarking | undefined {
  let offset = 0;
  for (const page of pages) {
    const lines = page.split(/\r?\n/u);
    const foot = lines.map((l, i) => ({ n: offset + i + 1, line: withoutMarkup(l) })).filter((l) => l.line).slice(-FOOT_LINES);
    offset += lines.length + PAGE_SEPARATOR_LINES;
    for (let i = 0; i < foot.length; i++) {
      const { n, line } = foot[i]!;
      if (line.length > LEVEL_CHARS || !MAY_HAVE_STAMP.test(foldDiacritics(line))) continue;
      const lv = levelOf(stampWords(line), line);
      if (!lv || !(lv.upper || lv.bracketed) || inEnumeration(line, foot[i - 1]?.line, foot[i + 1]?.line)) continue;
      return {
        level: lv.level, form: 'stamp-line', where: 'text', line: n, excerpt: excerptOf(line),
        reason: `secrecy marking ${lv.level} (stamp-line) on line ${n}, at the foot of a page`,
        message: `Dấu độ mật "${lv.level}" ở dòng ${n} (cuối trang): "${excerptOf(line)}".`,
      };
    }
  }
  return undefined;
}

/** The secrecy level stamped in the header zone of `text`, if any (see {@link findSecrecyMarking}). */
export function detectSecrecyMarking(text: string): SecrecyLevel | undefined {
  return findSecrecyMarking(text)?.level;
}

function fieldHit(field: string, value: string, level: SecrecyLevel, form: SecrecyForm): SecrecyMarking {
  return {
    level, form, where: 'field', field, excerpt: excerptOf(value.trim()),
    reason: `secrecy marking ${level} in record field ${field}`,
    message: `Trường "${field}" của bản ghi ghi độ mật "${excerptOf(value.trim())}".`,
  };
}

function titleHit(title: string, hit: LineHit): SecrecyMarking {
  return {
    ...hit, where: 'title', excerpt: excerptOf(title),
    reason: `secrecy marking ${hit.level} (${hit.form}) in the title`,
    message: `Tiêu đề mang dấu độ mật "${hit.level}": "${excerptOf(title)}".`,
  };
}

/**
 * The secrecy marking of a loaded document of any shape (a file's text, a JSONL record of
 * any kind), or undefined. Reads, in order: record fields named for secrecy, the title
 * (and title-like fields), the header zone of the text, page headers and footers, a stamp
 * alone at the foot of a page, then any field whose whole value is a stamp. A marked document must be kept out of the index.
 */
export function secrecyOf(doc: SecrecyInput): SecrecyMarking | undefined {
  const fields = Object.entries(doc.fields ?? {}).map(([name, value]) => [name, value, fieldKey(name)] as const);
  for (const [name, value, key] of fields) {
    if (!isSecrecyField(key)) continue;
    const level = fieldLevel(value);
    if (level) return fieldHit(name, value, level, 'field');
  }
  const titles = [doc.title, ...fields.filter(([, , key]) => isTitleField(key)).map(([, v]) => v)];
  const ownTitles: string[] = [];
  for (const title of titles) {
    const line = title?.replace(/\s*\n\s*/gu, ' ').trim();
    if (!line) continue;
    ownTitles.push(line);
    if (!MAY_HAVE_STAMP.test(foldDiacritics(line))) continue;
    const hit = lineMarking(line, undefined, undefined, true);
    if (hit) return titleHit(line, hit);
  }
  const inText = findSecrecyMarking(doc.text, ownTitles);
  if (inText) return inText;
  for (const margin of doc.margins ?? []) {
    const hit = findSecrecyMarking(margin) ?? findFootStamp([margin]);
    if (hit) {
      return {
        level: hit.level, form: hit.form, where: 'margin', excerpt: hit.excerpt, reason: `secrecy marking ${hit.level} (${hit.form}) in a page header or footer`,
        message: `Dấu độ mật "${hit.level}" ở đầu trang hoặc chân trang: "${hit.excerpt}".`,
      };
    }
  }
  const atFoot = findFootStamp(doc.pages?.length ? doc.pages : [doc.text]);
  if (atFoot) return atFoot;
  for (const [name, value] of fields) {
    const trimmed = value.length > 2 * LEVEL_CHARS ? '' : value.trim();
    if (!trimmed || trimmed.length > LEVEL_CHARS || trimmed.includes('\n')) continue;
    const lv = levelOf(stampWords(trimmed), trimmed);
    if (lv && (lv.upper || lv.bracketed)) return fieldHit(name, value, lv.level, 'stamp-line');
  }
  return undefined;
}
