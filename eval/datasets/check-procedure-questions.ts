/**
 * Keeps the answer datasets honest: every gold code exists in the TTHC catalog, every
 * expected fact occurs in one of its gold records (in {@link normalizeForMatch} form),
 * follow-ups point at an earlier question, ids are unique.
 *
 *   npx tsx eval/datasets/check-procedure-questions.ts      # exit 1 and a list when not
 */
import { readFile } from 'node:fs/promises';
import { configFromEnvironment } from '../../config/environment.ts';
import { datasetPaths, requireDataset } from '../../config/paths.ts';
import { runAsMain } from '../../ingest/run-main.ts';
import {
  QUESTION_INTENTS, containsFact, loadProcedureQuestions, loadUnanswerable, normalizeForMatch, parseJsonl,
  type ProcedureQuestion, type UnanswerableQuestion,
} from './answer-datasets.ts';

/** Catalog records by code, each as the normalised text of its string fields. */
export type CatalogFields = Map<string, string[]>;

/** Read the TTHC catalog export into {@link CatalogFields}. */
export async function loadCatalogFields(path: string): Promise<CatalogFields> {
  const records = parseJsonl<Record<string, unknown>>(await readFile(requireDataset(path), 'utf8'), path);
  const out: CatalogFields = new Map();
  for (const record of records) {
    const code = record.ma_thu_tuc;
    if (typeof code !== 'string') continue;
    const fields = Object.values(record)
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      .map(normalizeForMatch);
    out.set(code, fields);
  }
  return out;
}

/** Problems with the procedure questions, one line each; empty when the dataset is sound. */
export function checkProcedureQuestions(questions: ProcedureQuestion[], catalog: CatalogFields): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const q of questions) {
    const at = `${q.qid ?? '?'}`;
    if (!q.qid || seen.has(q.qid)) problems.push(`${at}: missing or duplicate qid`);
    if (typeof q.text !== 'string' || !q.text.trim()) problems.push(`${at}: empty text`);
    if (!(QUESTION_INTENTS as readonly string[]).includes(q.intent)) problems.push(`${at}: unknown intent "${q.intent}"`);
    if (q.follow_up_of !== undefined && !seen.has(q.follow_up_of)) problems.push(`${at}: follow_up_of "${q.follow_up_of}" is not an earlier question`);
    seen.add(q.qid);
    if (!Array.isArray(q.gold_codes) || q.gold_codes.length === 0) {
      problems.push(`${at}: no gold codes`);
      continue;
    }
    const gold = q.gold_codes.flatMap((code) => {
      const fields = catalog.get(code);
      if (!fields) problems.push(`${at}: gold code ${code} is not in the catalog`);
      return fields ?? [];
    });
    for (const fact of q.expected_facts ?? []) {
      if (!gold.some((field) => containsFact(field, fact, true))) problems.push(`${at}: expected fact "${fact}" is in none of its gold records`);
    }
  }
  return problems;
}

/** Problems with the unanswerable questions: ids unique (also against `takenIds`), text and note present. */
export function checkUnanswerable(questions: UnanswerableQuestion[], takenIds: Iterable<string> = []): string[] {
  const problems: string[] = [];
  const seen = new Set(takenIds);
  for (const q of questions) {
    if (!q.qid || seen.has(q.qid)) problems.push(`${q.qid ?? '?'}: missing or duplicate qid`);
    if (typeof q.text !== 'string' || !q.text.trim()) problems.push(`${q.qid}: empty text`);
    if (typeof q.note !== 'string' || !q.note.trim()) problems.push(`${q.qid}: missing note`);
    seen.add(q.qid);
  }
  return problems;
}

/** Check both datasets against the catalog at `catalogPath`; the problems, empty when all is well. */
export async function checkAnswerDatasets(catalogPath: string): Promise<{ questions: number; unanswerable: number; problems: string[] }> {
  const [questions, unanswerable, catalog] = await Promise.all([loadProcedureQuestions(), loadUnanswerable(), loadCatalogFields(catalogPath)]);
  const problems = [
    ...checkProcedureQuestions(questions, catalog),
    ...checkUnanswerable(unanswerable, questions.map((q) => q.qid)),
  ];
  return { questions: questions.length, unanswerable: unanswerable.length, problems };
}

runAsMain(import.meta.url, async () => {
  const { questions, unanswerable, problems } = await checkAnswerDatasets(datasetPaths(configFromEnvironment()).tthc);
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stdout.write(`${questions} procedure questions, ${unanswerable} unanswerable: ${problems.length === 0 ? 'OK' : `${problems.length} problem(s)`}\n`);
  return problems.length === 0 ? 0 : 1;
});
