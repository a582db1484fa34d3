/**
 * The citizens' trap set end to end (eval/datasets/citizen-traps.jsonl): every question is
 * asked as a citizen through the Assistant on its own `asOf` day (the Assistant's clock),
 * over the full index the other parts use, and scored as eval/datasets/README.md says:
 * an `answer` item passes when the reply is not a refusal, cites the gold procedure, holds
 * every fact and one string of each anyOf group, and no forbidden string; a
 * `personal_data` or `out_of_scope` item when it is refused with that reason and holds the
 * facts and anyOf and no forbidden string. Facts no cited quote supports are counted too.
 *
 *   npx tsx eval/traps.ts --index data/eval/full-index
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import { ExtractiveAnswerer } from '../core/answer/extractive-answerer.ts';
import { unsupportedFacts } from '../core/answer/ground/facts.ts';
import type { Answerer } from '../core/answer/types.ts';
import type { Corpus } from '../core/search/types.ts';
import { openIndex } from '../index/open-index.ts';
import { runAsMain } from '../ingest/run-main.ts';
import { Assistant } from '../server/assistant.ts';
import { rate, type Rate } from './answers.ts';
import { containsFact, normalizeForMatch } from './datasets/answer-datasets.ts';
import { loadCitizenTraps, TRAP_KINDS, type CitizenTrap, type TrapKind } from './datasets/citizen-traps.ts';

/** What happened to one trap question. */
export interface TrapOutcome {
  id: string;
  kind: TrapKind;
  question: string;
  asOf: string;
  expect: CitizenTrap['expect'];
  answer: string;
  refused: boolean;
  reason?: string;
  cited: string[];
  goldCited: boolean;
  missingFacts: string[];
  /** anyOf groups none of whose strings is in the reply. */
  missingAnyOf: string[][];
  forbiddenFound: string[];
  unsupportedFacts: string[];
  passed: boolean;
}

export interface TrapKindRow {
  kind: TrapKind;
  questions: number;
  passed: Rate;
  /** `answer` items only: gold cited, and facts and anyOf groups found over all wanted. */
  goldCited: Rate;
  factsFound: Rate;
  /** Items whose reply holds a forbidden string. */
  forbidden: number;
}

export interface TrapEvalResult {
  date: string;
  machine: string;
  node: string;
  indexDir: string;
  questions: number;
  passed: Rate;
  byKind: TrapKindRow[];
  unsupported: number;
  outcomes: TrapOutcome[];
}

/** Score one reply against its trap (pure). */
export function scoreTrap(t: CitizenTrap, reply: { answer: string; refused: boolean; reason?: string; citations: Array<{ sourceId: string; quote: string }> }): TrapOutcome {
  const normal = normalizeForMatch(reply.answer);
  const cited = [...new Set(reply.citations.map((c) => c.sourceId))];
  const missingFacts = t.facts.filter((f) => !containsFact(normal, f, true));
  const missingAnyOf = t.anyOf.filter((group) => !group.some((f) => containsFact(normal, f, true)));
  const forbiddenFound = t.forbidden.filter((f) => containsFact(normal, f, true));
  const goldCited = t.goldProcedure !== null && !reply.refused && cited.includes(t.goldProcedure);
  const refusedAs = (reason: string): boolean => reply.refused && reply.reason === reason;
  const clean = missingFacts.length === 0 && missingAnyOf.length === 0 && forbiddenFound.length === 0;
  const passed = t.expect === 'answer' ? goldCited && clean
    : t.expect === 'personal_data' ? refusedAs('PERSONAL_DATA') && clean
      : refusedAs('OUT_OF_SCOPE') && clean;
  return {
    id: t.id, kind: t.kind, question: t.question, asOf: t.asOf, expect: t.expect, answer: reply.answer, refused: reply.refused,
    ...(reply.reason ? { reason: reply.reason } : {}), cited, goldCited, missingFacts, missingAnyOf, forbiddenFound,
    unsupportedFacts: reply.refused ? [] : unsupportedFacts(reply.answer, reply.citations.map((c) => c.quote)),
    passed,
  };
}

/** Per-kind figures and totals (pure). */
export function summariseTraps(outcomes: readonly TrapOutcome[], traps: readonly CitizenTrap[], meta: Pick<TrapEvalResult, 'date' | 'machine' | 'node' | 'indexDir'>): TrapEvalResult {
  const byId = new Map(traps.map((t) => [t.id, t]));
  const byKind = TRAP_KINDS.map((kind): TrapKindRow => {
    const os_ = outcomes.filter((o) => o.kind === kind);
    const answers = os_.filter((o) => o.expect === 'answer');
    const wanted = answers.reduce((n, o) => { const t = byId.get(o.id)!; return n + t.facts.length + t.anyOf.length; }, 0);
    const missing = answers.reduce((n, o) => n + o.missingFacts.length + o.missingAnyOf.length, 0);
    return {
      kind, questions: os_.length,
      passed: rate(os_.filter((o) => o.passed).length, os_.length),
      goldCited: rate(answers.filter((o) => o.goldCited).length, answers.length),
      factsFound: rate(wanted - missing, wanted),
      forbidden: os_.filter((o) => o.forbiddenFound.length > 0).length,
    };
  }).filter((r) => r.questions > 0);
  return {
    ...meta, questions: outcomes.length, passed: rate(outcomes.filter((o) => o.passed).length, outcomes.length), byKind,
    unsupported: outcomes.reduce((n, o) => n + o.unsupportedFacts.length, 0), outcomes: [...outcomes],
  };
}

