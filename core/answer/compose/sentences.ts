/**
 * Sentence spans of a passage, for picking what to quote: a line break ends a sentence, and
 * so does `.`, `!`, `?` or `…` before a capital, digit, bullet or opening quote — but not
 * after a known abbreviation (`TP.`), an initial, or inside a number (`1.750.187`).
 */
import { CLIP_MIN_CLAUSE_SHARE } from '../tuning.ts';

/** A sentence as offsets into the passage (trimmed, never empty). */
export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(['TP', 'Tp', 'TS', 'ThS', 'PGS', 'GS', 'BS', 'KS', 'CN', 'St', 'Q', 'P', 'KT', 'TL', 'TM', 'Th', 'v.v', 'Tr', 'tr', 'No']);
const END = /[.!?…]["”)]?[ \t]+(?=[\p{Lu}\d"“(\-+•*])/gu;

/** Split a passage into trimmed sentence spans, in order. */
export function splitSentences(text: string): SentenceSpan[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(/\n+/g)) cuts.push((m.index ?? 0) + m[0].length);
  for (const m of text.matchAll(END)) {
    const at = m.index ?? 0;
    const before = /(\S+)$/u.exec(text.slice(Math.max(0, at - 12), at))?.[1] ?? '';
    if (text[at] === '.' && (ABBREVIATIONS.has(before) || /^\p{Lu}$/u.test(before))) continue;
    cuts.push(at + m[0].length);
  }
  cuts.sort((a, b) => a - b);
  const spans: SentenceSpan[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut <= from) continue;
    let s = from;
    let e = cut;
    while (s < e && /\s/u.test(text[s]!)) s += 1;
    while (e > s && /\s/u.test(text[e - 1]!)) e -= 1;
    if (e > s) spans.push({ start: s, end: e });
    from = cut;
  }
  return spans;
}

/**
 * Cut `text` to at most `max` characters at the last clause boundary (`;`, `,`, `:`) or
 * space, marking the cut with `…`. Never splits a word or a number.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const clause = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', '), head.lastIndexOf(': '));
  const cut = clause > max * CLIP_MIN_CLAUSE_SHARE ? clause : head.lastIndexOf(' ');
  return `${text.slice(0, cut > 0 ? cut : max).trimEnd()} …`;
}
