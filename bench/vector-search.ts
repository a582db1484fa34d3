/**
 * The dense search of a served index, hnswlib-node against the shared-memory graph that
 * replaced it (index/hnsw-graph.ts): the ALQAC dev questions embedded once, then each
 * searched by both, interleaved question by question, three passes; result lists compared
 * (labels and scores) and latencies summarized, with the memory each holds.
 *
 *   npx tsx bench/vector-search.ts <index dir> [k]
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { datasetPaths, requireDataset } from '../config/paths.ts';
import { configFromEnvironment } from '../config/environment.ts';
import { parseJsonl } from '../eval/datasets/answer-datasets.ts';
import { HnswGraph, readHnswGraph } from '../index/hnsw-graph.ts';
import { HnswIndex } from '../index/hnsw-index.ts';
import { VERSION_FILES } from '../index/index-state.ts';
import { readCurrent, versionsDir } from '../index/layout.ts';
import { openIndex } from '../index/open-index.ts';
import { summarize } from '../measure/stats.ts';

const PASSES = 3;
const mb = (n: number) => (n / 2 ** 20).toFixed(1);

async function main(): Promise<void> {
  const [indexDir, kArg] = process.argv.slice(2);
  if (!indexDir) throw new Error('usage: bench/vector-search.ts <index dir> [k]');
  const k = Number(kArg ?? 100);
  const version = (await readCurrent(indexDir))!;
  const path = join(versionsDir(indexDir), version, VERSION_FILES.vectors);
  const index = await openIndex(indexDir);
  const { dimension } = index.state.embedder;
  const questionsPath = requireDataset(datasetPaths(configFromEnvironment()).alqacQuestions);
  const questions = parseJsonl<{ text: string }>(await readFile(questionsPath, 'utf8'), questionsPath);
  const queries = await Promise.all(questions.map((q) => index.state.embedder.embedQuery(q.text)));
  const labels = [...index.state.docs.values()].flatMap((d) => d.labels);

  global.gc?.();
  const before = process.memoryUsage();
  const native = await HnswIndex.load(path, dimension, { liveLabels: labels });
  global.gc?.();
  const withNative = process.memoryUsage();
  const graph = new HnswGraph(await readHnswGraph(path), dimension, { liveCount: labels.length });
  global.gc?.();
  const withGraph = process.memoryUsage();

  const times = { native: [] as number[], graph: [] as number[] };
  let differ = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (const q of queries) {
      let t = performance.now();
      const a = native.search(q, k);
      times.native.push(performance.now() - t);
      t = performance.now();
      const b = graph.search(q, k);
      times.graph.push(performance.now() - t);
      if (pass === 0 && JSON.stringify(a) !== JSON.stringify(b)) differ++;
    }
  }
  const n = summarize(times.native);
  const g = summarize(times.graph);
  process.stdout.write([
    `${indexDir}: ${labels.length} chunks, dimension ${dimension}, ${queries.length} ALQAC questions × ${PASSES} passes, k ${k}, load average ${os.loadavg()[0]!.toFixed(1)}`,
    `result lists differing: ${differ} of ${queries.length}`,
    `hnswlib-node: p50 ${n.p50.toFixed(2)} ms, p95 ${n.p95.toFixed(2)} ms; RSS +${mb(withNative.rss - before.rss)} MB (external +${mb(withNative.external - before.external)})`,
    `shared graph: p50 ${g.p50.toFixed(2)} ms, p95 ${g.p95.toFixed(2)} ms; RSS +${mb(withGraph.rss - withNative.rss)} MB (arrayBuffers +${mb(withGraph.arrayBuffers - withNative.arrayBuffers)})`,
    '',
  ].join('\n'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
