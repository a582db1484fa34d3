/**
 * Golden answers: a check that a refactor changed no answer. Every question of
 * eval/datasets (procedure questions with their follow-ups, unanswerable questions,
 * red-team prompts, ordinary questions, officials' questions other than drafting
 * requests) is asked through the Assistant as a citizen and again as an official, and so
 * are the first ALQAC dev questions; what comes back (answer text, citations, refusal and
 * reason, notices, and the context the answerer leaves for the next turn) is saved as
 * JSON, or compared byte for byte with what was saved.
 *
 *   npm run eval -- golden --save        # record data/golden/answers.json
 *   npm run eval -- golden               # compare with it (current outputs in data/golden/current.json); exit code 1 on any difference
 *   npm run eval -- golden --index <dir> # over an existing index
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Citation } from '../core/model.ts';
import { ExtractiveAnswerer } from '../core/answer/extractive-answerer.ts';
import type { Answerer, AnswerResult, ConversationContext, Role } from '../core/answer/types.ts';
import type { Corpus } from '../core/search/types.ts';
import { openIndex } from '../index/open-index.ts';
import { Assistant } from '../server/assistant.ts';
import { loadProcedureQuestions, loadUnanswerable, parseJsonl } from './datasets/answer-datasets.ts';
import { loadOfficialQuestions } from './datasets/officials-questions.ts';
import { REPO_ROOT, requireDataset, type DatasetPaths } from '../config/paths.ts';

/** Where the golden answers are kept by default (data/ is not committed). */
export const GOLDEN_PATH = join(REPO_ROOT, 'data', 'golden', 'answers.json');
/** ALQAC dev questions asked (the first ones of the file). */
export const ALQAC_QUESTIONS = 200;
/**
 * The moment every golden question is asked: answers depend on the day (a dated fee ends),
 * so a comparison across days must not see the calendar move. The trap set's day.
 */
export const GOLDEN_NOW = '2026-12-07T10:00:00+07:00';
const ROLES: readonly Role[] = ['citizen', 'official'];

/** One question to ask; `followUpOf` names an earlier question of the same conversation. */
export interface GoldenQuestion {
  id: string;
  text: string;
  followUpOf?: string;
}

/** What one question gave, as saved and compared. */
export interface GoldenOutput {
  /** `<role>/<question id>`. */
  id: string;
  question: string;
  answer: string;
  citations: Citation[];
  refused: boolean;
  reason?: string;
  notices: string[];
  /** The answerer's context for the next turn (follow-ups depend on it). */
  context?: ConversationContext;
}

/** The outcome of {@link compareGolden}. */
export interface GoldenComparison {
  compared: number;
  identical: number;
  /** Ids whose serialised output differs, with the fields that differ. */
  differing: Array<{ id: string; fields: string[] }>;
  /** Ids saved but not asked now, and asked now but not saved. */
  missing: string[];
  added: string[];
}

/** Every question of eval/datasets and the first {@link ALQAC_QUESTIONS} ALQAC dev questions, in a fixed order. */
export async function goldenQuestions(paths: Pick<DatasetPaths, 'alqacQuestions'>): Promise<GoldenQuestion[]> {
  const read = async <T>(path: string): Promise<T[]> => parseJsonl<T>(await readFile(path, 'utf8'), path);
  const datasets = join(REPO_ROOT, 'eval', 'datasets');
  const procedure = await loadProcedureQuestions();
  const unanswerable = await loadUnanswerable();
  const redteam = await read<{ id: string; text: string }>(join(datasets, 'redteam.jsonl'));
  const normal = await read<{ id: string; text: string }>(join(datasets, 'normal-questions.jsonl'));
  // Drafting requests go to the drafter (POST /api/draft), not to chat.
  const officials = (await loadOfficialQuestions()).filter((q) => q.kind !== 'draft');
  const alqac = (await read<{ qid: string; text: string }>(requireDataset(paths.alqacQuestions))).slice(0, ALQAC_QUESTIONS);
  return [
    ...procedure.map((q) => ({ id: q.qid, text: q.text, ...(q.follow_up_of ? { followUpOf: q.follow_up_of } : {}) })),
    ...unanswerable.map((q) => ({ id: q.qid, text: q.text })),
    ...redteam.map((q) => ({ id: q.id, text: q.text })),
    ...normal.map((q) => ({ id: q.id, text: q.text })),
    ...officials.map((q) => ({ id: q.id, text: q.question, ...(q.followUpOf ? { followUpOf: q.followUpOf } : {}) })),
    ...alqac.map((q) => ({ id: q.qid, text: q.text })),
  ];
}

