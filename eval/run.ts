/**
 * `npm run eval`: quality on real data, in parts.
 *
 * - `alqac`: retrieval on the ALQAC legal-retrieval dev set (523 questions, 2,249
 *   articles) for BM25 alone, the dense retriever alone and fused mixes, plus retrieval
 *   latency on the ALQAC index and on the full index.
 * - `answers`: grounded answers to citizens' procedure questions and refusals of
 *   unanswerable ones (eval/datasets), over the full index (corpora/ + the TTHC catalog +
 *   ALQAC), with a report in eval/reports/.
 * - `officials`: officials' questions over provincial documents (eval/datasets/
 *   officials-questions.jsonl) asked as an official over the full index, scored by kind
 *   (facts, lists, gold document cited, refusals, forbidden strings, grounding, latency);
 *   `--set fresh` asks eval/datasets/officials-fresh.jsonl instead (read since, development
 *   data now), `--set fresh2` eval/datasets/officials-fresh2.jsonl (read since as well),
 *   `--set fresh3` eval/datasets/officials-fresh3.jsonl (read since for its refusal failures),
 *   `--set fresh4` eval/datasets/officials-fresh4.jsonl (only scored: the held-out stand-in).
 * - `traps`: the citizens' trap set (eval/datasets/citizen-traps.jsonl), each question asked
 *   on its own day as a citizen over the full index, scored per kind; with the ingest
 *   parser's typed fields counted against the catalog census.
 * - `redteam`: the usage-policy guards against adversarial prompts and ordinary
 *   questions (eval/datasets/redteam.jsonl, normal-questions.jsonl) over the full index.
 * - `curve` (only when named): the officials' refusal gate swept over its evidence
 *   threshold (eval/refusal-curve.ts).
 * - `drafts`: the officials' drafting requests (eval/datasets/officials-questions.jsonl,
 *   `kind: "draft"`) drafted over the full index: facts quoted, forbidden passages and
 *   broken quotes, parent body asked, agency and signer remembered (eval/drafts.ts).
 * - `inforce`: the relation-clause extractor (thay thế, bãi bỏ, sửa đổi bổ sung, hết hiệu
 *   lực) on eval/datasets/replacement-clauses.jsonl, precision and recall per kind, and a
 *   census of the ALQAC laws' own clauses (eval/inforce.ts); no index needed.
 * - `safety`: the planted red-team documents (secret markings, planted instructions,
 *   fraud, controls) ingested with a slice of the shipped inputs into a temporary index,
 *   every question asked as a citizen; and the PII variants through chat into a JSONL
 *   audit trail (eval/safety.ts). Needs no eval index.
 * - `ocr-retrieval` (only when named): retrieval over an OCR'd copy of corpora/ (the
 *   shipped texts rendered to scans and read back through the OCR loader) against the text
 *   copy, on the officials' questions with gold documents (eval/ocr-retrieval.ts);
 *   `--with-catalog` indexes the TTHC catalog beside both copies; `--scan 300dpi-clean`
 *   (or `200dpi-noisy`) makes one OCR'd copy instead of both.
 * - `golden` (only when named): every eval question and 200 ALQAC questions as citizen and
 *   official, compared byte for byte with answers saved before a refactor (eval/golden.ts).
 *
 *   npm run eval                    # all parts; indexes are built or updated under data/eval/
 *   npm run eval -- alqac           # one part (alqac, answers, officials, traps, redteam, drafts, inforce, safety, golden, curve)
 *   npm run eval -- safety          # planted red-team documents and PII variants, in a temporary index
 *   npm run eval -- drafts          # the officials' drafting requests
 *   npm run eval -- traps --set fresh    # the fresh citizen trap set (its failures read since: development data)
 *   npm run eval -- traps --set fresh2   # the second fresh citizen trap set (read since: development data)
 *   npm run eval -- traps --set fresh3   # the third fresh citizen trap set (read since: development data)
 *   npm run eval -- traps --set fresh4   # the fourth fresh citizen trap set (a held-out stand-in)
 *   npm run eval -- answers --set fresh  # citizens' procedure questions in everyday words (eval/datasets/procedure-fresh.jsonl; fresh2 read since too)
 *   npm run eval -- answers --set fresh3 # the third batch (eval/datasets/procedure-fresh3.jsonl; read since: development data)
 *   npm run eval -- answers --set fresh4 # the fourth batch, the held-out stand-in (eval/datasets/procedure-fresh4.jsonl)
 *   npm run eval -- drafts --set fresh   # further drafting requests (eval/datasets/drafts-fresh.jsonl; fresh2, fresh3 the next batches, read since; fresh4 held out)
 *   npm run eval -- officials --set fresh3  # the officials' third fresh set (read since: development data)
 *   npm run eval -- officials --set fresh4  # the officials' fourth fresh set (the held-out stand-in)
 *   npm run eval -- --rebuild       # rebuild the eval indexes first
 *   npm run eval -- --write         # also update docs/BENCHMARKS.md and eval/reports/
 *   npm run eval -- golden --save   # record golden answers; without --save, compare with them
 *   npm run eval -- answers --index <dir>   # answers and red team over an existing index
 *
 * The shared datasets are read from SHARED_DIR (default ../shared beside the checkout).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { join, relative } from 'node:path';
import os from 'node:os';
import type { Config } from '../config/config.ts';
import { configFromEnvironment } from '../config/environment.ts';
import { datasetPaths, REPO_ROOT, requireDataset, type DatasetPaths } from '../config/paths.ts';
import { ingest } from '../ingest/pipeline.ts';
import { replaceSection } from '../measure/report-section.ts';
import { runAnswerEval, type AnswerSet } from './answers.ts';
import { answersSection, answersSummary, writeAnswerReport } from './report.ts';
import { redteamSection, redteamSummary, runRedteamEval } from './redteam.ts';
import { runOfficialsEval } from './officials.ts';
import { curveSection, refusalCurve } from './refusal-curve.ts';
import { officialsNames, officialsSection, officialsSummary, writeOfficialsReport } from './officials-report.ts';
import type { OfficialSet } from './datasets/officials-questions.ts';
import { goldenCommand } from './golden.ts';
import { runTrapEval, trapsSummary } from './traps.ts';
import { trapsFreshSection, trapsSection } from './traps-report.ts';
import { FRESH2_CITIZEN_TRAPS_PATH, FRESH3_CITIZEN_TRAPS_PATH, FRESH4_CITIZEN_TRAPS_PATH, FRESH_CITIZEN_TRAPS_PATH, loadCitizenTraps } from './datasets/citizen-traps.ts';
import { PROCEDURE_FRESH2_PATH, PROCEDURE_FRESH3_PATH, PROCEDURE_FRESH4_PATH, PROCEDURE_FRESH_PATH, loadProcedureQuestions } from './datasets/answer-datasets.ts';
import { loadCatalogRecords } from './datasets/catalog-records.ts';
import { parserCensus, parserCensusTable, parserCoverage } from './datasets/parser-census.ts';
import { draftsSection, draftsSummary, FRESH_DRAFT_SETS, loadFreshDrafts, runDraftEval, type DraftSet } from './drafts.ts';
import { alqacCensus, censusSample, inforceReport, runClauseEval } from './inforce.ts';
import { runSafetyEval, safetySection } from './safety.ts';
import { runAlqacPart } from './alqac-part.ts';
import { ocrRetrievalSection, runOcrRetrievalEval, SCAN_CONDITIONS } from './ocr-retrieval.ts';

/** The question sets a part may ask: its development set, or a held-out one (`--set`). */
const EVAL_SETS = ['dev', 'fresh', 'fresh2', 'fresh3', 'fresh4'] as const;
type EvalSet = (typeof EVAL_SETS)[number];

