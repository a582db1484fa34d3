/**
 * The ALQAC part of `npm run eval` (eval/run.ts): retrieval over the 2,249 law articles
 * against the dev questions' gold articles, per retriever mix, through /api/search, and
 * the default configuration's latency.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import os from 'node:os';
import { REPO_ROOT, requireDataset, type DatasetPaths } from '../config/paths.ts';
import { foldDiacritics } from '../core/text/fold.ts';
import { ExtractiveAnswerer } from '../core/answer/extractive-answerer.ts';
import { openIndex, type OpenIndex } from '../index/open-index.ts';
import { ingest } from '../ingest/pipeline.ts';
import { replaceSection } from '../measure/report-section.ts';
import { nearestRank } from '../measure/stats.ts';
import { Assistant, audiencesFor } from '../server/assistant.ts';
import { scoreRankings, type RankingScores } from './metrics.ts';

/** What the ALQAC part needs of the run. */
export interface AlqacRun {
  rebuild: boolean;
  write: boolean;
  datasets: DatasetPaths;
  /** The full index (built or updated), for the latency row. */
  fullIndex: () => Promise<string>;
}

interface Question {
  qid: string;
  text: string;
  relevant_doc_ids: string[];
}

const MIXES: Array<{ name: string; weights: { bm25: number; dense: number }; fusion?: 'rrf' | 'score'; unaccented?: boolean }> = [
  { name: 'BM25 (syllables + pairs, folded shadow)', weights: { bm25: 1, dense: 0 } },
  { name: 'BM25, questions typed without diacritics', weights: { bm25: 1, dense: 0 }, unaccented: true },
  { name: 'Dense (built-in LSA, HNSW)', weights: { bm25: 0, dense: 1 } },
  { name: 'RRF 1 : 0.25', weights: { bm25: 1, dense: 0.25 } },
  { name: 'RRF 1 : 1', weights: { bm25: 1, dense: 1 } },
  { name: 'Score sum 1 : 0.1', weights: { bm25: 1, dense: 0.1 }, fusion: 'score' },
  { name: 'Score sum 1 : 0.2', weights: { bm25: 1, dense: 0.2 }, fusion: 'score' },
  { name: 'Score sum 1 : 0.4', weights: { bm25: 1, dense: 0.4 }, fusion: 'score' },
];

function fmt(s: RankingScores): string {
  return [s.recallAt1, s.recallAt5, s.recallAt10, s.mrrAt10, s.ndcgAt10].map((x) => x.toFixed(3)).join(' | ');
}

/**
 * Retrieval latency of the default configuration, one question at a time, after a warm-up
 * pass (first-search merges and JIT are start-up costs, not per-query ones).
 */
async function timeRetrieval(index: OpenIndex, questions: Question[]): Promise<{ p50: number; p95: number; chunks: number }> {
  const run = (q: Question) => index.search(q.text, { k: 10, audiences: ['public', 'internal'] });
  for (const q of questions.slice(0, 50)) await run(q);
  const times: number[] = [];
  for (const q of questions) {
    const started = performance.now();
    await run(q);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: nearestRank(times, 0.5), p95: nearestRank(times, 0.95), chunks: index.state.chunks.size };
}

/**
 * `npm run eval -- alqac`: the retriever mixes on the ALQAC dev questions, /api/search's
 * grouping, and retrieval latency on the ALQAC and the full index.
 */
