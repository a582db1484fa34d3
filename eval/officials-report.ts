/**
 * Reports of the officials' evaluation (eval/officials.ts): eval/reports/officials-<date>.json
 * and .md (tables by kind, every failure), and the Markdown section kept in
 * docs/BENCHMARKS.md under the marker `eval-officials`; for the fresh set
 * (`--set fresh`) officials-fresh-<date> and `eval-officials-fresh`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Rate } from './answers.ts';
import type { OfficialsEvalResult } from './officials.ts';
import { REPORTS_DIR } from './report.ts';

/** Issue 13's targets (measured there on held-out questions; here on the development set). */
export const OFFICIALS_TARGETS = {
  facts: 0.85,
  listFacts: 0.75,
  comparisonFacts: 0.75,
  goldCited: 0.95,
  /** At most 1 in 32. */
  falseRefusals: 1 / 32,
  /** At least 7 in 8. */
  correctRefusals: 7 / 8,
  answerP95Ms: 150,
} as const;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const cell = (r: Rate) => (r.of === 0 ? '—' : `${pct(r.rate)} (${r.n}/${r.of})`);
const mean = (m: { mean: number; of: number }) => (m.of === 0 ? '—' : m.mean.toFixed(3));
const yes = (ok: boolean) => (ok ? 'yes' : 'no');

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s+/gu, ' ').trim();
}

/** The report's base name and the BENCHMARKS.md marker of a result's question set. */
export function officialsNames(r: Pick<OfficialsEvalResult, 'set' | 'date'>): { base: string; marker: string } {
  return r.set === 'dev'
    ? { base: `officials-${r.date}`, marker: 'eval-officials' }
    : { base: `officials-${r.set}-${r.date}`, marker: `eval-officials-${r.set}` };
}

function header(r: OfficialsEvalResult): string[] {
  const fresh = r.set !== 'dev';
  return [
    `Command: \`npm run eval -- officials${fresh ? ` --set ${r.set}` : ''}\` (index ${relative(process.cwd(), r.indexDir) || r.indexDir}) · ${r.date} · ${r.machine}, Node ${r.node}`,
    '',
    r.set === 'fresh4'
      ? `${r.answerer} answerer, role official; ${r.questions} questions (${r.followUps} follow-ups) of eval/datasets/officials-fresh4.jsonl. **A fourth fresh set**: written from the documents before the answerability check, with twelve not-answerable questions of varied kinds (another place or agency, a sub-figure never split out, a plan not set, a document not held, a name not given, a target where only a result is given), only scored, never read to write rules — the nearest stand-in here for the issue's held-out questions.`
      : r.set === 'fresh3'
      ? `${r.answerer} answerer, role official; ${r.questions} questions (${r.followUps} follow-ups) of eval/datasets/officials-fresh3.jsonl. **A third fresh set**: written from the documents before the refusal rules were calibrated and first only scored; its failures have since been read to build the answerability check, so it is development data now.`
      : r.set === 'fresh2'
      ? `${r.answerer} answerer, role official; ${r.questions} questions (${r.followUps} follow-ups) of eval/datasets/officials-fresh2.jsonl. **A second fresh set**: written from the documents before the first fresh set's failures were worked on and first only scored; its refusal failures have since been read to calibrate the refusal rules, so it is development data now.`
      : fresh
      ? `${r.answerer} answerer, role official; ${r.questions} questions (${r.followUps} follow-ups) of eval/datasets/officials-fresh.jsonl. **A fresh set**: written after the answerer's rules and at first only scored; its failures have since been read to fix their classes, so it is development data now.`
      : `${r.answerer} answerer, role official; ${r.questions} questions (${r.followUps} follow-ups) of eval/datasets/officials-questions.jsonl, drafting requests left out. **A development set**: the answerer's rules were written while reading it, so these figures flatter it; the issue's targets are for held-out questions.`,
  ];
}

