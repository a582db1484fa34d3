/**
 * Reports of the answer evaluation (eval/answers.ts): eval/reports/answers-<date>.json,
 * .md (tables and failures) and .svg (metrics against targets, drawn by hand), and the
 * Markdown section kept in docs/BENCHMARKS.md under the marker `eval-answers`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { AnswerEvalResult, Rate } from './answers.ts';
import { REPO_ROOT } from '../config/paths.ts';

export const REPORTS_DIR = join(REPO_ROOT, 'eval', 'reports');

/** One charted metric: a rate and the target it is held to. */
interface Metric {
  label: string;
  value: Rate;
  target: number;
  /** `min`: the rate must reach the target; `max`: it must stay at or below it. */
  kind: 'min' | 'max';
}

/**
 * Targets for the embedded defaults (extractive answerer, BM25): what a citizen should be
 * able to rely on. Unsupported facts have a target of zero, checked separately.
 */
/** Targets from the retrieval-and-answers issue (gold cited ≥ 95%, facts ≥ 90%, refusals). */
export const ANSWER_TARGETS = {
  goldCited: 0.95,
  goldRetrieved: 0.95,
  factsFound: 0.9,
  correctRefusals: 0.9,
  falseRefusals: 0.05,
} as const;

function metrics(r: AnswerEvalResult): Metric[] {
  return [
    { label: `Gold procedure in retrieval top ${r.k}`, value: r.procedure.goldRetrieved, target: ANSWER_TARGETS.goldRetrieved, kind: 'min' },
    { label: 'Gold procedure cited', value: r.procedure.goldCited, target: ANSWER_TARGETS.goldCited, kind: 'min' },
    { label: 'Expected facts in answer', value: r.procedure.factsFound, target: ANSWER_TARGETS.factsFound, kind: 'min' },
    // A set without unanswerable questions (the held-out one) has no refusal rate to meet.
    ...(r.unanswerable.questions > 0
      ? [{ label: 'Correct refusals (unanswerable)', value: r.unanswerable.correctRefusals, target: ANSWER_TARGETS.correctRefusals, kind: 'min' as const }]
      : []),
    { label: 'False refusals (answerable)', value: r.procedure.falseRefusals, target: ANSWER_TARGETS.falseRefusals, kind: 'max' },
  ];
}

const met = (m: Metric) => (m.kind === 'min' ? m.value.rate >= m.target : m.value.rate <= m.target);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const cell = (r: Rate) => `${pct(r.rate)} (${r.n}/${r.of})`;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s+/gu, ' ').trim();
}

