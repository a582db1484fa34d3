/**
 * Officials' answers end to end: every question of eval/datasets/officials-questions.jsonl
 * except drafting requests is asked as an official through the Assistant (follow-ups in
 * their parent's conversation), over the full index (corpora/ + TTHC catalog + ALQAC), and
 * scored by kind: expected facts and list items in the answer, gold document cited,
 * false refusals, not-answerable questions refused (and the nearest document offered),
 * forbidden strings absent, numbers and dates the cited quotes do not hold, latency.
 *
 *   npm run eval -- officials [--index <dir>] [--write]   (eval/run.ts; reports: officials-report.ts)
 */
import os from 'node:os';
import { ExtractiveAnswerer } from '../core/answer/extractive-answerer.ts';
import { unsupportedFacts } from '../core/answer/ground/facts.ts';
import type { Answerer } from '../core/answer/types.ts';
import type { Corpus } from '../core/search/types.ts';
import { openIndex } from '../index/open-index.ts';
import { Assistant } from '../server/assistant.ts';
import { latencyStats, rate, type LatencyStats, type Rate } from './answers.ts';
import { containsFact, normalizeForMatch } from './datasets/answer-datasets.ts';
import {
  loadOfficialQuestions, OFFICIAL_KINDS, OFFICIAL_SETS, type OfficialKind, type OfficialQuestion, type OfficialSet,
} from './datasets/officials-questions.ts';

/** The kinds asked through chat (drafting requests go to the drafter). */
export const ASKED_KINDS = OFFICIAL_KINDS.filter((k) => k !== 'draft');

export interface OfficialsEvalOptions {
  indexDir: string;
  answerer?: Answerer;
  corpus?: Corpus;
  /** Which question set to ask (default `dev`); ignored when `questions` is given. */
  set?: OfficialSet;
  questions?: OfficialQuestion[];
  onProgress?: (done: number, total: number) => void;
}

/** What happened to one question. */
export interface OfficialOutcome {
  id: string;
  kind: OfficialKind;
  question: string;
  followUpOf?: string;
  goldDocs: string[];
  answer: string;
  refused: boolean;
  reason?: string;
  citedSourceIds: string[];
  /** Expected items: each fact, each anyOf group (shown by its first spelling), each list item. */
  expected: string[];
  missing: string[];
  /** Forbidden strings found in the answer. */
  forbiddenFound: string[];
  /** Numbers, dates and document numbers of the answer that no cited quote holds. */
  unsupported: string[];
  /** For a not-answerable question whose note names a nearest document: whether the refusal names it. */
  nearestOffered?: boolean;
  answerMs: number;
}

export interface KindBreakdown {
  kind: OfficialKind;
  questions: number;
  /** Mean share of each question's expected items found (refused answers count 0). */
  facts: { mean: number; of: number };
  /** Questions with every expected item. */
  complete: Rate;
  goldCited: Rate;
  falseRefusals: Rate;
  correctRefusals: Rate;
  forbiddenAbsent: Rate;
}

export interface OfficialsEvalResult {
  /** The question set asked (`dev` or `fresh`). */
  set: OfficialSet;
  date: string;
  indexDir: string;
  answerer: string;
  machine: string;
  node: string;
  questions: number;
  followUps: number;
  byKind: KindBreakdown[];
  /** Over every answerable question. */
  overall: {
    facts: { mean: number; of: number };
    complete: Rate;
    goldCited: Rate;
    falseRefusals: Rate;
  };
  unanswerable: { correctRefusals: Rate; nearestOffered: Rate };
  forbiddenAbsent: Rate;
  unsupported: { total: number; items: Array<{ id: string; facts: string[] }> };
  latency: LatencyStats;
  failures: Array<{ id: string; kind: OfficialKind; problems: string[]; question: string; answer: string; cited: string[]; gold: string[] }>;
  outcomes: OfficialOutcome[];
}