function summaryTable(r: OfficialsEvalResult): string[] {
  const T = OFFICIALS_TARGETS;
  const kind = (k: string) => r.byKind.find((b) => b.kind === k);
  const list = kind('list');
  const comparison = kind('comparison');
  return [
    '| Metric | Value | Target (held-out) | Met here |',
    '|---|---|---|---|',
    `| Facts in answer (mean share per answerable question) | ${mean(r.overall.facts)} | ≥ ${T.facts} | ${yes(r.overall.facts.mean >= T.facts)} |`,
    `| … lists | ${list ? mean(list.facts) : '—'} | ≥ ${T.listFacts} | ${yes((list?.facts.mean ?? 0) >= T.listFacts)} |`,
    `| … comparisons | ${comparison ? mean(comparison.facts) : '—'} | ≥ ${T.comparisonFacts} | ${yes((comparison?.facts.mean ?? 0) >= T.comparisonFacts)} |`,
    `| Questions with every expected item | ${cell(r.overall.complete)} | | |`,
    `| Gold document cited | ${cell(r.overall.goldCited)} | ≥ ${pct(T.goldCited)} | ${yes(r.overall.goldCited.rate >= T.goldCited)} |`,
    `| False refusals | ${cell(r.overall.falseRefusals)} | ≤ 1 in 32 | ${yes(r.overall.falseRefusals.rate <= T.falseRefusals)} |`,
    `| Not answerable, refused | ${cell(r.unanswerable.correctRefusals)} | ≥ 7 in 8 | ${yes(r.unanswerable.correctRefusals.rate >= T.correctRefusals)} |`,
    `| … refusal offers the nearest document | ${cell(r.unanswerable.nearestOffered)} | | |`,
    `| Forbidden strings absent | ${cell(r.forbiddenAbsent)} | all | ${yes(r.forbiddenAbsent.n === r.forbiddenAbsent.of)} |`,
    `| Numbers and dates outside any cited passage | ${r.unsupported.total} | 0 | ${yes(r.unsupported.total === 0)} |`,
    `| Answer latency p50 / p95 (Assistant.chat) | ${r.latency.p50.toFixed(1)} / ${r.latency.p95.toFixed(1)} ms | p95 ≤ ${T.answerP95Ms} ms | ${yes(r.latency.p95 <= T.answerP95Ms)} |`,
  ];
}

function kindTable(r: OfficialsEvalResult): string[] {
  return [
    '| Kind | Questions | Facts (mean share) | Every item | Gold cited | False refusals | Refused (not answerable) | Forbidden absent |',
    '|---|---|---|---|---|---|---|---|',
    ...r.byKind.map((b) => `| ${b.kind} | ${b.questions} | ${mean(b.facts)} | ${cell(b.complete)} | ${cell(b.goldCited)} | ${cell(b.falseRefusals)} | ${cell(b.correctRefusals)} | ${cell(b.forbiddenAbsent)} |`),
  ];
}

/** The `eval-officials` section of docs/BENCHMARKS.md (tables only; failures are in the report). */
export function officialsSection(r: OfficialsEvalResult): string {
  return [
    ...header(r), '', ...summaryTable(r), '', ...kindTable(r), '',
    `Failures and every answer: \`eval/reports/${officialsNames(r).base}.md\` and \`.json\`.`,
  ].join('\n');
}

/** The full Markdown report. */
export function renderOfficialsMarkdown(r: OfficialsEvalResult): string {
  const failures = r.failures.map((f) =>
    `| ${f.id} | ${f.kind} | ${escapeCell(f.question)} | ${escapeCell(f.problems.join('; '))} | ${f.cited.join(', ') || '—'} | ${escapeCell(f.answer.slice(0, 400))} |`);
  return [
    `# Officials' answers, ${r.date}`, '', ...header(r), '',
    '## Summary', '', ...summaryTable(r), '',
    '## By kind', '', ...kindTable(r), '',
    `## Failures (${r.failures.length})`, '',
    ...(failures.length > 0 ? ['| id | Kind | Question | Problems | Cited | Answer (first 400 characters) |', '|---|---|---|---|---|---|', ...failures] : ['None.']),
    '',
  ].join('\n');
}

/** A few console lines. */
export function officialsSummary(r: OfficialsEvalResult): string {
  const kinds = r.byKind.map((b) => `${b.kind} ${b.kind === 'unanswerable' ? cell(b.correctRefusals) : mean(b.facts)}`).join(' · ');
  return [
    `facts ${mean(r.overall.facts)} · every item ${cell(r.overall.complete)} · gold cited ${cell(r.overall.goldCited)} · false refusals ${cell(r.overall.falseRefusals)}`,
    `not answerable refused ${cell(r.unanswerable.correctRefusals)} (nearest offered ${cell(r.unanswerable.nearestOffered)}) · forbidden absent ${cell(r.forbiddenAbsent)} · unsupported ${r.unsupported.total}`,
    `by kind: ${kinds}`,
    `answer p50/p95 ${r.latency.p50}/${r.latency.p95} ms · ${r.failures.length} failures`,
  ].join('\n');
}

/** Write officials-<date>.json and .md into `dir` (default eval/reports); their paths. */
export async function writeOfficialsReport(r: OfficialsEvalResult, dir = REPORTS_DIR): Promise<{ json: string; md: string }> {
  await mkdir(dir, { recursive: true });
  const { base } = officialsNames(r);
  const paths = { json: join(dir, `${base}.json`), md: join(dir, `${base}.md`) };
  await writeFile(paths.json, `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(paths.md, renderOfficialsMarkdown(r));
  return paths;
}
