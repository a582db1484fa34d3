/**
 * The answer-quality datasets (procedure questions as citizens type them, and questions
 * no indexed document answers): their record types, loaders, and the one normal form in
 * which an expected fact is looked for, in a source record or in an answer.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '../../core/text/normalize.ts';
import { canonicalTone } from '../../core/text/tone.ts';

export const PROCEDURE_QUESTIONS_PATH = fileURLToPath(new URL('./procedure-questions.jsonl', import.meta.url));
export const UNANSWERABLE_PATH = fileURLToPath(new URL('./unanswerable.jsonl', import.meta.url));
/**
 * The first held-out citizens' procedure questions (issue 14): plain everyday wording on procedures
 * the development set does not ask about, scored by `npm run eval -- answers --set fresh`; their
 * failures have since been read, so they are development data now. Same format and checks as the
 * development set.
 */
export const PROCEDURE_FRESH_PATH = fileURLToPath(new URL('./procedure-fresh.jsonl', import.meta.url));
/**
 * A second batch of held-out citizens' procedure questions, written and scored before the first
 * batch's failures were read (`npm run eval -- answers --set fresh2`); only scored, never read.
 */
export const PROCEDURE_FRESH2_PATH = fileURLToPath(new URL('./procedure-fresh2.jsonl', import.meta.url));
/**
 * A third batch of citizens' procedure questions, written before the second batch's failures
 * were read, on procedures no other procedure or trap set asks about
 * (`npm run eval -- answers --set fresh3`); first only scored, its failures read since (issue 14,
 * round 7), so development data now.
 */
export const PROCEDURE_FRESH3_PATH = fileURLToPath(new URL('./procedure-fresh3.jsonl', import.meta.url));
/**
 * A fourth batch of held-out citizens' procedure questions, written before the third batch's
 * failures were read, on procedures no other procedure or trap set asks about
 * (`npm run eval -- answers --set fresh4`); only scored, never read.
 */
export const PROCEDURE_FRESH4_PATH = fileURLToPath(new URL('./procedure-fresh4.jsonl', import.meta.url));

/** What a procedure question asks for (a subset of core's ProcedureIntent). */
export const QUESTION_INTENTS = ['papers', 'fee', 'time', 'place', 'steps', 'conditions', 'legal_basis', 'result', 'overview'] as const;
export type QuestionIntent = (typeof QUESTION_INTENTS)[number];

export interface ProcedureQuestion {
  qid: string;
  text: string;
  /** TTHC codes (`ma_thu_tuc`) any of which correctly answers the question. */
  gold_codes: string[];
  intent: QuestionIntent;
  /** Short strings a correct answer must contain, checked against the gold records. */
  expected_facts: string[];
  /** The question this one follows up, asked earlier in the same conversation. */
  follow_up_of?: string;
  note?: string;
}

export interface UnanswerableQuestion {
  qid: string;
  text: string;
  note: string;
}

/** Parse a JSONL file: one JSON value per non-empty line; a bad line throws with its number. */
export function parseJsonl<T>(text: string, source: string): T[] {
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (err) {
      throw new Error(`${source}:${i + 1}: invalid JSON (${(err as Error).message})`, { cause: err });
    }
  });
  return out;
}

export async function loadProcedureQuestions(path = PROCEDURE_QUESTIONS_PATH): Promise<ProcedureQuestion[]> {
  return parseJsonl<ProcedureQuestion>(await readFile(path, 'utf8'), path);
}

export async function loadUnanswerable(path = UNANSWERABLE_PATH): Promise<UnanswerableQuestion[]> {
  return parseJsonl<UnanswerableQuestion>(await readFile(path, 'utf8'), path);
}

const WHITESPACE = /\s+/gu;
/** A `.` or `,` between a digit and exactly three digits: `20.000`, `1,200,000`, not `1.000894` or `2,5`. */
const THOUSANDS = /(?<=\d)[.,](?=\d{3}(?!\d))/gu;
/** Leading zeros of a number (`03 ngày`, `07/6`), but not inside one (`1.05`, `2,05`). */
const LEADING_ZEROS = /(?<![\d.,])0+(?=\d)/gu;

/**
 * The matching form of a text: NFC with look-alikes repaired, canonical tone placement
 * (`Uỷ` = `Ủy`), lower case, whitespace collapsed, thousand separators dropped
 * (`20.000` = `20,000` = `20000`) and leading zeros dropped (`03 ngày` = `3 ngày`).
 * Diacritics are kept: `phí` and `phi` stay different.
 */
export function normalizeForMatch(text: string): string {
  return canonicalTone(normalizeText(text))
    .toLowerCase()
    .replace(WHITESPACE, ' ')
    .replace(THOUSANDS, '')
    .replace(LEADING_ZEROS, '')
    .trim();
}

/**
 * Whether `haystack` contains `fact`, both in {@link normalizeForMatch} form. A fact whose
 * first or last word is a number must not continue a longer number there (`20000` is not
 * in `120000`); a document number such as `52/2014/QH13` may touch other text, as catalog
 * tables often glue cells together.
 */
export function containsFact(haystack: string, fact: string, prenormalized = false): boolean {
  const h = prenormalized ? haystack : normalizeForMatch(haystack);
  const f = normalizeForMatch(fact);
  if (!f) return false;
  const words = f.split(' ');
  const digitStart = /^\d+$/u.test(words[0] ?? '');
  const digitEnd = /^\d+$/u.test(words[words.length - 1] ?? '');
  for (let i = h.indexOf(f); i >= 0; i = h.indexOf(f, i + 1)) {
    if (digitStart && /\d/u.test(h[i - 1] ?? '')) continue;
    if (digitEnd && /\d/u.test(h[i + f.length] ?? '')) continue;
    return true;
  }
  return false;
}