/** The sets of the parts that do not have them all. */
const PART_SETS: Readonly<Record<string, readonly EvalSet[]>> = {
  answers: ['dev', 'fresh', 'fresh2', 'fresh3', 'fresh4'],
};

/** The set `part` asks, checked to be one it has. */
function partSet<S extends EvalSet>(part: string, set: EvalSet): S {
  const known = PART_SETS[part];
  if (known && !known.includes(set)) throw new Error(`eval part ${part} has no --set ${set}; known: ${known.join(', ')}`);
  return set as S;
}

/** What one `npm run eval` does, from its flags and the configuration. */
interface EvalRun {
  rebuild: boolean;
  write: boolean;
  /** An existing index for the answer and red-team parts, instead of the full one built here. */
  index?: string;
  /**
   * Which question set the officials', traps and drafts parts ask (`--set dev|fresh|fresh2|fresh3|fresh4`,
   * default dev): the fresh sets are held apart from the rules (eval/datasets/README.md).
   */
  set: EvalSet;
  datasets: DatasetPaths;
}

/** The full index (shipped corpus + TTHC catalog + ALQAC), built or updated incrementally. */
async function fullIndex(run: EvalRun): Promise<string> {
  const dir = join(REPO_ROOT, 'data', 'eval', 'full-index');
  const s = await ingest({
    inputs: [join(REPO_ROOT, 'corpora'), requireDataset(run.datasets.tthc), requireDataset(run.datasets.alqacCorpus)],
    indexDir: dir, rebuild: run.rebuild,
  });
  process.stderr.write(`full index: ${s.documents} documents, ${s.chunks} chunks\n`);
  return dir;
}

