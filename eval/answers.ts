/**
 * Answer quality end to end: every procedure question of eval/datasets is asked as a
 * citizen through the Assistant (follow-ups in their parent's conversation), and every
 * question no indexed document answers, then scored: gold procedure cited, expected facts
 * in the answer, facts the cited quotes do not support, refusals, latency.
 *
 *   npm run eval -- answers [--index <dir>] [--write]     (eval/run.ts; reports: eval/report.ts)
 */
import os from 'node:os';
import { ExtractiveAnswerer } from '../core/answer/extractive-answerer.ts';
import { unsupportedFacts } from '../core/answer/ground/facts.ts';
import type { Answerer } from '../core/answer/types.ts';
import type { Corpus } from '../core/search/types.ts';
import { openIndex } from '../index/open-index.ts';
import { Assistant, audiencesFor } from '../server/assistant.ts';
import { nearestRank } from '../measure/stats.ts';
import {
  QUESTION_INTENTS, containsFact, loadProcedureQuestions, loadUnanswerable, normalizeForMatch,
  type ProcedureQuestion, type QuestionIntent, type UnanswerableQuestion,
} from './datasets/answer-datasets.ts';

export interface AnswerEvalOptions {
  indexDir: string;
  /** Default: the extractive answerer with its defaults. */
  answerer?: Answerer;
  /** An already open corpus (tests); default: `openIndex(indexDir)`. */
  corpus?: Corpus;
  /** Default: eval/datasets/procedure-questions.jsonl and unanswerable.jsonl. */
  questions?: ProcedureQuestion[];
  /** Which question set is asked, for the reports (default `dev`). */
  set?: AnswerSet;
  unanswerable?: UnanswerableQuestion[];
  /** Hits asked of retrieval alone (default 10). */
  k?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The development questions, or a fresh batch (eval/datasets/procedure-fresh.jsonl, procedure-fresh2.jsonl, procedure-fresh3.jsonl, procedure-fresh4.jsonl). */
export type AnswerSet = 'dev' | 'fresh' | 'fresh2' | 'fresh3' | 'fresh4';

/** `n` of `of`, and their ratio (0 when `of` is 0). */
export interface Rate {
  n: number;
  of: number;
  rate: number;
}

export interface LatencyStats {
  p50: number;
  p95: number;
  mean: number;
}

/** What happened to one question. */
export interface QuestionOutcome {
  qid: string;
  text: string;
  set: 'procedure' | 'unanswerable';
  intent?: QuestionIntent;
  followUpOf?: string;
  goldCodes: string[];
  answer: string;
  refused: boolean;
  reason?: string;
  citedSourceIds: string[];
  /** Rank (1-based) of the first gold procedure in retrieval alone; null when absent; undefined for follow-ups and unanswerable questions. */
  goldRetrievedRank?: number | null;
  expectedFacts: string[];
  missingFacts: string[];
  unsupportedFacts: string[];
  retrievalMs: number;
  answerMs: number;
}

export type FailureKind = 'false-refusal' | 'gold-not-cited' | 'missing-facts' | 'unsupported-facts' | 'answered-unanswerable';

export interface AnswerFailure {
  qid: string;
  text: string;
  kinds: FailureKind[];
  detail: string;
  answer: string;
  cited: string[];
  gold: string[];
}

export interface IntentBreakdown {
  intent: QuestionIntent;
  questions: number;
  goldCited: Rate;
  factsFound: Rate;
  falseRefusals: Rate;
}

export interface AnswerEvalResult {
  date: string;
  indexDir: string;
  answerer: string;
  machine: string;
  node: string;
  k: number;
  /** The question set asked; absent means `dev`. */
  set?: AnswerSet;
  procedure: {
    questions: number;
    followUps: number;
    /** Some cited sourceId is a gold code (all answerable questions). */
    goldCited: Rate;
    /** Gold code in the top k of retrieval alone (stand-alone questions only). */
    goldRetrieved: Rate;
    /** Expected facts found in the answer, over all expected facts. */
    factsFound: Rate;
    /** Questions whose every expected fact is in the answer (questions with facts). */
    allFacts: Rate;
    falseRefusals: Rate;
  };
  unanswerable: { questions: number; correctRefusals: Rate };
  /** Facts of answers that no cited quote supports, over both sets: must be zero. */
  unsupported: { total: number; items: Array<{ qid: string; facts: string[] }> };
  latency: { retrieval: LatencyStats; answer: LatencyStats };
  byIntent: IntentBreakdown[];
  failures: AnswerFailure[];
  outcomes: QuestionOutcome[];
}

/** Build a Rate. */
export function rate(n: number, of: number): Rate {
  return { n, of, rate: of === 0 ? 0 : n / of };
}

/** Nearest-rank percentiles and the mean, in milliseconds rounded to 0.1. */
export function latencyStats(values: number[]): LatencyStats {
  if (values.length === 0) return { p50: 0, p95: 0, mean: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { p50: round(nearestRank(sorted, 0.5)), p95: round(nearestRank(sorted, 0.95)), mean: round(values.reduce((s, v) => s + v, 0) / values.length) };
}

function shorten(text: string, max = 320): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function failureOf(o: QuestionOutcome): AnswerFailure | undefined {
  const kinds: FailureKind[] = [];
  const details: string[] = [];
  if (o.set === 'unanswerable') {
    if (!o.refused) kinds.push('answered-unanswerable');
  } else if (o.refused) {
    kinds.push('false-refusal');
    details.push(`refused (${o.reason ?? 'no reason'})`);
  } else {
    if (!o.citedSourceIds.some((id) => o.goldCodes.includes(id))) {
      kinds.push('gold-not-cited');
      details.push(`gold retrieval rank ${o.goldRetrievedRank === undefined ? 'n/a (follow-up)' : o.goldRetrievedRank ?? `> k`}`);
    }
    if (o.missingFacts.length > 0) {
      kinds.push('missing-facts');
      details.push(`missing: ${o.missingFacts.map((f) => `"${f}"`).join(', ')}`);
    }
  }
  if (o.unsupportedFacts.length > 0) {
    kinds.push('unsupported-facts');
    details.push(`unsupported: ${o.unsupportedFacts.map((f) => `"${f}"`).join(', ')}`);
  }
  if (kinds.length === 0) return undefined;
  return { qid: o.qid, text: o.text, kinds, detail: details.join('; '), answer: shorten(o.answer), cited: [...new Set(o.citedSourceIds)], gold: o.goldCodes };
}

/** Score outcomes (pure; {@link runAnswerEval} collects them). */
export function scoreAnswerEval(
  outcomes: QuestionOutcome[],
  meta: Pick<AnswerEvalResult, 'date' | 'indexDir' | 'answerer' | 'machine' | 'node' | 'k' | 'set'>,
): AnswerEvalResult {
  const procedure = outcomes.filter((o) => o.set === 'procedure');
  const unanswerable = outcomes.filter((o) => o.set === 'unanswerable');
  const cited = (o: QuestionOutcome) => !o.refused && o.citedSourceIds.some((id) => o.goldCodes.includes(id));
  const factTotals = (os: QuestionOutcome[]) => {
    const of = os.reduce((s, o) => s + o.expectedFacts.length, 0);
    const missing = os.reduce((s, o) => s + o.missingFacts.length, 0);
    return rate(of - missing, of);
  };
  const standalone = procedure.filter((o) => o.goldRetrievedRank !== undefined);
  const withFacts = procedure.filter((o) => o.expectedFacts.length > 0);
  const unsupportedItems = outcomes.filter((o) => o.unsupportedFacts.length > 0).map((o) => ({ qid: o.qid, facts: o.unsupportedFacts }));
  const byIntent = QUESTION_INTENTS.map((intent) => {
    const os = procedure.filter((o) => o.intent === intent);
    return {
      intent,
      questions: os.length,
      goldCited: rate(os.filter(cited).length, os.length),
      factsFound: factTotals(os),
      falseRefusals: rate(os.filter((o) => o.refused).length, os.length),
    };
  }).filter((b) => b.questions > 0);
  return {
    ...meta,
    procedure: {
      questions: procedure.length,
      followUps: procedure.filter((o) => o.followUpOf).length,
      goldCited: rate(procedure.filter(cited).length, procedure.length),
      goldRetrieved: rate(standalone.filter((o) => typeof o.goldRetrievedRank === 'number').length, standalone.length),
      factsFound: factTotals(procedure),
      allFacts: rate(withFacts.filter((o) => o.missingFacts.length === 0).length, withFacts.length),
      falseRefusals: rate(procedure.filter((o) => o.refused).length, procedure.length),
    },
    unanswerable: { questions: unanswerable.length, correctRefusals: rate(unanswerable.filter((o) => o.refused).length, unanswerable.length) },
    unsupported: { total: unsupportedItems.reduce((s, i) => s + i.facts.length, 0), items: unsupportedItems },
    latency: { retrieval: latencyStats(outcomes.map((o) => o.retrievalMs)), answer: latencyStats(outcomes.map((o) => o.answerMs)) },
    byIntent,
    failures: outcomes.map(failureOf).filter((f): f is AnswerFailure => f !== undefined),
    outcomes,
  };
}

/** Run the answer evaluation over an index (see the file comment). */
export async function runAnswerEval(opts: AnswerEvalOptions): Promise<AnswerEvalResult> {
  const corpus = opts.corpus ?? (await openIndex(opts.indexDir));
  const answerer = opts.answerer ?? new ExtractiveAnswerer();
  const assistant = new Assistant(corpus, answerer);
  const questions = opts.questions ?? (await loadProcedureQuestions());
  const unanswerable = opts.unanswerable ?? (await loadUnanswerable());
  const k = opts.k ?? 10;
  const audiences = audiencesFor('citizen');
  const total = questions.length + unanswerable.length;

  // The first search and answer load lazy parts of the index; keep that out of the timings.
  await corpus.search('thủ tục hành chính', { k, audiences });
  await assistant.chat({ message: 'thủ tục hành chính' }, { role: 'citizen' });

  const conversations = new Map<string, string>();
  const outcomes: QuestionOutcome[] = [];
  const ask = async (
    q: { qid: string; text: string },
    base: Pick<QuestionOutcome, 'set' | 'goldCodes' | 'expectedFacts'> & Partial<QuestionOutcome>,
    conversationId: string | undefined,
  ): Promise<void> => {
    let started = performance.now();
    const hits = await corpus.search(q.text, { k, audiences });
    const retrievalMs = performance.now() - started;
    started = performance.now();
    const res = await assistant.chat({ message: q.text, ...(conversationId ? { conversationId } : {}) }, { role: 'citizen' });
    const answerMs = performance.now() - started;
    conversations.set(q.qid, res.conversationId);
    const normalizedAnswer = normalizeForMatch(res.answer);
    const rank = hits.findIndex((h) => base.goldCodes.includes(h.sourceId));
    outcomes.push({
      ...base,
      qid: q.qid,
      text: q.text,
      answer: res.answer,
      refused: res.refused,
      ...(res.reason ? { reason: res.reason } : {}),
      citedSourceIds: res.citations.map((c) => c.sourceId),
      ...(base.set === 'procedure' && !base.followUpOf ? { goldRetrievedRank: rank >= 0 ? rank + 1 : null } : {}),
      missingFacts: res.refused ? [...base.expectedFacts] : base.expectedFacts.filter((f) => !containsFact(normalizedAnswer, f, true)),
      unsupportedFacts: res.refused ? [] : unsupportedFacts(res.answer, res.citations.map((c) => c.quote)),
      retrievalMs,
      answerMs,
    });
    opts.onProgress?.(outcomes.length, total);
  };

  for (const q of questions) {
    const parent = q.follow_up_of ? conversations.get(q.follow_up_of) : undefined;
    if (q.follow_up_of && !parent) throw new Error(`${q.qid}: follow_up_of ${q.follow_up_of} was not asked before it`);
    await ask(q, {
      set: 'procedure', intent: q.intent, goldCodes: q.gold_codes, expectedFacts: q.expected_facts,
      ...(q.follow_up_of ? { followUpOf: q.follow_up_of } : {}),
    }, parent);
  }
  for (const q of unanswerable) await ask(q, { set: 'unanswerable', goldCodes: [], expectedFacts: [] }, undefined);

  return scoreAnswerEval(outcomes, {
    date: new Date().toISOString().slice(0, 10),
    indexDir: opts.indexDir,
    answerer: answerer.name,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    k,
    ...(opts.set ? { set: opts.set } : {}),
  });
}