export async function runAlqacPart(values: AlqacRun): Promise<void> {
  const indexDir = join(REPO_ROOT, 'data', 'eval', 'alqac-index');
  const summary = await ingest({ inputs: [requireDataset(values.datasets.alqacCorpus)], indexDir, rebuild: values.rebuild });
  process.stderr.write(`index: ${summary.documents} documents, ${summary.chunks} chunks, embedder ${summary.embedder}\n`);
  const index = await openIndex(indexDir);
  const questions = (await readFile(requireDataset(values.datasets.alqacQuestions), 'utf8'))
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as Question);

  const rows: string[] = [];
  for (const mix of MIXES) {
    const started = performance.now();
    const runs = [];
    for (const q of questions) {
      const hits = await index.search(mix.unaccented ? foldDiacritics(q.text) : q.text, { k: 10, weights: mix.weights, ...(mix.fusion ? { fusion: mix.fusion } : {}), perDoc: 1, audiences: ['public', 'internal'] });
      runs.push({ ranked: hits.map((h) => h.sourceId), gold: q.relevant_doc_ids });
    }
    const ms = (performance.now() - started) / questions.length;
    const s = scoreRankings(runs);
    rows.push(`| ${mix.name} | ${fmt(s)} | ${ms.toFixed(1)} |`);
    process.stdout.write(`${mix.name.padEnd(42)} R@1 R@5 R@10 MRR@10 nDCG@10 = ${fmt(s)}  (${ms.toFixed(1)} ms/q)\n`);
  }

  // Through the API: /api/search (Assistant.search) as it groups results by source, against the
  // ungrouped top k chunks it returned before (several chunks of one article took several places).
  const assistant = new Assistant(index, new ExtractiveAnswerer());
  const apiRuns = { ungrouped: [] as Array<{ ranked: string[]; gold: string[] }>, grouped: [] as Array<{ ranked: string[]; gold: string[] }> };
  for (const q of questions) {
    const chunks = await index.search(q.text, { k: 10, audiences: audiencesFor('citizen') });
    apiRuns.ungrouped.push({ ranked: chunks.map((h) => h.sourceId), gold: q.relevant_doc_ids });
    const grouped = await assistant.search({ query: q.text, k: 10 }, 'citizen');
    apiRuns.grouped.push({ ranked: grouped.results.map((r) => r.sourceId), gold: q.relevant_doc_ids });
  }
  const apiRows = (Object.entries(apiRuns) as Array<[string, Array<{ ranked: string[]; gold: string[] }>]>).map(([name, runs]) => {
    const s = scoreRankings(runs);
    const sources = runs.reduce((n, r) => n + new Set(r.ranked).size, 0) / runs.length;
    process.stdout.write(`/api/search ${name.padEnd(10)} R@1 R@5 R@10 MRR@10 nDCG@10 = ${fmt(s)}  (${sources.toFixed(2)} sources in 10 results)\n`);
    return `| ${name === 'grouped' ? 'Grouped by source (now)' : 'Top 10 chunks (before)'} | ${fmt(s)} | ${sources.toFixed(2)} |`;
  });

  const latencyRows: string[] = [];
  const timed: Array<[string, OpenIndex]> = [['ALQAC eval index', index]];
  timed.push(['Full index (corpora + TTHC + ALQAC)', await openIndex(await values.fullIndex())]);
  for (const [name, idx] of timed) {
    const t = await timeRetrieval(idx, questions);
    latencyRows.push(`| ${name} | ${t.chunks} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} |`);
    process.stdout.write(`latency ${name}: ${t.chunks} chunks, p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms\n`);
  }
  const section = [
    `Command: \`npm run eval -- alqac\` · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
    '',
    `ALQAC dev: ${questions.length} questions over ${summary.documents} articles (${summary.chunks} chunks); metrics on unique articles, one chunk per article.`,
    '',
    '| Retriever | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 | ms/query |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Through `/api/search` (Assistant.search, k 10, as a citizen): sources are counted once, in the order the results give them.',
    '',
    '| Results | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 | distinct sources in 10 |',
    '|---|---|---|---|---|---|---|',
    ...apiRows,
    '',
    `Retrieval latency of the default configuration (BM25 with query understanding, k 10), one ALQAC question at a time after a warm-up pass:`,
    '',
    '| Index | Chunks | p50 ms | p95 ms |',
    '|---|---|---|---|',
    ...latencyRows,
    '',
    'Reference points given with the dataset: plain BM25 on syllables R@10 0.939 / MRR@10 0.814; with syllable pairs 0.960 / 0.873.',
  ].join('\n');
  if (values.write) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), 'eval-alqac', section);
}
