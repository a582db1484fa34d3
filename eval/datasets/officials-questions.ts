/**
 * The officials' question set (eval/datasets/officials-questions.jsonl): questions and
 * drafting requests as provincial officials type them about the documents in corpora/,
 * their record type, schema, kinds and the minimum count of each kind.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const OFFICIALS_QUESTIONS_PATH = fileURLToPath(new URL('./officials-questions.jsonl', import.meta.url));

/**
 * The sets of officials' questions: `dev`, the development set the answerer's rules were
 * written from; `fresh`, questions of the same kinds written afterwards and first only
 * scored (its failures have since been read, so it is development data too); `fresh2`, a
 * second set written from the documents before those failures were worked on, scored and
 * later read for its refusal failures; `fresh3`, a third set written before the refusal
 * rules were calibrated, first only scored and then read for its refusal failures (the
 * answerability check's development data); `fresh4`, a fourth set written before that
 * check, with at least ten not-answerable questions of varied kinds, only scored (the
 * nearest stand-in here for issue 13's held-out set).
 */
export const OFFICIAL_SETS = {
  dev: OFFICIALS_QUESTIONS_PATH,
  fresh: fileURLToPath(new URL('./officials-fresh.jsonl', import.meta.url)),
  fresh2: fileURLToPath(new URL('./officials-fresh2.jsonl', import.meta.url)),
  fresh3: fileURLToPath(new URL('./officials-fresh3.jsonl', import.meta.url)),
  fresh4: fileURLToPath(new URL('./officials-fresh4.jsonl', import.meta.url)),
} as const;
export type OfficialSet = keyof typeof OFFICIAL_SETS;

/**
 * What a question asks for: one figure or date (`fact`), the document's own header
 * (`doc_facts`), a whole enumerated list (`list`), a cell of an appendix table (`table`),
 * two values side by side (`comparison`), any of those in everyday words (`paraphrase`),
 * something no indexed document answers (`unanswerable`), or a draft (`draft`).
 */
export const OFFICIAL_KINDS = ['fact', 'doc_facts', 'list', 'table', 'comparison', 'paraphrase', 'unanswerable', 'draft'] as const;
export type OfficialKind = (typeof OFFICIAL_KINDS)[number];

/** The fewest questions of each kind the set must hold (issue 13's development set). */
export const OFFICIAL_KIND_MINIMUMS: Readonly<Record<OfficialKind, number>> = {
  fact: 25, doc_facts: 15, list: 15, table: 10, comparison: 8, paraphrase: 12, unanswerable: 15, draft: 8,
};

/** The fewest questions of the answerable and unanswerable kinds together (drafts not counted). */
export const OFFICIAL_QUESTIONS_MINIMUM = 110;

const text = z.string().refine((s) => s.trim() !== '', 'must not be empty');

/** One line of the set; fields a question does not use are left out. */
export const officialQuestionSchema = z.object({
  /** `off-NNN`, unique. */
  id: z.string().regex(/^off-\d{3}$/u, 'must look like off-001'),
  kind: z.enum(OFFICIAL_KINDS),
  question: text,
  /** Source ids as the ingest gives them (`quang-ngai/<file>` with corpora/ as the root). */
  goldDocs: z.array(text).min(1).optional(),
  /** Short strings a correct answer (or a good draft) must contain, each verbatim in a gold document. */
  facts: z.array(text).min(1).optional(),
  /** Groups of alternative spellings of one fact; an answer needs one of each group. */
  anyOf: z.array(z.array(text).min(2)).min(1).optional(),
  /** One short distinctive substring per item of the whole list asked for. */
  listItems: z.array(text).min(2).optional(),
  /** Strings an answer or draft must not contain (another document's number, a spliced footnote). */
  forbidden: z.array(text).min(1).optional(),
  /** The earlier question of the same conversation this one follows. */
  followUpOf: z.string().optional(),
  /** Where the answer is (section, row, line) and why this gold; for `unanswerable`, why not. */
  note: text,
}).strict();

export type OfficialQuestion = z.infer<typeof officialQuestionSchema>;

/** Lines that are not JSON or do not fit the schema, one message each (`line N: …`). */
export function parseOfficialQuestions(jsonl: string): { questions: OfficialQuestion[]; problems: string[] } {
  const questions: OfficialQuestion[] = [];
  const problems: string[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      problems.push(`line ${i + 1}: invalid JSON (${(err as Error).message})`);
      return;
    }
    const parsed = officialQuestionSchema.safeParse(value);
    if (parsed.success) {
      questions.push(parsed.data);
      return;
    }
    const id = typeof (value as { id?: unknown })?.id === 'string' ? ` (${(value as { id: string }).id})` : '';
    for (const issue of parsed.error.issues) {
      problems.push(`line ${i + 1}${id}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
    }
  });
  return { questions, problems };
}

/** Read and validate the set; throws listing every bad line. */
export async function loadOfficialQuestions(path = OFFICIALS_QUESTIONS_PATH): Promise<OfficialQuestion[]> {
  const { questions, problems } = parseOfficialQuestions(await readFile(path, 'utf8'));
  if (problems.length > 0) throw new Error(`${path}:\n${problems.join('\n')}`);
  return questions;
}
