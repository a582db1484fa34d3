/**
 * Rejoining hard-wrapped lines of an extraction into paragraphs, one per output line:
 * headings, list items and the header lines of an official document stay on lines of their
 * own; a sentence broken at a line end or a page break is joined again.
 */
import { endsWithConnective, isAllCaps, matchLineMarker } from './markers.ts';
import type { RawLine } from './pdf-lines.ts';

const TYPE_HEADING = /^(?:BÁO CÁO|THÔNG BÁO|KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|NGHỊ ĐỊNH|THÔNG TƯ|CHỈ THỊ|TỜ TRÌNH|CÔNG VĂN|CHƯƠNG TRÌNH|HƯỚNG DẪN|PHỤ LỤC|LUẬT|BỘ LUẬT|ĐỀ ÁN|QUY CHẾ|QUY ĐỊNH)(?=\s|$|[:.,])/u;
/** A line ending like the end of a sentence (or of a list item). */
export const TERMINAL = /(?:[.!?;:…]|\.\/\.|[.!?]["”)])$/u;
const ABBREVIATION_END = /(?:^|[\s(])(?:TP|Tp|TT|KT|TL|TM|Q|P|ThS|TS|PGS|GS|St|Th|v\.v)\.$/u;

/** One rejoined paragraph. */
export interface Paragraph {
  text: string;
  page: number;
  /** The paragraph opened with a section marker (not a bullet) or is in capitals. */
  heading: boolean;
  /** The paragraph is a bullet or `(1)` item. */
  item: boolean;
  title: boolean;
  /** The last source line joined into the paragraph. */
  lastLine: string;
}

/** A wrapped line is "full" when it is at most this many characters short of the wrap width. */
const FULL_SLACK = 8;
const HEADING_SLACK = 3;

/**
 * The width a hard-wrapped extraction was wrapped at: the 90th percentile of line lengths,
 * when at least a third of the lines reach it (within FULL_SLACK). Text whose lines are
 * whole paragraphs (DOCX, Markdown) has no such width.
 */
export function wrapWidth(lines: string[]): number | undefined {
  const lengths = lines.map((l) => l.length).filter((n) => n >= 20).sort((a, b) => a - b);
  if (lengths.length < 12) return undefined;
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const full = lengths.filter((n) => n >= width - FULL_SLACK).length;
  return full / lengths.length >= 0.35 ? width : undefined;
}

/**
 * Rejoin text lines into paragraphs; breaks and rules only separate. `width` is the wrap
 * width of the whole extraction when the caller knows it (else measured on `lines`).
 */
export function joinParagraphs(lines: RawLine[], opts: { width?: number | undefined } = {}): Paragraph[] {
  const width = 'width' in opts ? opts.width : wrapWidth(lines.filter((l) => l.kind === 'text').map((l) => l.text));
  const paras: Paragraph[] = [];
  let cur: Paragraph | undefined;
  let hadBreak = false;
  let titleNext = false;
  for (const line of lines) {
    if (line.kind !== 'text') {
      hadBreak = cur !== undefined;
      continue;
    }
    const next = line.text;
    const decision = cur ? decide(cur, next, hadBreak, width) : 'split';
    if (cur && decision !== 'split') {
      cur.text = decision === 'glue' ? cur.text + next : `${cur.text} ${next}`;
      cur.lastLine = next;
    } else {
      if (cur) {
        titleNext = isAllCaps(cur.text) && TYPE_HEADING.test(cur.text);
        paras.push(cur);
      }
      const caps = isAllCaps(next);
      const kind = matchLineMarker(next)?.kind;
      const heading = caps || (kind !== undefined && kind !== 'bullet' && kind !== 'paren');
      cur = { text: next, page: line.page, heading, item: kind === 'bullet' || kind === 'paren', title: titleNext && !caps, lastLine: next };
      titleNext = false;
    }
    hadBreak = false;
  }
  if (cur) paras.push(cur);
  return paras;
}

/** "<Place>, ngày dd tháng mm năm yyyy" on a line of its own. */
const PLACE_DATE = /^[\p{Lu}][\p{L} .-]{1,40}, ngày[\s\d.]*tháng[\s\d.]*năm\s+\d{4}\s*$/u;
/** Lines of the header and signature blocks that always stand alone. */
const STANDALONE_PREV = /^(?:Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc|\(?\s*(?:Đã ký|Ký)(?![\p{L}])[^)]*\)?)$/u;

/**
 * Whether `next` continues paragraph `cur`: the heart of rejoining hard-wrapped lines.
 * With a known wrap `width`, a full last line means the paragraph goes on (a sentence end
 * or a semicolon that happens to fall at the line end does not end it), and a short one
 * ends a heading.
 */
function decide(cur: Paragraph, next: string, hadBreak: boolean, width: number | undefined): 'join' | 'glue' | 'split' {
  const prev = cur.text;
  const prevCaps = isAllCaps(prev) && !/[,&]$/.test(prev);
  if (/[\p{L}\d][-/]$/u.test(prev) && /^[\p{L}\d]/u.test(next) && !prevCaps && !hadBreak) return 'glue';
  if (prevCaps || isAllCaps(next)) return 'split';
  if (/^Nơi nhận\b/u.test(next) || /^(?:KT|TM|TL|TUQ|Q)\.\s/u.test(next) || STANDALONE_PREV.test(prev)) return 'split';
  if (/^Nơi nhận\b/u.test(prev) && /^[-+•]/u.test(next)) return 'split';
  if (/^(?:Kính gửi|Căn cứ)(?![\p{L}])/u.test(next) && !endsWithConnective(prev)) return 'split';
  // Header lines of an official document stand alone: "Số: 114/TB-SKHCN" and the
  // place-date line ("Quảng Ngãi, ngày 04 tháng 6 năm 2026").
  if (/^Số\s*:/u.test(prev) || /^Số\s*:/u.test(next) || PLACE_DATE.test(next) || PLACE_DATE.test(prev)) return 'split';
  const terminal = TERMINAL.test(prev) && !ABBREVIATION_END.test(prev);
  const connective = endsWithConnective(prev);
  const startsLower = /^\p{Ll}/u.test(next);
  const marker = matchLineMarker(next);
  if (marker) {
    // A dash inside an open parenthesis is a hyphen at a line start, never a new item.
    if (marker.kind === 'bullet' && (prev.match(/\(/gu)?.length ?? 0) > (prev.match(/\)/gu)?.length ?? 0)) return 'join';
    if (marker.kind === 'bullet' || marker.kind === 'paren') {
      if (connective && !cur.heading) return 'join';
      return terminal || cur.heading || cur.title || cur.item ? 'split' : 'join';
    }
    if (connective && !cur.heading) return 'join';
    return 'split';
  }
  if (hadBreak) return startsLower && !terminal ? 'join' : 'split';
  if (cur.title) return !startsLower && !connective ? 'split' : 'join';
  // A heading is set in bold: its last line must reach the very margin to count as full.
  if (width !== undefined && cur.lastLine.length >= width - (cur.heading ? HEADING_SLACK : FULL_SLACK)) return 'join';
  // "… trong lĩnh vực này" can end a heading: a demonstrative is no reason to go on there.
  const headingGoesOn = connective && !(width !== undefined && /\s(?:này|đó)$/u.test(prev));
  if (cur.heading && (width !== undefined || prev.length <= 160)) return !startsLower && !headingGoesOn ? 'split' : 'join';
  if (terminal && !startsLower) return 'split';
  // A line stopping well short of the margin ended its paragraph, unless the sentence plainly goes on.
  if (width !== undefined && cur.lastLine.length < width * 0.6 && !connective && /^\p{Lu}/u.test(next)) return 'split';
  return 'join';
}