async function answersPart(values: EvalRun): Promise<void> {
  const indexDir = values.index ?? await fullIndex(values);
  const set = partSet<AnswerSet>('answers', values.set);
  // The fresh sets have no unanswerable questions of their own: the development ones are not asked again.
  const freshPath = set === 'dev' ? undefined : { fresh: PROCEDURE_FRESH_PATH, fresh2: PROCEDURE_FRESH2_PATH, fresh3: PROCEDURE_FRESH3_PATH, fresh4: PROCEDURE_FRESH4_PATH }[set];
  const fresh = freshPath ? { set, questions: await loadProcedureQuestions(freshPath), unanswerable: [] } : {};
  const result = await runAnswerEval({ indexDir, ...fresh });
  process.stdout.write(`${answersSummary(result)}\n`);
  if (values.write) {
    const files = await writeAnswerReport(result);
    process.stdout.write(`report: ${files.md}\n`);
    await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), set === 'dev' ? 'eval-answers' : `eval-answers-${set}`, answersSection(result));
  }
}

async function officialsPart(values: EvalRun): Promise<void> {
  const indexDir = values.index ?? await fullIndex(values);
  const result = await runOfficialsEval({ indexDir, set: partSet<OfficialSet>('officials', values.set) });
  process.stdout.write(`${officialsSummary(result)}\n`);
  if (values.write) {
    const files = await writeOfficialsReport(result);
    process.stdout.write(`report: ${files.md}\n`);
    await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), officialsNames(result).marker, officialsSection(result));
  }
}

async function curvePart(values: EvalRun): Promise<void> {
  const indexDir = values.index ?? await fullIndex(values);
  const points = await refusalCurve(indexDir);
  const header = `Command: \`npm run eval -- curve\` (index ${relative(process.cwd(), indexDir) || indexDir}) · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
  const section = curveSection(points, header);
  process.stdout.write(`${section}\n`);
  if (values.write) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), 'eval-refusal-curve', section);
}

async function trapsPart(values: EvalRun): Promise<void> {
  const indexDir = values.index ?? await fullIndex(values);
  const set = partSet<'dev' | 'fresh' | 'fresh2' | 'fresh3' | 'fresh4'>('traps', values.set);
  if (set !== 'dev') {
    const path = { fresh: FRESH_CITIZEN_TRAPS_PATH, fresh2: FRESH2_CITIZEN_TRAPS_PATH, fresh3: FRESH3_CITIZEN_TRAPS_PATH, fresh4: FRESH4_CITIZEN_TRAPS_PATH }[set];
    const result = await runTrapEval({ indexDir, traps: await loadCitizenTraps(path) });
    process.stdout.write(`${set} set (${relative(REPO_ROOT, path)})\n${trapsSummary(result)}\n`);
    if (values.write) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), `eval-traps-${set}`, trapsFreshSection(result, set));
    return;
  }
  const result = await runTrapEval({ indexDir });
  process.stdout.write(`${trapsSummary(result)}\n`);
  const records = await loadCatalogRecords(values.datasets.tthc);
  const census = parserCensus(records);
  const coverage = parserCoverage(records);
  process.stdout.write(`${parserCensusTable(census)}\n`);
  if (values.write) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), 'eval-traps', trapsSection(result, census, coverage));
}

async function redteamPart(values: EvalRun): Promise<void> {
  const result = await runRedteamEval({ indexDir: values.index ?? await fullIndex(values) });
  process.stdout.write(`${redteamSummary(result)}\n`);
  if (values.write) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), 'eval-redteam', redteamSection(result));
}

async function draftsPart(values: EvalRun): Promise<void> {
  const indexDir = values.index ?? await fullIndex(values);
  const set = partSet<DraftSet>('drafts', values.set);
  const questions = set === 'dev' ? undefined : await loadFreshDrafts(FRESH_DRAFT_SETS[set]);
  const result = await runDraftEval({ indexDir, ...(questions ? { questions } : {}) });
  const summary = draftsSummary(result);
  process.stdout.write(`${summary}\n`);
  if (values.write) {
    const report = join(REPO_ROOT, 'eval', 'reports', `drafts-${set}-${new Date().toISOString().slice(0, 10)}.md`);
    await writeFile(report, `# Drafts (${set} set)\n\n\`\`\`\n${summary}\n\`\`\`\n`);
    process.stdout.write(`report: ${report}\n`);
    await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), set === 'dev' ? 'eval-drafts' : `eval-drafts-${set}`, draftsSection(result, set));
  }
}

