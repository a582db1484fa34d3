/**
 * Ingest benchmark: corpora/ + the 2,642 TTHC procedures + the 2,249 ALQAC articles with
 * the built-in embedder. Full build, no-op re-run, and a one-source update, each in a
 * fresh process (times include process start-up).
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, appendFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import os from 'node:os';
import type { Config } from '../config/config.ts';
import { datasetPaths, REPO_ROOT, requireDataset } from '../config/paths.ts';
import { discoverSources } from '../ingest/loaders/index.ts';

interface ChildResult {
  summary: { documents: number; chunks: number; added: string[]; updated: string[]; published: boolean; skipped: unknown[]; embedder: string };
  wallMs: number;
  maxRssKb: number;
  commandMs: number;
}

function runChild(indexDir: string, inputs: string[]): Promise<ChildResult> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench', 'ingest-child.ts'), indexDir, ...inputs], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ingest child exited ${code}`));
      resolvePromise({ ...(JSON.parse(out) as Omit<ChildResult, 'commandMs'>), commandMs: performance.now() - started });
    });
  });
}

export async function benchIngest(_args: unknown, config: Config): Promise<string> {
  const datasets = datasetPaths(config);
  const work = await mkdtemp(join(os.tmpdir(), 'bench-ingest-'));
  try {
    const corpus = join(work, 'corpora');
    await cp(join(REPO_ROOT, 'corpora'), corpus, { recursive: true });
    const inputs = [corpus, requireDataset(datasets.tthc), requireDataset(datasets.alqacCorpus)];
    let bytes = 0;
    const files = await discoverSources(inputs);
    for (const f of files) bytes += (await stat(f)).size;
    const indexDir = join(work, 'index');

    const full = await runChild(indexDir, inputs);
    const noop = await runChild(indexDir, inputs);
    const target = files.find((f) => f.startsWith(corpus) && f.endsWith('.txt'))!;
    await appendFile(target, '\nIII. Bổ sung\n\n1. Đoạn văn bổ sung để đo thời gian cập nhật một nguồn.\n');
    const update = await runChild(indexDir, inputs);

    const s = full.summary;
    const secs = full.commandMs / 1000;
    const mb = bytes / 1e6;
    const lines = [
      `Command: \`npm run bench -- ingest\` · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      '',
      `Input: corpora/ + TTHC catalog + ALQAC corpus = ${files.length} files, ${mb.toFixed(1)} MB, ${s.documents} documents → ${s.chunks} chunks; embedder ${s.embedder}; ${s.skipped.length} skipped.`,
      '',
      '| Run | Time (command) | Time (in process) | Peak RSS | Target |',
      '|---|---|---|---|---|',
      `| Full build | ${secs.toFixed(1)} s | ${(full.wallMs / 1000).toFixed(1)} s | ${(full.maxRssKb / 1024).toFixed(0)} MB | < 60 s, < 1.5 GB |`,
      `| No-op re-run | ${(noop.commandMs / 1000).toFixed(2)} s | ${(noop.wallMs / 1000).toFixed(2)} s | ${(noop.maxRssKb / 1024).toFixed(0)} MB | < 3 s |`,
      `| One changed source | ${(update.commandMs / 1000).toFixed(2)} s | ${(update.wallMs / 1000).toFixed(2)} s | ${(update.maxRssKb / 1024).toFixed(0)} MB | < 2 s |`,
      '',
      `Full build throughput: ${(s.documents / secs).toFixed(0)} documents/s, ${(s.chunks / secs).toFixed(0)} chunks/s, ${(mb / secs).toFixed(2)} MB/s.`,
      `No-op published a new version: ${noop.summary.published}; update: ${update.summary.updated.length} updated, ${update.summary.added.length} added.`,
    ];
    return lines.join('\n');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
