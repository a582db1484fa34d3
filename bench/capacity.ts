/**
 * `npm run bench -- capacity`: memory and the capacity curve of one node.
 *
 * - Memory: the server's RSS on one index (`--index`, default the load bench's
 *   data/bench/full-index) with ANSWER_WORKERS=0, 1 and 2, after the same questions.
 * - Curve (`--sizes 100000,300000`, chunks): a synthetic corpus of each size
 *   (bench/capacity-corpus.ts) is generated, ingested in a child process (wall time, peak
 *   RSS, size on disk), then served with 0 and 2 answer workers (RSS, search p95).
 *
 * Runs are sequential (the machine is shared); the 1-minute load average is reported with
 * each figure, since latencies on a busy machine mean little.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import { datasetPaths, REPO_ROOT, requireDataset } from '../config/paths.ts';
import { catalogSentences, writeSyntheticCorpus } from './capacity-corpus.ts';
import { measureServer, type ServerFigures } from './capacity-server.ts';
import { benchQuestions } from './load.ts';

const BENCH_DIR = join(REPO_ROOT, 'data', 'bench');
/** Chunks per synthetic document, measured on 1,000 of them (7,409 chunks). */
const CHUNKS_PER_DOCUMENT = 7.4;
/** Questions asked of each server (each through /api/chat and /api/search). */
const QUESTIONS = 60;

const log = (s: string) => process.stderr.write(`[capacity] ${s}\n`);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Options of the capacity bench as parseArgs gives them. */
export interface CapacityArgs {
  index?: string;
  sizes?: string;
}

interface IngestFigures { chunks: number; documents: number; wallMs: number; maxRssKb: number; load: number }

async function diskBytes(path: string): Promise<number> {
  const s = await stat(path);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const e of await readdir(path)) total += await diskBytes(join(path, e));
  return total;
}

function ingestChild(indexDir: string, input: string): Promise<IngestFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', join(REPO_ROOT, 'bench', 'ingest-child.ts'), indexDir, input], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ingest exited ${code}`));
      const r = JSON.parse(out) as { summary: { documents: number; chunks: number; timings: Record<string, number> }; wallMs: number; maxRssKb: number; phases?: Array<{ phase: string; rss: number; heapUsed: number; arrayBuffers: number }> };
      log(`ingest phases (ms): ${JSON.stringify(r.summary.timings)}`);
      for (const p of r.phases ?? []) log(`after ${p.phase}: RSS ${p.rss} MB, heap ${p.heapUsed} MB, array buffers ${p.arrayBuffers} MB`);
      resolve({ chunks: r.summary.chunks, documents: r.summary.documents, wallMs: r.wallMs, maxRssKb: r.maxRssKb, load: os.loadavg()[0]! });
    });
  });
}

function serverRow(label: string, f: ServerFigures): string {
  const perChunk = (f.rssWarm / f.chunks).toFixed(0);
  return `| ${label} | ${f.answerWorkers} | ${mb(f.rssReady).toLocaleString('en')} | ${mb(f.rssWarm).toLocaleString('en')} | ${perChunk} | ${f.search.p50.toFixed(0)} / ${f.search.p95.toFixed(0)} | ${f.chat.p50.toFixed(0)} / ${f.chat.p95.toFixed(0)} | ${f.load.toFixed(1)} |`;
}

const SERVER_HEAD = [
  '| Index | ANSWER_WORKERS | RSS ready (MB) | RSS after questions (MB) | bytes per chunk | search p50 / p95 (ms) | chat p50 / p95 (ms) | load avg |',
  '|---|---|---|---|---|---|---|---|',
];

/** Run the capacity bench; returns the Markdown section. */
export async function benchCapacity(args: CapacityArgs, config: Config): Promise<string> {
  const questions = (await benchQuestions()).slice(0, QUESTIONS);
  const lines: string[] = [
    `Command: \`npm run bench -- capacity\` · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${mb(os.totalmem()) >> 10} GiB, Node ${process.version}`,
    '',
    `Each server: \`server/main.ts\` as a child process, extractive answerer, LOG_LEVEL=warn; ${QUESTIONS} questions of the answer evals asked one after another through /api/chat and /api/search. "RSS after questions" is the highest sample taken during them.`,
    '',
  ];
  const index = args.index ?? join(BENCH_DIR, 'full-index');
  if (existsSync(index)) {
    lines.push(...SERVER_HEAD);
    for (const workers of [0, 1, 2]) {
      log(`${index}: ANSWER_WORKERS=${workers}`);
      const f = await measureServer(index, workers, questions, log);
      lines.push(serverRow(`${f.chunks.toLocaleString('en')} chunks (${index.replace(`${REPO_ROOT}/`, '')})`, f));
    }
    lines.push('');
  }
  const sizes = (args.sizes ?? '').split(',').filter(Boolean).map(Number);
  if (sizes.length) {
    const sentences = await catalogSentences(requireDataset(datasetPaths(config).tthc));
    const ingestRows = ['| Target chunks | Documents | Chunks | Ingest wall (s) | Ingest peak RSS (MB) | Index on disk (MB) | load avg |', '|---|---|---|---|---|---|---|'];
    const serverRows = [...SERVER_HEAD];
    for (const size of sizes) {
      const corpus = join(BENCH_DIR, `capacity-${size}`, 'corpus');
      const indexDir = join(BENCH_DIR, `capacity-${size}`, 'index');
      await rm(join(BENCH_DIR, `capacity-${size}`), { recursive: true, force: true });
      log(`${size} chunks: generating ${Math.round(size / CHUNKS_PER_DOCUMENT)} documents`);
      await writeSyntheticCorpus(corpus, Math.round(size / CHUNKS_PER_DOCUMENT), sentences);
      log(`${size} chunks: ingesting`);
      const ing = await ingestChild(indexDir, corpus);
      const disk = await diskBytes(indexDir);
      ingestRows.push(`| ${size.toLocaleString('en')} | ${ing.documents.toLocaleString('en')} | ${ing.chunks.toLocaleString('en')} | ${(ing.wallMs / 1000).toFixed(0)} | ${Math.round(ing.maxRssKb / 1024).toLocaleString('en')} | ${mb(disk).toLocaleString('en')} | ${ing.load.toFixed(1)} |`);
      log(ingestRows.at(-1)!);
      for (const workers of [0, 2]) {
        log(`${size} chunks: serving with ANSWER_WORKERS=${workers}`);
        const f = await measureServer(indexDir, workers, questions, log);
        serverRows.push(serverRow(`synthetic ${f.chunks.toLocaleString('en')} chunks`, f));
        log(serverRows.at(-1)!);
      }
    }
    lines.push('Synthetic corpora (bench/capacity-corpus.ts: catalog sentences shuffled into decisions):', '', ...ingestRows, '', ...serverRows, '');
  }
  return lines.join('\n');
}
