/**
 * When a question says it is asked or meant for ("hiện nay", "bây giờ", "đầu năm 2027",
 * "vào tháng 2/2027"): those words name no subject, so they are left out of what the
 * question is about; and a date they name is the day whose fee applies ("Đầu năm 2027 đổi
 * thẻ căn cước hết bao nhiêu?" is read on 01/01/2027, after a reduction ending 31/12/2026).
 * A bare "năm 2015" may name a law ("Bộ luật dân sự năm 2015"), so without a when-word a
 * year counts only from the year asked on. The words are in prompts/cues/question.vi.json.
 */
import cues from '../../../prompts/cues/question.vi.json' with { type: 'json' };
import { toIsoDate } from '../../structure/vietnamese-date.ts';
import { createPhraseMatcher, foldedWords } from './phrase-match.ts';
import type { QuestionAnalysis } from './question.ts';

const NOW = createPhraseMatcher(cues.nowWords.map((phrase) => ({ phrase, value: true })));
const WHEN = createPhraseMatcher(cues.whenWords.map((phrase) => ({ phrase, value: phrase })));
const YEAR_WORD = foldedWords(['năm']);
const MONTH_WORD = foldedWords(['tháng']);
const YEAR = /^(?:19|20)\d{2}$/u;
const MONTH_YEAR = /^(\d{1,2})\/((?:19|20)\d{2})$/u;

/** What a question says of when it is asked. */
export interface AskedPeriod {
  /** Positions (into the question's tokens) of the words that say when. */
  tokens: ReadonlySet<number>;
  /** The first day of the period it names (ISO), when it names a date. */
  from?: string;
}

/** The day a when-phrase and the date after it (at token `at`) name, with the tokens the date takes. */
function dateAt(q: QuestionAnalysis, at: number, phrase: string): { from: string; end: number } | undefined {
  const t = q.tokens[at]?.folded ?? '';
  const monthYear = MONTH_YEAR.exec(t);
  if (monthYear) {
    const iso = toIsoDate(1, Number(monthYear[1]), Number(monthYear[2]));
    return iso ? { from: iso, end: at + 1 } : undefined;
  }
  // "tháng 2 năm 2027"
  if (/^\d{1,2}$/u.test(t) && YEAR_WORD.has(q.tokens[at + 1]?.folded ?? '') && YEAR.test(q.tokens[at + 2]?.folded ?? '')) {
    const iso = toIsoDate(1, Number(t), Number(q.tokens[at + 2]!.folded));
    return iso ? { from: iso, end: at + 3 } : undefined;
  }
  if (YEAR.test(t)) {
    const month = /giữa/u.test(phrase) ? 7 : /cuối/u.test(phrase) ? 12 : 1;
    return { from: toIsoDate(1, month, Number(t))!, end: at + 1 };
  }
  return undefined;
}

/** See the module comment; `asOf` is the day asked (ISO). */
export function askedPeriod(q: QuestionAnalysis, asOf: string): AskedPeriod {
  const tokens = new Set<number>();
  let from: string | undefined;
  const take = (start: number, end: number): void => {
    for (let i = start; i < end; i += 1) tokens.add(i);
  };
  for (const m of NOW.match(q.tokens)) take(m.start, m.end);
  for (const m of WHEN.match(q.tokens)) {
    take(m.start, m.end);
    const date = dateAt(q, m.end, m.phrase);
    if (date) {
      take(m.end, date.end);
      from ??= date.from;
    }
  }
  // "năm 2027", "tháng 2/2027" without a when-word: only a date from the year asked on.
  const year = Number(asOf.slice(0, 4));
  q.tokens.forEach((tok, i) => {
    if (tokens.has(i) || !(YEAR_WORD.has(tok.folded) || MONTH_WORD.has(tok.folded))) return;
    const date = dateAt(q, i + 1, tok.token);
    if (date && Number(date.from.slice(0, 4)) >= year) {
      take(i, date.end);
      from ??= date.from;
    }
  });
  return from ? { tokens, from } : { tokens };
}

/** The question without its when-words (see {@link askedPeriod}): they are not what it asks about. */
export function withoutPeriod(q: QuestionAnalysis, period: AskedPeriod): QuestionAnalysis {
  if (period.tokens.size === 0) return q;
  return {
    ...q,
    content: q.content.filter((i) => !period.tokens.has(i)),
    terms: q.terms.filter((t) => ![...Array(t.end - t.start).keys()].some((k) => period.tokens.has(t.start + k))),
  };
}