/** The nearest document a refusal should offer, from the note's `nearest: <source id>`. */
export function nearestOf(q: OfficialQuestion): string | undefined {
  return /nearest:\s*(\S+?)[.,;)]?(?:\s|$)/u.exec(q.note)?.[1];
}

/** Expected items and which of them the answer lacks. */
export function expectedItems(q: OfficialQuestion, answer: string, refused: boolean): { expected: string[]; missing: string[] } {
  const a = normalizeForMatch(answer);
  const has = (s: string) => !refused && containsFact(a, s, true);
  const expected: string[] = [];
  const missing: string[] = [];
  for (const f of q.facts ?? []) {
    expected.push(f);
    if (!has(f)) missing.push(f);
  }
  for (const group of q.anyOf ?? []) {
    expected.push(group[0]!);
    if (!group.some(has)) missing.push(group.join(' | '));
  }
  for (const item of q.listItems ?? []) {
    expected.push(item);
    if (!has(item)) missing.push(item);
  }
  return { expected, missing };
}

const answerable = (o: OfficialOutcome) => o.kind !== 'unanswerable';
const goldCited = (o: OfficialOutcome) => !o.refused && o.citedSourceIds.some((id) => o.goldDocs.includes(id));
const share = (o: OfficialOutcome) => (o.expected.length === 0 ? (o.refused ? 0 : 1) : (o.expected.length - o.missing.length) / o.expected.length);

function meanShare(os: OfficialOutcome[]): { mean: number; of: number } {
  return { mean: os.length === 0 ? 0 : os.reduce((s, o) => s + share(o), 0) / os.length, of: os.length };
}

function problemsOf(o: OfficialOutcome): string[] {
  const p: string[] = [];
  if (o.kind === 'unanswerable') {
    if (!o.refused) p.push('answered-unanswerable');
    else if (o.nearestOffered === false) p.push('nearest-not-offered');
  } else if (o.refused) {
    p.push('false-refusal');
  } else {
    if (!goldCited(o)) p.push('gold-not-cited');
    if (o.missing.length > 0) p.push(`missing: ${o.missing.map((m) => `"${m}"`).join(', ')}`);
  }
  if (o.forbiddenFound.length > 0) p.push(`forbidden: ${o.forbiddenFound.map((m) => `"${m}"`).join(', ')}`);
  if (o.unsupported.length > 0) p.push(`unsupported: ${o.unsupported.map((m) => `"${m}"`).join(', ')}`);
  return p;
}

/** Score outcomes (pure; {@link runOfficialsEval} collects them). */
export function scoreOfficialsEval(
  outcomes: OfficialOutcome[],
  meta: Pick<OfficialsEvalResult, 'set' | 'date' | 'indexDir' | 'answerer' | 'machine' | 'node'>,
): OfficialsEvalResult {
  const byKind = ASKED_KINDS.map((kind): KindBreakdown => {
    const os = outcomes.filter((o) => o.kind === kind);
    const ans = os.filter(answerable);
    return {
      kind,
      questions: os.length,
      facts: meanShare(ans),
      complete: rate(ans.filter((o) => !o.refused && o.missing.length === 0).length, ans.length),
      goldCited: rate(ans.filter(goldCited).length, ans.length),
      falseRefusals: rate(ans.filter((o) => o.refused).length, ans.length),
      correctRefusals: rate(os.filter((o) => !answerable(o) && o.refused).length, os.filter((o) => !answerable(o)).length),
      forbiddenAbsent: rate(os.filter((o) => o.forbiddenFound.length === 0).length, os.length),
    };
  }).filter((b) => b.questions > 0);
  const ans = outcomes.filter(answerable);
  const un = outcomes.filter((o) => !answerable(o));
  const withNearest = un.filter((o) => o.nearestOffered !== undefined);
  const unsupportedItems = outcomes.filter((o) => o.unsupported.length > 0).map((o) => ({ id: o.id, facts: o.unsupported }));
  return {
    ...meta,
    questions: outcomes.length,
    followUps: outcomes.filter((o) => o.followUpOf).length,
    byKind,
    overall: {
      facts: meanShare(ans),
      complete: rate(ans.filter((o) => !o.refused && o.missing.length === 0).length, ans.length),
      goldCited: rate(ans.filter(goldCited).length, ans.length),
      falseRefusals: rate(ans.filter((o) => o.refused).length, ans.length),
    },
    unanswerable: {
      correctRefusals: rate(un.filter((o) => o.refused).length, un.length),
      nearestOffered: rate(withNearest.filter((o) => o.refused && o.nearestOffered).length, withNearest.length),
    },
    forbiddenAbsent: rate(outcomes.filter((o) => o.forbiddenFound.length === 0).length, outcomes.length),
    unsupported: { total: unsupportedItems.reduce((s, i) => s + i.facts.length, 0), items: unsupportedItems },
    latency: latencyStats(outcomes.map((o) => o.answerMs)),
    failures: outcomes
      .map((o) => ({ o, problems: problemsOf(o) }))
      .filter((f) => f.problems.length > 0)
      .map(({ o, problems }) => ({ id: o.id, kind: o.kind, problems, question: o.question, answer: o.answer, cited: [...new Set(o.citedSourceIds)], gold: o.goldDocs })),
    outcomes,
  };
}

