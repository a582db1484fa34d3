/**
 * One server on one index, measured for the capacity bench: resident memory once the
 * index is served and answers have warmed every answer worker, and search latency.
 * The server is a child process (`server/main.ts`), so its RSS is its own.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { summarize, type LatencySummary } from '../measure/stats.ts';
import { rssBytes, startService, stopService, waitReady } from './load-procs.ts';

const SERVER_URL_LINE = /Trợ lý ảo đang phục vụ tại (http:\/\/\S+)/;

/** What one server run measured. */
export interface ServerFigures {
  answerWorkers: number;
  chunks: number;
  /** RSS once ready, before any question (bytes). */
  rssReady: number;
  /** RSS after the chat and search rounds (bytes), the highest of the samples taken. */
  rssWarm: number;
  /** Sequential /api/search latencies (ms). */
  search: LatencySummary;
  /** Sequential /api/chat latencies (ms). */
  chat: LatencySummary;
  /** 1-minute load average when the run ended. */
  load: number;
}

async function timed(url: string, body: unknown): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

/**
 * Start a server on `indexDir` with `answerWorkers`, ask `questions` through /api/chat
 * (sequentially, so each worker gets some) and /api/search, and measure it.
 */
export async function measureServer(indexDir: string, answerWorkers: number, questions: readonly string[], log: (s: string) => void): Promise<ServerFigures> {
  const run = await mkdtemp(join(os.tmpdir(), 'capacity-'));
  const service = await startService('server/main.ts', {
    INDEX_DIR: indexDir, UPLOAD_DIR: join(run, 'uploads'), STATE_DIR: join(run, 'state'), AUDIT_DIR: join(run, 'audit'),
    CORPUS_PATHS: '', PORT: '0', HOST: '127.0.0.1', ANSWER_WORKERS: String(answerWorkers),
    ASSISTANT_TOKENS: `admin:${randomBytes(24).toString('base64url')}`, SERVER_SECRET: randomBytes(24).toString('base64url'),
    LOG_LEVEL: 'warn', SKIP_START_INGEST: 'true', LLM_BASE_URL: '', TOKENS_FILE: '', CORS_ORIGINS: '', METRICS_TOKEN: '',
    RATE_LIMIT_PER_IP: '10000000', RATE_LIMIT_PER_TOKEN: '10000000', SOCKET_MAX_PER_IP: '100000',
  }, SERVER_URL_LINE, 600_000);
  try {
    const ready = await waitReady(service.url, 600_000);
    const pid = service.child.pid!;
    const rssReady = await rssBytes(pid);
    log(`  ready: ${ready.index.chunks} chunks, RSS ${(rssReady / 2 ** 20).toFixed(0)} MB`);
    const chat: number[] = [];
    const search: number[] = [];
    let rssWarm = rssReady;
    for (const [i, message] of questions.entries()) {
      chat.push(await timed(`${service.url}/api/chat`, { message }));
      search.push(await timed(`${service.url}/api/search`, { query: message, k: 10 }));
      if (i % 10 === 9) rssWarm = Math.max(rssWarm, await rssBytes(pid));
    }
    rssWarm = Math.max(rssWarm, await rssBytes(pid));
    return { answerWorkers, chunks: ready.index.chunks, rssReady, rssWarm, search: summarize(search), chat: summarize(chat), load: os.loadavg()[0]! };
  } finally {
    await stopService(service);
    await rm(run, { recursive: true, force: true });
  }
}