/** A horizontal bar chart of the rates against their targets (SVG 1.1, no script, no fonts beyond sans-serif). */
export function renderAnswerChart(r: AnswerEvalResult): string {
  const rows = metrics(r);
  const left = 250;
  const barWidth = 330;
  const rowHeight = 34;
  const top = 44;
  const width = left + barWidth + 110;
  const height = top + rows.length * rowHeight + 52;
  const x = (v: number) => left + Math.max(0, Math.min(1, v)) * barWidth;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<title>Answer evaluation ${escapeXml(r.date)}: metrics against targets</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="24" font-size="15" font-weight="bold">Answer quality, ${escapeXml(r.answerer)} answerer, ${escapeXml(r.date)}</text>`,
  ];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${x(t)}" y1="${top - 6}" x2="${x(t)}" y2="${top + rows.length * rowHeight}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${x(t)}" y="${top + rows.length * rowHeight + 16}" text-anchor="middle" fill="#666">${t * 100}%</text>`);
  }
  rows.forEach((m, i) => {
    const y = top + i * rowHeight;
    const colour = met(m) ? '#2e7d32' : '#e65100';
    parts.push(`<text x="${left - 10}" y="${y + 18}" text-anchor="end">${escapeXml(m.label)}</text>`);
    parts.push(`<rect x="${left}" y="${y + 5}" width="${Math.max(1, x(m.value.rate) - left).toFixed(1)}" height="18" fill="${colour}"/>`);
    parts.push(`<line x1="${x(m.target)}" y1="${y + 1}" x2="${x(m.target)}" y2="${y + 27}" stroke="#000" stroke-width="2"/>`);
    parts.push(`<text x="${left + barWidth + 10}" y="${y + 18}">${pct(m.value.rate)} ${m.kind === 'min' ? '≥' : '≤'} ${pct(m.target)}</text>`);
  });
  const unsupportedColour = r.unsupported.total === 0 ? '#2e7d32' : '#e65100';
  parts.push(`<text x="12" y="${height - 12}" fill="${unsupportedColour}">Unsupported facts in answers: ${r.unsupported.total} (target 0) · black tick = target · green = met</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function summaryTable(r: AnswerEvalResult): string[] {
  const rows = metrics(r).map((m) => `| ${m.label} | ${cell(m.value)} | ${m.kind === 'min' ? '≥' : '≤'} ${pct(m.target)} | ${met(m) ? 'yes' : 'no'} |`);
  return [
    '| Metric | Value | Target | Met |',
    '|---|---|---|---|',
    ...rows,
    `| Questions with every expected fact | ${cell(r.procedure.allFacts)} | | |`,
    `| Unsupported facts in answers | ${r.unsupported.total} | 0 | ${r.unsupported.total === 0 ? 'yes' : 'no'} |`,
  ];
}

function latencyTable(r: AnswerEvalResult): string[] {
  const row = (name: string, s: AnswerEvalResult['latency']['retrieval']) => `| ${name} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.mean.toFixed(1)} |`;
  return ['| Latency (ms) | p50 | p95 | mean |', '|---|---|---|---|', row(`Retrieval alone (corpus.search, k=${r.k})`, r.latency.retrieval), row('Whole answer (Assistant.chat)', r.latency.answer)];
}

function intentTable(r: AnswerEvalResult): string[] {
  return [
    '| Intent | Questions | Gold cited | Facts in answer | False refusals |',
    '|---|---|---|---|---|',
    ...r.byIntent.map((b) => `| ${b.intent} | ${b.questions} | ${cell(b.goldCited)} | ${b.factsFound.of === 0 ? '—' : cell(b.factsFound)} | ${cell(b.falseRefusals)} |`),
  ];
}

/** The report files' base name: `answers-<date>`, or `answers-<set>-<date>` for a fresh set. */
export function answersReportBase(r: AnswerEvalResult): string {
  return r.set && r.set !== 'dev' ? `answers-${r.set}-${r.date}` : `answers-${r.date}`;
}

/** What each fresh set is, for the report's header. */
const FRESH_SET_WORDS: Readonly<Record<'fresh' | 'fresh2' | 'fresh3' | 'fresh4', string>> = {
  fresh: 'from eval/datasets/procedure-fresh.jsonl (the first fresh batch), in everyday words on procedures the development set does not ask about; first only scored, its failures read since, so development data now',
  fresh2: 'from eval/datasets/procedure-fresh2.jsonl (the second fresh batch), in everyday words on procedures no other set asks about; first only scored, its failures read since (issue 14, round 6), so development data now',
  fresh3: 'from eval/datasets/procedure-fresh3.jsonl (the third fresh batch), in everyday words on procedures no other procedure or trap set asks about; first only scored, its failures read since (issue 14, round 7), so development data now',
  fresh4: 'from eval/datasets/procedure-fresh4.jsonl (the fourth fresh batch, held out), in everyday words on procedures no other procedure or trap set asks about, never read to write rules',
};

function header(r: AnswerEvalResult): string[] {
  const set = r.set ?? 'dev';
  return [
    `Command: \`npm run eval -- answers${set === 'dev' ? '' : ` --set ${set}`}\` (index ${relative(process.cwd(), r.indexDir) || r.indexDir}) · ${r.date} · ${r.machine}, Node ${r.node}`,
    '',
    set !== 'dev'
      ? `${r.answerer} answerer, role citizen; ${r.procedure.questions} procedure questions (${r.procedure.followUps} follow-ups) ${FRESH_SET_WORDS[set]}.`
      : `${r.answerer} answerer, role citizen; ${r.procedure.questions} procedure questions (${r.procedure.followUps} follow-ups) from eval/datasets/procedure-questions.jsonl and ${r.unanswerable.questions} questions no indexed document answers (eval/datasets/unanswerable.jsonl).`,
  ];
}

