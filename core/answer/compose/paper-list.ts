/**
 * A dossier (`Thành phần hồ sơ`) told plainly. The catalogue mixes the papers to hand in
 * (`- Tờ khai …: 1 bản chính, 0 bản sao`) with rules for the desk and the applicant written
 * as papers of no copy (`- Người tiếp nhận có trách nhiệm …: 0 bản chính, 0 bản sao`), and
 * the papers often come last. A citizen wants the papers first, each once, by name and
 * number, under their case (`Trường hợp …:`) when the record has cases; then at most
 * {@link MAX_NOTES} short notes; the rest is left to the cited source.
 *
 * Every line is cut from one line of one cited chunk: a prefix of it (up to a sentence or
 * clause end, `…` where it was cut) and its stated quantity, so its facts stay verbatim.
 */
import cues from '../../../prompts/cues/procedure-fields.vi.json' with { type: 'json' };
import { passageTerms } from '../retrieve/coverage.ts';
import { anyOf } from '../understand/phrase-match.ts';
import { clip, splitSentences } from './sentences.ts';
import type { ChecklistItem } from '../types.ts';
import { MAX_NOTES, MAX_PLAIN_PAPER_LINES, MIN_HEAD_CHARS, NAME_MAX_CHARS, NAME_SLACK_CHARS, SITUATION_MAX_CHARS } from '../tuning.ts';

/**
 * The few labels of a plain papers answer. They belong with the answer texts in
 * prompts/messages.vi.json; kept here until that catalogue takes them.
 */
export const PAPER_LABELS_VI = Object.freeze({
  notes: 'Lưu ý',
  full: 'Danh sách đầy đủ và các lưu ý khác, bạn xem tại văn bản nguồn',
});

/** One line of the papers field and the citation it comes from. */
export interface PaperRow {
  text: string;
  n: number;
}

/** Papers under one caption (`Trường hợp …:`, `* Giấy tờ phải xuất trình:`), or none. */
export interface PaperGroup {
  caption?: PaperRow;
  papers: PaperRow[];
}

/** A dossier laid out for a citizen. */
export interface PlainPapers {
  groups: PaperGroup[];
  notes: PaperRow[];
  /** Whether lines of the field were left out (papers over the limit, notes). */
  shortened: boolean;
}

const QUANTITY = /:\s*(\d{1,2}) bản chính, (\d{1,2}) bản sao$/u;
/** A caption over notes ("* Lưu ý:"), not over papers. */
const NOTE_CAPTION = new RegExp(String.raw`^\*?\s*(?:${anyOf(cues.noteCaptions)})(?!\p{L})`, 'iu');
/** A note's own leading label ("Lưu ý: …"), dropped under the list's own. */
const NOTE_LABEL = new RegExp(String.raw`^\*?\s*(?:${anyOf(cues.noteCaptions)})\s*:\s*`, 'iu');

const bare = (text: string): string => text.replace(/^[-+*•]\s*/u, '').trim();
const isCaption = (text: string): boolean => !QUANTITY.test(text) && (/^\*/u.test(text) || /:$/u.test(text));

/** First index from `from`, outside brackets, where `test` holds; -1 when none. */
function topLevel(s: string, test: (i: number) => boolean, from = 0): number {
  let depth = 0;
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i];
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && i >= from && test(i)) return i;
  }
  return -1;
}

/**
 * The head of a long name or note: its first sentence; when that is still longer than
 * {@link NAME_MAX_CHARS}, up to the last clause comma or semicolon that fits, else to a
 * word, with `…`.
 */
export function shortName(text: string, max = NAME_MAX_CHARS): string {
  const first = splitSentences(text)[0];
  let head = (first ? text.slice(first.start, first.end) : text).trim().replace(/[.;,]$/u, '');
  const cutFirst = head.length < text.trim().replace(/[.;,]$/u, '').length;
  if (head.length <= max) return cutFirst ? `${head} …` : head;
  if (max > NAME_MAX_CHARS) return clip(head, max);
  // Clause ends: a comma or semicolon, or the space before a bracket, outside brackets.
  const clauseEnd = (i: number): boolean => /[,;]/u.test(head[i]!) || (head[i] === ' ' && head[i + 1] === '(');
  let cut = -1;
  for (let at = topLevel(head, clauseEnd, MIN_HEAD_CHARS); at >= 0 && at <= NAME_MAX_CHARS + NAME_SLACK_CHARS;) {
    if (at <= NAME_MAX_CHARS || cut < 0) cut = at;
    if (at > NAME_MAX_CHARS) break;
    at = topLevel(head, clauseEnd, at + 1);
  }
  if (cut < 0) cut = Math.max(head.lastIndexOf(' ', NAME_MAX_CHARS), MIN_HEAD_CHARS);
  head = head.slice(0, cut).trim();
  return `${head} …`;
}

/** A trailing bracketed condition of a paper: "(nếu …)", "(… nếu …)", "(trường hợp …)", "(đối với …)". */
const CONDITION = new RegExp(String.raw`\([^()]*(?:${anyOf(cues.paperConditions)})[^()]*\)\s*$`, 'iu');

/** `1 bản chính, 0 bản sao` → `1 bản chính`; both kept when both are stated. */
function quantityOf(originals: string, copies: string): string {
  if (copies === '0') return `${originals} bản chính`;
  if (originals === '0') return `${copies} bản sao`;
  return `${originals} bản chính, ${copies} bản sao`;
}

