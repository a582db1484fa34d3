/**
 * Reads PDF-extracted text into classified lines: text, paragraph breaks, the footnote rule
 * (a long run of spaces that stands for the short line above footnotes), and page starts.
 * Two layouts are recognised: "double-spaced" extraction where every text line is followed
 * by an empty line (a line directly after another then marks a page start), and ordinary
 * single-spaced text where an empty line is a paragraph break.
 *
 * Loaders normalise text before it gets here, and normalising trims trailing spaces: the
 * rule and the one-space spacer lines of a double-spaced extraction then arrive as empty
 * lines. In a double-spaced text a run of two or more empty lines is therefore a `break`
 * marked `gap`: a place where something other than a wrapped line stood (a rule, spacing
 * before a signature or a table cell). Whether a gap opens footnotes is decided by what
 * follows it (pdf-text.ts).
 */
import { normalizeText } from '../text/normalize.ts';

export type RawLineKind = 'text' | 'break' | 'rule';

export interface RawLine {
  kind: RawLineKind;
  /** Normalised, trimmed text ('' for breaks and rules). */
  text: string;
  /** 1-based page when pages are known or detected, else 1. */
  page: number;
  /** True for the first text line of a page after the first page. */
  pageStart: boolean;
  /** On a `break` of a double-spaced text: it stands for two or more empty or blank lines. */
  gap?: boolean;
}

/** A whitespace-only line at least this long is the footnote separator rule. */
const RULE_MIN_SPACES = 40;

/** Split extracted text (or given pages) into classified lines. */
export function readPdfLines(text: string, pages?: string[]): { lines: RawLine[]; pagesKnown: boolean } {
  const sources = pages ?? [text];
  const all = sources.map((p) => p.replace(/\r\n?/g, '\n').split('\n'));
  const double = isDoubleSpaced(all.flat());
  const out: RawLine[] = [];
  let page = 1;
  let detectedBreaks = 0;
  all.forEach((rawLines, pageIndex) => {
    if (pages) page = pageIndex + 1;
    let prevWasText = false;
    let firstOnPage = pageIndex > 0;
    let empties = 0;
    const flushGap = (): void => {
      if (double && empties >= 2 && out[out.length - 1]?.kind === 'text') out.push({ kind: 'break', text: '', page, pageStart: false, gap: true });
      empties = 0;
    };
    for (const raw of rawLines) {
      if (raw === '') {
        if (!double) out.push({ kind: 'break', text: '', page, pageStart: false });
        empties += 1;
        prevWasText = false;
        continue;
      }
      if (raw.trim() === '') {
        if (raw.length >= RULE_MIN_SPACES) {
          empties = 0;
          out.push({ kind: 'rule', text: '', page, pageStart: false });
        } else if (double) {
          empties += 2;
        } else {
          out.push({ kind: 'break', text: '', page, pageStart: false });
        }
        prevWasText = false;
        continue;
      }
      flushGap();
      let pageStart = false;
      if (pages) {
        pageStart = firstOnPage;
        firstOnPage = false;
      } else if (double && prevWasText && /^\s/.test(raw)) {
        page += 1;
        detectedBreaks += 1;
        pageStart = true;
      }
      const text = cleanLine(raw);
      if (!text) continue;
      out.push({ kind: 'text', text, page, pageStart });
      prevWasText = true;
    }
  });
  return { lines: out, pagesKnown: pages !== undefined || detectedBreaks > 0 };
}

/** Most text lines followed by exactly one empty line: the extractor doubled every newline. */
function isDoubleSpaced(lines: string[]): boolean {
  let text = 0;
  let followedByEmpty = 0;
  let long = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if ((lines[i] ?? '').trim() === '') continue;
    text += 1;
    if ((lines[i] ?? '').length > 170) long += 1;
    if (lines[i + 1] === '' && (lines[i + 2] ?? 'x') !== '') followedByEmpty += 1;
  }
  // Markdown also separates paragraphs by one empty line, but its lines are not hard-wrapped.
  return text >= 8 && followedByEmpty / text > 0.6 && long / text < 0.1;
}

/** NFC and spacing, plus Markdown emphasis and heading hashes from Markdown-ish exports. */
function cleanLine(raw: string): string {
  return normalizeText(raw)
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/[ ]{2,}/g, ' ')
    .trim();
}

/** A line holding only a page number (`5`, `- 5 -`, `Trang 5`, `5/12`). */
export function isPageNumberLine(line: string): boolean {
  return /^(?:-\s*)?\d{1,3}(?:\s*-)?$/.test(line) || /^(?:Trang|trang)\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/.test(line)
    || /^\d{1,3}\s*\/\s*\d{1,3}$/.test(line);
}

/**
 * Lines repeated at the top or bottom of at least three pages (digits ignored, so
 * `Trang 3` and `Trang 4` count as one): running headers and footers.
 */
export function findRunningLines(lines: RawLine[]): Set<string> {
  const byPage = new Map<number, string[]>();
  for (const l of lines) {
    if (l.kind !== 'text') continue;
    const list = byPage.get(l.page) ?? [];
    list.push(l.text);
    byPage.set(l.page, list);
  }
  if (byPage.size < 3) return new Set();
  const counts = new Map<string, number>();
  for (const list of byPage.values()) {
    const edges = new Set([list[0], list[1], list[list.length - 1], list[list.length - 2]].filter((x): x is string => x !== undefined).map(runningKey));
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(byPage.size / 2));
  return new Set([...counts].filter(([key, n]) => n >= threshold && key.length <= 120 && key.length >= 3).map(([key]) => key));
}

/** The comparison key of a possible running header: digits folded, spaces squeezed. */
export function runningKey(line: string): string {
  return line.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}