async function main(config: Config): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rebuild: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      save: { type: 'boolean', default: false },
      index: { type: 'string' },
      set: { type: 'string', default: 'dev' },
      'with-catalog': { type: 'boolean', default: false },
      scan: { type: 'string' },
    },
  });
  const defaults = ['alqac', 'answers', 'officials', 'traps', 'redteam', 'drafts', 'inforce', 'safety'];
  const known = [...defaults, 'golden', 'curve', 'ocr-retrieval'];
  const parts = positionals.length ? positionals : defaults;
  for (const p of parts) if (!known.includes(p)) throw new Error(`unknown eval part ${p}; known: ${known.join(', ')}`);
  if (!EVAL_SETS.includes(values.set as EvalSet)) throw new Error(`unknown --set ${values.set}; known: ${EVAL_SETS.join(', ')}`);
  for (const p of parts) partSet(p, values.set as EvalSet);
  const run: EvalRun = {
    rebuild: values.rebuild, write: values.write, ...(values.index ? { index: values.index } : {}),
    set: values.set as EvalSet, datasets: datasetPaths(config),
  };
  if (parts.includes('alqac')) await alqacPart(run);
  if (parts.includes('answers')) await answersPart(run);
  if (parts.includes('officials')) await officialsPart(run);
  if (parts.includes('traps')) await trapsPart(run);
  if (parts.includes('curve')) await curvePart(run);
  if (parts.includes('redteam')) await redteamPart(run);
  if (parts.includes('drafts')) await draftsPart(run);
  if (parts.includes('inforce')) await inforcePart(run);
  if (parts.includes('safety')) await safetyPart(run);
  if (parts.includes('ocr-retrieval')) await ocrRetrievalPart(run, values['with-catalog'], values.scan);
  if (parts.includes('golden')) process.exitCode = await goldenCommand({ indexDir: values.index ?? await fullIndex(run), save: values.save, datasets: run.datasets });
}

async function ocrRetrievalPart(values: EvalRun, withCatalog: boolean, scan?: string): Promise<void> {
  const conditions = scan ? SCAN_CONDITIONS.filter((c) => c.key === scan) : SCAN_CONDITIONS;
  if (conditions.length === 0) throw new Error(`unknown --scan ${scan}; known: ${SCAN_CONDITIONS.map((c) => c.key).join(', ')}`);
  const result = await runOcrRetrievalEval({
    conditions,
    corpusDir: join(REPO_ROOT, 'corpora'), workDir: join(REPO_ROOT, 'data', 'eval', 'ocr-copy'),
    ...(withCatalog ? { catalog: requireDataset(values.datasets.tthc) } : {}),
  });
  const header = `Command: \`npm run eval -- ocr-retrieval${withCatalog ? ' --with-catalog' : ''}\` · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version} · load average ${os.loadavg()[0]!.toFixed(1)} at the end`;
  const section = ocrRetrievalSection(result, header);
  process.stdout.write(`${section}\n`);
  if (values.write) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), `eval-ocr-retrieval${withCatalog ? '-catalog' : ''}`, section);
}

async function safetyPart(values: EvalRun): Promise<void> {
  const result = await runSafetyEval({ tthc: requireDataset(values.datasets.tthc) });
  const section = safetySection(result);
  process.stdout.write(`${section}\n`);
  if (values.write) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), 'eval-safety', section);
  const keptAll = result.keptFromCitizens.every((k) => k.result.n === k.result.of) && result.secretsAbsent.n === result.secretsAbsent.of;
  if (!keptAll || result.pii.keptInAudit > 0) process.exitCode = 1;
}

async function inforcePart(values: EvalRun): Promise<void> {
  const scores = await runClauseEval();
  const census = await alqacCensus(requireDataset(values.datasets.alqacCorpus));
  const header = `Command: \`npm run eval -- inforce\` · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
  const report = inforceReport(scores, census, header);
  process.stdout.write(`${report}\n\nSample of ALQAC articles with what was found:\n\n${censusSample(census)}\n`);
  if (values.write) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), 'eval-inforce', report);
}

async function alqacPart(values: EvalRun): Promise<void> {
  await runAlqacPart({ rebuild: values.rebuild, write: values.write, datasets: values.datasets, fullIndex: () => fullIndex(values) });
}

Promise.resolve().then(() => main(configFromEnvironment())).catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