/** A paper line: its short name and quantity (a longer name when it speaks of the asker's situation). */
function paperLine(text: string, situated: boolean): string {
  const q = QUANTITY.exec(text)!;
  const name = text.slice(0, q.index).replace(/\s*\(mẫu: [^()]*\)$/u, '').trim();
  // A closing condition says when the paper is needed ("(nếu … nộp trực tuyến)"): cutting
  // it would make alternatives read as if both were required, so it is always kept whole,
  // after the name shortened without it (never a cut half of it and then the whole).
  const condition = CONDITION.exec(name)?.[0];
  const body = condition ? name.slice(0, name.length - condition.length).trim() : name;
  const short = condition && body
    ? `${shortName(body, situated ? SITUATION_MAX_CHARS : NAME_MAX_CHARS)} ${condition.trim()}`
    : shortName(name, situated ? SITUATION_MAX_CHARS : NAME_MAX_CHARS);
  return `${short}: ${quantityOf(q[1]!, q[2]!)}`;
}

/** A note line: its first sentence or clause, without the `0 bản chính, 0 bản sao` of the table, nor its own `Lưu ý:` (the list has one). */
function noteLine(text: string, situated: boolean): string {
  const body = text.replace(QUANTITY, '').replace(NOTE_LABEL, '').trim();
  return shortName(body, situated ? SITUATION_MAX_CHARS : NAME_MAX_CHARS);
}

/**
 * A paper's count said plainly: `…: 1 bản chính, 0 bản sao` → `…: 1 bản chính`; a note
 * the catalogue counts `0 bản chính, 0 bản sao` loses the count.
 */
export function plainCount(line: string): string {
  const q = QUANTITY.exec(line);
  if (!q) return line;
  const head = line.slice(0, q.index).trimEnd();
  return q[1] === '0' && q[2] === '0' ? head : `${head}: ${quantityOf(q[1]!, q[2]!)}`;
}

/**
 * Every paper to hand in (a count of at least one original or copy), each once per case,
 * for a printable checklist; the form's file name left out.
 */
export function paperChecklist(rows: readonly PaperRow[]): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  let caption: string | undefined;
  for (const row of rows) {
    const text = bare(row.text);
    if (isCaption(row.text)) {
      caption = NOTE_CAPTION.test(text) ? undefined : text.replace(/\s*:$/u, '').replace(/^\*\s*/u, '');
      continue;
    }
    const q = QUANTITY.exec(text);
    if (!q || (q[1] === '0' && q[2] === '0')) continue;
    const paper = text.slice(0, q.index).replace(/\s*\(mẫu: [^()]*\)$/u, '').trim();
    if (!paper || items.some((i) => i.paper === paper && i.note === caption)) continue;
    items.push({ paper, original: Number(q[1]), copies: Number(q[2]), ...(caption ? { note: caption } : {}) });
  }
  return items;
}

/** How many of the asker's situation words a line holds. */
function sharedWords(text: string, situation: ReadonlySet<string>): number {
  if (situation.size === 0) return 0;
  const terms = passageTerms(text);
  return [...situation].filter((w) => terms.has(w)).length;
}

/**
 * The dossier laid out for a citizen (see the module comment), or undefined when the field
 * lists no paper with a copy to hand in or show (then it is shown as written).
 * `situation`: the question's words that do not name the procedure; notes sharing them come first.
 */
export function plainPapers(rows: readonly PaperRow[], situation: ReadonlySet<string> = new Set()): PlainPapers | undefined {
  const groups: PaperGroup[] = [];
  const notes: Array<PaperRow & { shared: number; order: number }> = [];
  let group: PaperGroup = { papers: [] };
  for (const row of rows) {
    const text = bare(row.text);
    const q = QUANTITY.exec(text);
    if (isCaption(row.text)) {
      if (group.papers.length > 0) groups.push(group);
      group = NOTE_CAPTION.test(text) ? { papers: [] } : { caption: { text: text.replace(/\s*:$/u, ''), n: row.n }, papers: [] };
      continue;
    }
    const shared = sharedWords(text, situation);
    if (q && (q[1] !== '0' || q[2] !== '0')) {
      const line = paperLine(text, shared > 0);
      if (!group.papers.some((p) => p.text === line)) group.papers.push({ text: line, n: row.n });
      continue;
    }
    notes.push({ text: noteLine(text, shared > 0), n: row.n, shared, order: notes.length });
  }
  if (group.papers.length > 0) groups.push(group);
  if (groups.length === 0) return undefined;
  // Papers under no caption (or under the notes caption) are the papers to hand in: first.
  groups.sort((a, b) => Number(a.caption !== undefined) - Number(b.caption !== undefined));
  const kept: PaperGroup[] = [];
  let lines = 0;
  let shortened = false;
  for (const g of groups) {
    const room = MAX_PLAIN_PAPER_LINES - lines - (g.caption ? 1 : 0);
    if (room <= 0) {
      shortened = true;
      break;
    }
    const papers = g.papers.slice(0, room);
    if (papers.length < g.papers.length) shortened = true;
    kept.push({ ...(g.caption ? { caption: g.caption } : {}), papers });
    lines += papers.length + (g.caption ? 1 : 0);
  }
  notes.sort((a, b) => b.shared - a.shared || a.order - b.order);
  const shown = notes.slice(0, MAX_NOTES).sort((a, b) => a.order - b.order).map(({ text, n }) => ({ text, n }));
  if (notes.length > shown.length) shortened = true;
  return { groups: kept, notes: shown, shortened };
}