export interface TrapEvalOptions {
  indexDir: string;
  corpus?: Corpus;
  answerer?: Answerer;
  traps?: CitizenTrap[];
  onProgress?: (done: number, total: number) => void;
}

/** Ask every trap as a citizen on its own day through the Assistant, and score it. */
export async function runTrapEval(opts: TrapEvalOptions): Promise<TrapEvalResult> {
  const corpus = opts.corpus ?? (await openIndex(opts.indexDir));
  const answerer = opts.answerer ?? new ExtractiveAnswerer();
  const traps = opts.traps ?? (await loadCitizenTraps());
  const assistants = new Map<string, Assistant>();
  // Mid-morning in Vietnam on the day asked: the Assistant passes its clock to the answerer.
  const assistantOn = (day: string): Assistant => {
    let a = assistants.get(day);
    if (!a) assistants.set(day, a = new Assistant(corpus, answerer, { now: () => new Date(`${day}T10:00:00+07:00`) }));
    return a;
  };
  const outcomes: TrapOutcome[] = [];
  for (const t of traps) {
    const res = await assistantOn(t.asOf).chat({ message: t.question }, { role: 'citizen' });
    outcomes.push(scoreTrap(t, res));
    opts.onProgress?.(outcomes.length, traps.length);
  }
  return summariseTraps(outcomes, traps, {
    date: new Date().toISOString().slice(0, 10), indexDir: opts.indexDir, node: process.version,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  });
}

const pct = (r: Rate): string => `${(r.rate * 100).toFixed(1)}% (${r.n}/${r.of})`;

/** One line per kind, for the console. */
export function trapsSummary(r: TrapEvalResult): string {
  const lines = [`traps: ${pct(r.passed)} passed · unsupported facts ${r.unsupported}`];
  for (const k of r.byKind) lines.push(`  ${k.kind.padEnd(22)} passed ${pct(k.passed).padEnd(16)} gold cited ${pct(k.goldCited).padEnd(16)} facts ${pct(k.factsFound).padEnd(16)} forbidden ${k.forbidden}`);
  for (const o of r.outcomes.filter((x) => !x.passed)) {
    const why = [
      o.expect === 'answer' && !o.goldCited ? `gold not cited (${o.refused ? `refused ${o.reason ?? ''}` : o.cited.join(',') || 'none'})` : '',
      o.expect !== 'answer' && !(o.refused && o.reason === (o.expect === 'personal_data' ? 'PERSONAL_DATA' : 'OUT_OF_SCOPE')) ? `not refused as ${o.expect} (${o.refused ? o.reason : 'answered'})` : '',
      o.missingFacts.length ? `missing ${o.missingFacts.map((f) => `"${f}"`).join(', ')}` : '',
      o.missingAnyOf.length ? `missing one of ${o.missingAnyOf.map((g) => `[${g.join('|')}]`).join(', ')}` : '',
      o.forbiddenFound.length ? `forbidden ${o.forbiddenFound.map((f) => `"${f}"`).join(', ')}` : '',
    ].filter(Boolean).join('; ');
    lines.push(`  ✗ ${o.id} ${o.kind}: ${why}`);
  }
  return lines.join('\n');
}

/** The Markdown table of the figures (docs/BENCHMARKS.md). */
export function trapsTable(r: TrapEvalResult): string {
  return [
    '| Kind | Questions | Passed | Gold cited | Facts and anyOf found | Forbidden string said |',
    '|---|---|---|---|---|---|',
    ...r.byKind.map((k) => `| ${k.kind} | ${k.questions} | ${pct(k.passed)} | ${k.goldCited.of ? pct(k.goldCited) : '—'} | ${k.factsFound.of ? pct(k.factsFound) : '—'} | ${k.forbidden} |`),
    `| **all** | ${r.questions} | ${pct(r.passed)} | | | ${r.byKind.reduce((n, k) => n + k.forbidden, 0)} |`,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { index: { type: 'string' } } });
  const result = await runTrapEval({ indexDir: values.index ?? 'data/eval/full-index' });
  process.stdout.write(`${trapsSummary(result)}\n`);
  return 0;
}

runAsMain(import.meta.url, main);
