/**
 * `npm run eval`: retrieval quality on the ALQAC legal-retrieval dev set (523 questions,
 * 2,249 articles), for BM25 alone, the dense retriever alone, and fused mixes; the
 * figures go to docs/BENCHMARKS.md by hand or with `--write`.
 *
 *   npm run eval                 # builds (or reuses) data/eval/alqac-index
 *   npm run eval -- --rebuild    # rebuild the eval index first
 *   npm run eval -- --write      # also update the eval section of docs/BENCHMARKS.md
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import os from 'node:os';
import { ingest } from '../ingest/pipeline.ts';
import { openIndex } from '../ingest/store/open-index.ts';
import { DATASETS, REPO_ROOT, requireDataset } from './paths.ts';
import { scoreRankings, type RankingScores } from './metrics.ts';
import { replaceSection } from '../bench/report.ts';
import { foldDiacritics } from '../core/text/fold.ts';

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
  return [s.recallAt1, s.recallAt5, s.recallAt10, s.mrrAt10].map((x) => x.toFixed(3)).join(' | ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rebuild: { type: 'boolean', default: false }, write: { type: 'boolean', default: false } } });
  const indexDir = join(REPO_ROOT, 'data', 'eval', 'alqac-index');
  const summary = await ingest({ inputs: [requireDataset(DATASETS.alqacCorpus)], indexDir, rebuild: values.rebuild });
  process.stderr.write(`index: ${summary.documents} documents, ${summary.chunks} chunks, embedder ${summary.embedder}\n`);
  const index = await openIndex(indexDir);
  const questions = (await readFile(requireDataset(DATASETS.alqacQuestions), 'utf8'))
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
    process.stdout.write(`${mix.name.padEnd(42)} R@1 R@5 R@10 MRR@10 = ${fmt(s)}  (${ms.toFixed(1)} ms/q)\n`);
  }
  const section = [
    `Command: \`npm run eval\` · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
    '',
    `ALQAC dev: ${questions.length} questions over ${summary.documents} articles (${summary.chunks} chunks); metrics on unique articles, one chunk per article.`,
    '',
    '| Retriever | R@1 | R@5 | R@10 | MRR@10 | ms/query |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    'Reference points given with the dataset: plain BM25 on syllables R@10 0.939 / MRR@10 0.814; with syllable pairs 0.960 / 0.873.',
  ].join('\n');
  if (values.write) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), 'eval-alqac', section);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
