/**
 * Which sentences of a passage a draft may quote: whole sentences only — ending in a full
 * stop (or `;` for a list item), never in ":" (a sentence that announces a list is not a
 * fact, unless quoted with the items of its list), never beginning mid-sentence, never a heading — and never a footnote spliced into
 * the text by a PDF extraction ("ưu tiên xét duyệt các 1 Về việc báo cáo …"). A footnote
 * marker glued to a word ("điện tử3.") is dropped from the quote. Cue words are data in
 * prompts/drafting/facts.vi.json.
 */
import factCues from '../../prompts/drafting/facts.vi.json' with { type: 'json' };
import { splitSentences } from '../answer/compose/sentences.ts';
import { foldDiacritics } from '../text/fold.ts';
import { MAX_LIST_CHARS, MAX_SENTENCE_CHARS, MIN_SENTENCE_CHARS } from './tuning.ts';

const fold = (s: string) => foldDiacritics(s.normalize('NFC').toLowerCase());
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');

/** A list marker at the start of a line: "- ", "+ ", "• ", "a) ", "1. ", "2) ". */
const LIST_MARKER = /^(?:[-–+•*]+|\d{1,2}[.)]|[a-zđ]\))\s+/u;
/** A word, a lone number of 1–2 digits, then a footnote's first words: "các 1 Về việc", "Long 1 Về hướng dẫn". */
const SPLICED_NOTE = new RegExp(String.raw`(\S+)\s+\d{1,2}\s+((?:${alternation(factCues.footnoteStarts.map((w) => w.normalize('NFC')))})(?![\p{L}\d]))`, 'giu');
/** Words after which a number belongs to the sentence ("khoản 2 Điều 3", "tháng 3"), folded; for two-word entries their last word. */
const NUMBERED = new Set(factCues.numberedWords.map((w) => fold(w).split(' ').pop()!));
/** A footnote marker glued to the end of a word with a diacritic or of four letters or more ("Ngãi4", "tử3", "khác12"), before punctuation or a space. */
const GLUED_MARKER = /(?<=(?:[\p{L}]*[^\p{ASCII}\d\s\p{P}][\p{L}]*|[a-zA-Z]{4,}))\d{1,2}(?=[\s,.;:)]|$)/gu;
/** A date whose year carries a glued marker: "21/11/20251". */
const GLUED_DATE_MARKER = /(\b\d{1,2}\/\d{1,2}\/\d{4})\d{1,2}\b/gu;
/** The first words of a closing formula ("Trên đây là báo cáo …", "Nay thông báo …"), folded. */
const CLOSING = new RegExp(`^(?:${factCues.closingCues.map(fold).sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\d])`, 'u');
/** How a whole sentence ends: a full stop, "!", "?", "…" or a list item's ";", possibly before a closing quote or bracket. */
const WHOLE_END = /[.!?…;]["”’)]*$/u;

/** Whether the text carries a footnote spliced into it: a lone small number, not after "khoản", "tháng"…, before a capitalised footnote opening. */
export function hasSplicedFootnote(text: string): boolean {
  for (const m of text.normalize('NFC').matchAll(SPLICED_NOTE)) {
    const before = fold(m[1]!).replace(/[^\p{L}\d]/gu, '');
    if (!NUMBERED.has(before) && /^\p{Lu}/u.test(m[2]!)) return true;
  }
  return false;
}

/** The sentence without glued footnote markers ("điện tử3." → "điện tử."). */
export function dropGluedMarkers(sentence: string): string {
  return sentence.replace(GLUED_DATE_MARKER, '$1').replace(GLUED_MARKER, '');
}

/** Why a sentence may not be quoted, or undefined when it may. */
export function unquotable(sentence: string): string | undefined {
  if (sentence.length < MIN_SENTENCE_CHARS) return 'short';
  if (sentence.length > MAX_SENTENCE_CHARS) return 'long';
  if (/:["”’)]*$/u.test(sentence)) return 'announces-list';
  if (!WHOLE_END.test(sentence)) return 'cut';
  if (!/^["“(]?[\p{Lu}\d]/u.test(sentence)) return 'starts-mid-sentence';
  if (hasSplicedFootnote(sentence)) return 'spliced-footnote';
  // "./." closes a document's last sentence, a formula ("… thông báo để các cơ quan biết, thực hiện./.").
  if (CLOSING.test(fold(sentence)) || /\.\/\.$/u.test(sentence)) return 'closing-formula';
  return undefined;
}

/** The clauses of a sentence announcing a list that come before its last ";", when they can be quoted on their own. */
function leadingClauses(sentence: string): string | undefined {
  const cut = sentence.lastIndexOf(';');
  if (cut < 0) return undefined;
  const clauses = `${sentence.slice(0, cut).trimEnd()};`;
  return unquotable(clauses) ? undefined : clauses.replace(/\s*;$/u, '');
}

/**
 * The items of the list that follows a sentence announcing it, each whole (ending in ";" or
 * "."), when the passage holds the whole list: it ends before the passage does, on an item
 * ending in "." or on a line that is not an item. Undefined for fewer than two items.
 */
function listAfter(passage: string, rest: ReadonlyArray<{ start: number; end: number }>): string[] | undefined {
  const items: string[] = [];
  let closed = false;
  for (const span of rest) {
    const raw = passage.slice(span.start, span.end).replace(/\s+/gu, ' ').trim();
    if (!LIST_MARKER.test(raw)) {
      closed = true;
      break;
    }
    const item = dropGluedMarkers(raw.replace(LIST_MARKER, ''));
    if (!/[;.]$/u.test(item) || hasSplicedFootnote(item) || !/^["“(]?[\p{Lu}\d]/u.test(item)) return undefined;
    items.push(item);
    if (item.endsWith('.')) {
      closed = true;
      break;
    }
  }
  return closed && items.length >= 2 ? items : undefined;
}

/**
 * The whole clauses of a sentence too long to quote, or begun before its passage (`cutStart`):
 * split at ";", a clause that begins like a sentence (capital or figure) is quoted alone; one
 * that does not ("…; xây dựng cơ sở dữ liệu 4D …") is quoted with the clauses before it, from
 * the sentence's start, when that fits. The ";" that closes a clause is dropped.
 */
export function clauseUnits(sentence: string, opts: { cutStart?: boolean }): Array<{ text: string }> {
  const clauses = sentence.split(/(?<=;)\s+/u);
  if (clauses.length < 2) return [];
  const out: Array<{ text: string }> = [];
  const startsWhole = !opts.cutStart && /^["“(]?[\p{Lu}\d]/u.test(clauses[0]!);
  for (let i = opts.cutStart ? 1 : 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    const alone = /^["“(]?[\p{Lu}\d]/u.test(clause) ? clause : startsWhole ? clauses.slice(0, i + 1).join(' ') : undefined;
    if (alone && !unquotable(alone)) out.push({ text: alone.replace(/\s*;$/u, '') });
  }
  return out;
}

/** A quotable sentence and where it sits in its passage. */
export interface QuotableSentence {
  /** A sentence that announces a list, followed by the list's items, when `lead` is set. */
  lead?: string;
  /** The whole sentence, when `text` is only what follows its heading-like lead (a sentence too long to quote whole). */
  about?: string;
  text: string;
  /** 0-based position among the passage's sentences. */
  index: number;
  /** 0-based paragraph of the passage (lines apart) the sentence is in. */
  paragraph: number;
}

/**
 * The sentences of `passage` a draft may quote, list markers and glued footnote markers
 * removed, a list item's closing ";" dropped. `continues`: the
 * passage begins inside a paragraph begun before it, so its first sentence is cut.
 */
export function quotableSentences(passage: string, opts: { continues?: boolean } = {}): QuotableSentence[] {
  const out: QuotableSentence[] = [];
  const spans = splitSentences(passage);
  const breaks = [...passage.matchAll(/\n+/gu)].map((m) => m.index ?? 0);
  spans.forEach((span, index) => {
    const paragraph = breaks.filter((b) => b < span.start).length;
    const text = dropGluedMarkers(passage.slice(span.start, span.end).replace(/\s+/gu, ' ').trim().replace(LIST_MARKER, ''));
    if (index === 0 && opts.continues) {
      // Begun in the passage before: its start is cut, but the clauses after its first ";" are whole.
      for (const c of clauseUnits(text, { cutStart: true })) out.push({ ...c, index, paragraph });
      return;
    }
    const why = unquotable(text);
    if (why === 'announces-list') {
      const items = listAfter(passage, spans.slice(index + 1));
      if (items && text.length + items.join(' ').length < MAX_LIST_CHARS) {
        out.push({ text: `${text} ${items.join(' ').replace(/\s*;$/u, '')}`, index, paragraph, lead: text });
        return;
      }
      // "Thực hiện Công văn số 1125/UBND-KTTH …; Sở Khoa học và Công nghệ báo cáo như sau:": the clauses before
      // the last ";" are whole, like list items; only the one announcing what follows is not a fact.
      const clause = leadingClauses(text);
      if (clause) out.push({ text: clause, index, paragraph });
      return;
    }
    if (why === 'long') {
      // "(6) Triển khai … Kế hoạch …: Đến cuối năm 2025, … đã hỗ trợ 61 lượt doanh nghiệp …": what follows a
      // heading-like lead is a whole sentence of its own; the lead still says what it is about.
      const tail = /:\s+(?=\p{Lu})/u.exec(text);
      const rest = tail ? text.slice(tail.index + tail[0].length) : '';
      if (rest && !unquotable(rest)) {
        out.push({ text: rest.replace(/\s*;$/u, ''), index, paragraph, about: text });
        return;
      }
      // A run of results joined by ";" ("Tổ chức 02 khóa …; Tổ chức Ngày hội … với sự tham gia hơn 40 nhà khoa học; …"):
      // each clause is a fact of its own, read with the lead that says what the run is about.
      const lead = tail ? text.slice(0, tail.index + 1) : undefined;
      for (const c of clauseUnits(rest || text, {})) out.push({ ...c, index, paragraph, ...(lead ? { about: `${lead} ${c.text}` } : {}) });
      return;
    }
    if (why) return;
    out.push({ text: text.replace(/\s*;$/u, ''), index, paragraph });
  });
  return out;
}