/** The `eval-answers` (or `eval-answers-fresh`) section of docs/BENCHMARKS.md (tables only; failures are in the report). */
export function answersSection(r: AnswerEvalResult): string {
  return [
    ...header(r),
    '',
    ...summaryTable(r),
    '',
    ...latencyTable(r),
    '',
    ...intentTable(r),
    '',
    `Failures and every answer: \`eval/reports/${answersReportBase(r)}.md\` and \`.json\`.`,
  ].join('\n');
}

/** The full Markdown report, embedding the chart `svgName` written beside it. */
export function renderAnswerMarkdown(r: AnswerEvalResult, svgName: string): string {
  const failures = r.failures.map((f) =>
    `| ${f.qid} | ${escapeCell(f.text)} | ${f.kinds.join(', ')} | ${escapeCell(f.detail)} | ${f.cited.join(', ') || '—'} | ${f.gold.join(', ') || '—'} | ${escapeCell(f.answer)} |`);
  const unsupported = r.unsupported.items.map((i) => `- ${i.qid}: ${i.facts.map((f) => `\`${f}\``).join(', ')}`);
  return [
    `# Answer evaluation, ${r.date}`,
    '',
    ...header(r),
    '',
    `![Metrics against targets](${svgName})`,
    '',
    '## Summary',
    '',
    ...summaryTable(r),
    '',
    ...latencyTable(r),
    '',
    '## By intent',
    '',
    ...intentTable(r),
    '',
    '## Unsupported facts',
    '',
    ...(unsupported.length > 0 ? unsupported : ['None: every fact in every answer is in a cited quote.']),
    '',
    `## Failures (${r.failures.length})`,
    '',
    ...(failures.length > 0
      ? ['| qid | Question | Kinds | Detail | Cited | Gold | Answer (shortened) |', '|---|---|---|---|---|---|---|', ...failures]
      : ['None.']),
    '',
  ].join('\n');
}

/** A few console lines. */
export function answersSummary(r: AnswerEvalResult): string {
  return [
    `gold cited ${cell(r.procedure.goldCited)} · gold retrieved@${r.k} ${cell(r.procedure.goldRetrieved)} · facts ${cell(r.procedure.factsFound)}`,
    `correct refusals ${cell(r.unanswerable.correctRefusals)} · false refusals ${cell(r.procedure.falseRefusals)} · unsupported facts ${r.unsupported.total}`,
    `retrieval p50/p95 ${r.latency.retrieval.p50}/${r.latency.retrieval.p95} ms · answer p50/p95 ${r.latency.answer.p50}/${r.latency.answer.p95} ms · ${r.failures.length} failures`,
  ].join('\n');
}

/** Write answers[-fresh]-<date>.json, .md and .svg into `dir` (default eval/reports); their paths. */
export async function writeAnswerReport(r: AnswerEvalResult, dir = REPORTS_DIR): Promise<{ json: string; md: string; svg: string }> {
  await mkdir(dir, { recursive: true });
  const base = answersReportBase(r);
  const paths = { json: join(dir, `${base}.json`), md: join(dir, `${base}.md`), svg: join(dir, `${base}.svg`) };
  await writeFile(paths.json, `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(paths.svg, renderAnswerChart(r));
  await writeFile(paths.md, renderAnswerMarkdown(r, `${base}.svg`));
  return paths;
}
