/**
 * The lines of a procedure field shown as a list (papers, steps, agencies …): one per
 * line of the field, or per sentence when it is one line; captions kept as plain lines;
 * counts said plainly; a long papers list cut to its captions and papers first.
 */
import { plainCount } from './paper-list.ts';
import { clip, splitSentences } from './sentences.ts';
import { LINE_MAX_CHARS } from '../tuning.ts';

/** One line of a field and the citation it comes from. */
export interface Row {
  text: string;
  n: number;
}

const isCaption = (text: string): boolean => /^\*/u.test(text) || /:$/u.test(text);
/** A paper to hand in: at least one original or copy. */
const isPaper = (text: string): boolean => /[1-9]\d* bản (?:chính|sao)/u.test(text);

/**
 * The lines of a long papers list worth showing, in their order: captions, papers to hand
 * in and the first line under each caption first; other lines (notes) while room is left.
 */
export function keptPapers(rows: readonly Row[], max: number): Row[] {
  if (rows.length <= max) return [...rows];
  const keep = new Set<number>();
  let groupStart = true;
  rows.forEach((r, i) => {
    const caption = isCaption(r.text);
    if (caption || isPaper(r.text) || groupStart) keep.add(i);
    groupStart = caption;
  });
  for (let i = 0; i < rows.length && keep.size < max; i += 1) keep.add(i);
  return rows.filter((_, i) => keep.has(i)).slice(0, max);
}

/**
 * A caption (`* Giấy tờ phải nộp:`) stays a plain line; anything else becomes a list item,
 * its count said plainly (`1 bản chính`, never `0 bản sao` or `0 bản chính, 0 bản sao`).
 */
export function asLine(text: string): string {
  const bare = plainCount(text.replace(/^[-+*•]\s*/u, ''));
  return /^\*/u.test(text) || /:$/u.test(text) ? bare : `- ${bare}`;
}

/** Lines of a field: its own lines, or its sentences when it is one line. */
export function fieldLines(field: string, firstSentenceOnly: boolean): string[] {
  const lines = field.split('\n').map((l) => l.trim()).filter(Boolean);
  const pieces = lines.length === 1 && !firstSentenceOnly
    ? splitSentences(lines[0]!).map((s) => lines[0]!.slice(s.start, s.end))
    : lines.map((l) => {
      if (!firstSentenceOnly) return l;
      const first = splitSentences(l)[0];
      return first ? l.slice(first.start, first.end) : l;
    });
  return pieces.map((p) => clip(p, LINE_MAX_CHARS));
}
