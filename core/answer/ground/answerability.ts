/**
 * Whether an official's composed answer answers the question's constraints, not only its
 * words: every place, person or body the question names (understand/proper-names.ts) and
 * every year it names must be matched where the answer stands — in the quoted lines, the
 * headings above the cited passages, or the cited document's own title, issuer and number
 * — and a year of the same kind with another value where the fact stands contradicts it.
 *
 * Retrieval and the refusal gate judge a document and a passage by the question's words;
 * those are all found when the question asks of another year, place or body than the one
 * the passage reports ("Phường Cẩm Thành có bao nhiêu học viên …" answered with the
 * province's count, which another section of the report sets beside "phường Cẩm Thành";
 * "… năm 2024 được tổ chức ở đâu?" answered from the clause about the 2025 edition, whose
 * sentence names 2024 for another event). So the check is made on what the answer quotes:
 *
 * - a name must be in the cited passages or their context (a document that writes the name
 *   in another section is not enough);
 * - a single year asked: in each answer line, the clauses that answer (those covering the
 *   question best; a table row's cells are lines of their own) state the years of the
 *   fact. When they state years and none is the one asked, nor does the context, the
 *   answer is of another year. Clauses that state no year leave the year to the passage
 *   around them (compose/document-passages.ts checks that). Two years or more asked set
 *   values side by side, each in a clause of its own, and are left to that check too;
 * - a body the question names by a head and a lower-case name ("Sở Y tế",
 *   understand/named-bodies.ts) is checked as a name;
 * - a target asked ("chỉ tiêu", "mục tiêu", "phấn đấu": prompts/cues/answerability.vi.json)
 *   is answered only by a clause or heading that states one ("kế hoạch", "dự kiến", "tối
 *   thiểu" …): a result reached ("đạt hơn 81%") is not the target set.
 */
import cues from '../../../prompts/cues/answerability.vi.json' with { type: 'json' };
import { coverage, passageTerms, type ContentUnit } from '../retrieve/coverage.ts';
import { nameForm } from '../understand/proper-names.ts';

const TARGET_ASKED = cues.targetAsked.map((p) => nameForm(p));
const TARGET_STATED = cues.targetStated.map((p) => nameForm(p));

/** Whether a question asks for a target set rather than a result reached. */
export function asksTarget(question: string): boolean {
  const form = nameForm(question);
  return TARGET_ASKED.some((p) => form.includes(p));
}

/** What an answer is checked against: the question's constraints and the answer's evidence. */
export interface AnswerabilityInput {
  /** Proper names of the question, in nameForm without outer spaces. */
  names: readonly string[];
  /** Whether the question asks for a target ({@link asksTarget}). */
  target?: boolean;
  /** Four-digit years the question names on their own. */
  years: readonly string[];
  /** The question's subject units, to find the clause of each line that answers. */
  units: readonly ContentUnit[];
  /** The answer's lines, citation marks included. */
  lines: readonly string[];
  /** Headings above the cited passages and the cited documents' titles, issuers and numbers. */
  context: readonly string[];
  /** The cited passages' quotes, where a name may stand around the sentence quoted. */
  passages: readonly string[];
}

/** Why the answer does not answer the question's constraints, or `undefined` when it does. */
export type Unanswered = { kind: 'name'; value: string } | { kind: 'year'; value: string; found: string[] } | { kind: 'target' };

const YEAR_IN_TEXT = /(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)/gu;
const CITATION_MARK = /\s*\[\d+\]/gu;

/** Years a text states, in dates ("14/11/2025") and periods ("2021 - 2025") too. */
function yearsIn(text: string): Set<string> {
  return new Set([...text.matchAll(YEAR_IN_TEXT)].map((m) => m[0]));
}

/** The clauses of a line: its sentences, each cut at semicolons. */
function clauses(line: string): string[] {
  return line.replace(CITATION_MARK, '').split(/(?<=[.!?])\s+(?=\p{Lu})|;\s+/u).map((c) => c.trim()).filter((c) => c !== '');
}

/** The clauses of `line` that cover the question best (all of equals). */
function answeringClauses(line: string, units: readonly ContentUnit[]): string[] {
  const scored = clauses(line).map((part) => ({ part, c: units.length > 0 ? coverage(units, passageTerms(part)) : 0 }));
  const best = Math.max(...scored.map((s) => s.c));
  return scored.filter((s) => s.c === best).map((s) => s.part);
}

/** See the module comment. */
export function unansweredConstraint(input: AnswerabilityInput): Unanswered | undefined {
  const context = input.context.join('\n');
  const evidence = nameForm([...input.lines, context, ...input.passages].join('\n'));
  for (const name of input.names) if (!evidence.includes(` ${name} `)) return { kind: 'name', value: name };
  if (input.target) {
    const where = nameForm([context, ...input.lines.flatMap((line) => answeringClauses(line, input.units))].join('\n'));
    if (!TARGET_STATED.some((p) => where.includes(p))) return { kind: 'target' };
  }
  if (input.years.length !== 1) return undefined;
  const contextYears = yearsIn(context);
  const stated = new Set(input.lines.flatMap((line) => answeringClauses(line, input.units).flatMap((c) => [...yearsIn(c)])));
  if (stated.size === 0) return undefined;
  for (const year of input.years) {
    if (!stated.has(year) && !contextYears.has(year)) return { kind: 'year', value: year, found: [...stated] };
  }
  return undefined;
}