/** Run the officials' evaluation over an index (see the file comment). */
export async function runOfficialsEval(opts: OfficialsEvalOptions): Promise<OfficialsEvalResult> {
  const corpus = opts.corpus ?? (await openIndex(opts.indexDir));
  const answerer = opts.answerer ?? new ExtractiveAnswerer();
  const assistant = new Assistant(corpus, answerer);
  const questions = (opts.questions ?? (await loadOfficialQuestions(OFFICIAL_SETS[opts.set ?? 'dev']))).filter((q) => q.kind !== 'draft');

  // The first answer loads lazy parts of the index; keep that out of the timings.
  await assistant.chat({ message: 'kế hoạch chuyển đổi số' }, { role: 'official' });

  const conversations = new Map<string, string>();
  const outcomes: OfficialOutcome[] = [];
  for (const q of questions) {
    const parent = q.followUpOf ? conversations.get(q.followUpOf) : undefined;
    if (q.followUpOf && !parent) throw new Error(`${q.id}: followUpOf ${q.followUpOf} was not asked before it`);
    const started = performance.now();
    const res = await assistant.chat({ message: q.question, ...(parent ? { conversationId: parent } : {}) }, { role: 'official' });
    const answerMs = performance.now() - started;
    conversations.set(q.id, res.conversationId);
    const { expected, missing } = expectedItems(q, res.answer, res.refused);
    const normalized = normalizeForMatch(res.answer);
    const nearest = q.kind === 'unanswerable' ? nearestOf(q) : undefined;
    outcomes.push({
      id: q.id, kind: q.kind, question: q.question,
      ...(q.followUpOf ? { followUpOf: q.followUpOf } : {}),
      goldDocs: q.goldDocs ?? [],
      answer: res.answer, refused: res.refused, ...(res.reason ? { reason: res.reason } : {}),
      citedSourceIds: res.citations.map((c) => c.sourceId),
      expected, missing,
      forbiddenFound: (q.forbidden ?? []).filter((f) => containsFact(normalized, f, true)),
      unsupported: res.refused ? [] : unsupportedFacts(res.answer, res.citations.map((c) => c.quote)),
      ...(nearest ? { nearestOffered: res.refused && (res.nearest ?? []).some((d) => d.sourceId === nearest) } : {}),
      answerMs,
    });
    opts.onProgress?.(outcomes.length, questions.length);
  }
  return scoreOfficialsEval(outcomes, {
    set: opts.set ?? 'dev',
    date: new Date().toISOString().slice(0, 10),
    indexDir: opts.indexDir,
    answerer: answerer.name,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
  });
}
