/**
 * Where an answer worker's memory goes: a worker thread like the pool's opens the main
 * thread's copy of an index step by step, and the process RSS and the worker's V8 heap are
 * taken (after a full GC) at each step.
 *
 *   node --expose-gc --import tsx bench/worker-memory.ts <index dir>
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { loadEmbedder } from '../index/embedders/load-embedder.ts';
import { bm25FromFile, readDocuments, readManifest, VERSION_FILES } from '../index/index-state.ts';
import { versionsDir } from '../index/layout.ts';
import { openIndex } from '../index/open-index.ts';
import type { SharedIndexParts } from '../index/served-state.ts';

const mb = (n: number) => (n / 2 ** 20).toFixed(1);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function inWorker(): Promise<void> {
  const { indexDir, version, shared } = workerData as { indexDir: string; version: string; shared: SharedIndexParts };
  const step = (name: string) => {
    gc();
    const m = process.memoryUsage();
    parentPort!.postMessage({ name, rss: m.rss, heap: m.heapUsed, external: m.external });
  };
  step('worker started, modules imported');
  const { ExtractiveAnswerer } = await import('../core/answer/extractive-answerer.ts');
  const { buildOverlay } = await import('../server/admin/overlay.ts');
  step('answerer and overlay modules imported');
  const versionDir = join(versionsDir(indexDir), version);
  const keep: unknown[] = [];
  keep.push(await readDocuments(versionDir));
  step('  (alone) document records parsed');
  keep.push(bm25FromFile(shared.bm25));
  step('  (alone) BM25 opened over the shared postings');
  const manifest = await readManifest(versionDir);
  keep.push(await loadEmbedder(manifest.embedder, join(versionDir, VERSION_FILES.embedder), shared.lsa));
  step('  (alone) embedder opened over the shared matrix');
  keep.length = 0;
  step('  (alone parts dropped)');
  const index = await openIndex(indexDir, { version, from: shared });
  step('index opened from shared memory');
  const overlay = buildOverlay(index.state.docs.values(), new Map(), { links: true });
  step('overlay built');
  const answerer = new ExtractiveAnswerer();
  const view = { ...index, document: (id: string) => { const d = index.document(id); return d && overlay(d); } };
  for (const question of ['Đăng ký khai sinh cần những giấy tờ gì?', 'Lệ phí cấp hộ chiếu phổ thông là bao nhiêu?', 'Thủ tục đăng ký thường trú mất bao lâu?']) {
    await answerer.answer({ question, role: 'citizen' }, view);
  }
  step('three questions answered');
  parentPort!.postMessage({ name: 'done' });
}

async function main(): Promise<void> {
  const indexDir = process.argv[2];
  if (!indexDir) throw new Error('usage: bench/worker-memory.ts <index dir>');
  const index = await openIndex(indexDir);
  gc();
  const base = process.memoryUsage();
  process.stdout.write(`main thread with the index open: RSS ${mb(base.rss)} MB, heap ${mb(base.heapUsed)} MB\n`);
  const entry = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(import.meta.url)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(entry)}`), { workerData: { indexDir, version: index.version, shared: index.shared } });
  let prev = base.rss;
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: { name: string; rss: number; heap: number; external: number }) => {
      if (m.name === 'done') return resolve();
      process.stdout.write(`${m.name}: RSS ${mb(m.rss)} MB (+${mb(m.rss - prev)}), worker heap ${mb(m.heap)} MB\n`);
      prev = m.rss;
    });
    worker.on('error', reject);
  });
  gc();
  process.stdout.write(`one worker in all: RSS +${mb(process.memoryUsage().rss - base.rss)} MB\n`);
  await worker.terminate();
}

if (isMainThread) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
} else {
  void inWorker();
}