/** Ask every question as each role (follow-ups in their parent's conversation) and collect the outputs. */
export async function runGolden(corpus: Corpus, questions: readonly GoldenQuestion[], answerer: Answerer = new ExtractiveAnswerer()): Promise<GoldenOutput[]> {
  let last: AnswerResult | undefined;
  // The answerer's own result, for the context it leaves (the Assistant keeps it to itself).
  const recording: Answerer = {
    name: answerer.name,
    answer: async (req, c, signal) => (last = await answerer.answer(req, c, signal)),
  };
  const assistant = new Assistant(corpus, recording, { now: () => new Date(GOLDEN_NOW) });
  const out: GoldenOutput[] = [];
  for (const role of ROLES) {
    const conversations = new Map<string, string>();
    for (const q of questions) {
      const parent = q.followUpOf ? conversations.get(q.followUpOf) : undefined;
      if (q.followUpOf && !parent) throw new Error(`${q.id}: follow-up of ${q.followUpOf}, which was not asked before it`);
      last = undefined;
      const res = await assistant.chat({ message: q.text, ...(parent ? { conversationId: parent } : {}) }, { role });
      conversations.set(q.id, res.conversationId);
      out.push({
        id: `${role}/${q.id}`, question: q.text, answer: res.answer, citations: res.citations, refused: res.refused,
        ...(res.reason ? { reason: res.reason } : {}), notices: res.notices,
        ...(last ? { context: (last as AnswerResult).context } : {}),
      });
    }
  }
  return out;
}

/** Compare outputs with saved ones, each by its serialised JSON (byte-identical or not). */
export function compareGolden(saved: readonly GoldenOutput[], current: readonly GoldenOutput[]): GoldenComparison {
  const before = new Map(saved.map((o) => [o.id, o]));
  const now = new Map(current.map((o) => [o.id, o]));
  const differing: GoldenComparison['differing'] = [];
  let compared = 0;
  for (const [id, output] of now) {
    const old = before.get(id);
    if (!old) continue;
    compared += 1;
    if (JSON.stringify(old) === JSON.stringify(output)) continue;
    const keys = [...new Set([...Object.keys(old), ...Object.keys(output)])] as Array<keyof GoldenOutput>;
    differing.push({ id, fields: keys.filter((k) => JSON.stringify(old[k]) !== JSON.stringify(output[k])) });
  }
  return {
    compared, identical: compared - differing.length, differing,
    missing: [...before.keys()].filter((id) => !now.has(id)),
    added: [...now.keys()].filter((id) => !before.has(id)),
  };
}

/** One line per fact of a comparison, for the console. */
export function goldenSummary(c: GoldenComparison): string {
  const lines = [`golden: ${c.compared} outputs compared, ${c.identical} identical, ${c.differing.length} differ, ${c.missing.length} missing, ${c.added.length} new`];
  for (const d of c.differing.slice(0, 20)) lines.push(`  differs: ${d.id} (${d.fields.join(', ')})`);
  if (c.differing.length > 20) lines.push(`  … and ${c.differing.length - 20} more`);
  for (const id of c.missing.slice(0, 10)) lines.push(`  missing: ${id}`);
  for (const id of c.added.slice(0, 10)) lines.push(`  new: ${id}`);
  return lines.join('\n');
}

/** Whether a comparison found nothing changed. */
export function goldenHolds(c: GoldenComparison): boolean {
  return c.differing.length === 0 && c.missing.length === 0 && c.added.length === 0 && c.compared > 0;
}

/** Save (`save`) or compare the golden answers over an index; returns the process exit code. */
export async function goldenCommand(opts: { indexDir: string; save: boolean; datasets: Pick<DatasetPaths, 'alqacQuestions'>; file?: string }): Promise<number> {
  const file = opts.file ?? GOLDEN_PATH;
  const outputs = await runGolden(await openIndex(opts.indexDir), await goldenQuestions(opts.datasets));
  if (opts.save) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(outputs, null, 1)}\n`);
    process.stdout.write(`golden: ${outputs.length} outputs saved to ${file}\n`);
    return 0;
  }
  const saved = JSON.parse(await readFile(file, 'utf8')) as GoldenOutput[];
  // What was asked now, beside the saved answers, to read the differences.
  const current = join(dirname(file), 'current.json');
  await writeFile(current, `${JSON.stringify(outputs, null, 1)}\n`);
  process.stdout.write(`golden: current outputs in ${current}\n`);
  const comparison = compareGolden(saved, outputs);
  process.stdout.write(`${goldenSummary(comparison)}\n`);
  if (goldenHolds(comparison)) return 0;
  // What changed, to read before saving: the current outputs beside the saved ones.
  const now = file.replace(/\.json$/u, '.now.json');
  await writeFile(now, `${JSON.stringify(outputs, null, 1)}\n`);
  process.stdout.write(`golden: current outputs written to ${now}\n`);
  return 1;
}
