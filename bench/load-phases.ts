/**
 * The phases of `npm run bench -- load`: the echo baseline, REST chat, socket.io
 * streaming, a re-index under load and the soak. Each drives a fresh load-generator
 * process for a bounded time and returns its figures.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requestsBetween, restFigures, socketFigures, type RestFigures, type SocketFigures } from './load-figures.ts';
import type { LoadPlan, LoadResult, PlannedRequest } from './load-plan.ts';
import { rssBytes, scrapeMetric, startLoad, startService, stopService, watchCpu, type CpuShare, type LoadRun, type ServiceProcess } from './load-procs.ts';

export interface LoadSettings {
  /** Measured seconds of the echo, REST, socket and re-index phases. */
  seconds: number;
  soakSeconds: number;
  /** Load before the soak's measurements (RSS is compared from its end). */
  soakWarmupSeconds: number;
  /** REST requests in flight (echo, chat, re-index phases). */
  concurrency: number;
  /** socket.io connections of the socket phase. */
  connections: number;
}

/** The server under test. */
export interface Target {
  service: ServiceProcess;
  adminToken: string;
  uploadDir: string;
}

/** Warm-up before the measured window of the short phases (JIT, keep-alive pools). */
const SHORT_WARMUP_SECONDS = 3;
/** Each socket waits this long (uniformly random) between its questions. */
const THINK_MS: [number, number] = [2000, 3000];
const CONNECT_PER_SEC = 100;
/** Moderate load of the soak: paced REST (chat, search, document list) plus sockets. */
export const SOAK = { restPerSec: 60, restConcurrency: 8, sockets: 200 } as const;
const RSS_SAMPLE_MS = 5000;
const HEAP_METRIC = 'assistant_nodejs_heap_size_used_bytes';

const log = (line: string) => process.stderr.write(`[load] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The run's figures, with the CPU used by each side over its measured window. */
async function measured<T>(run: LoadRun, serverPid: number, seconds: number, figures: (r: LoadResult) => T): Promise<T & { cpu?: CpuShare }> {
  const started = await run.started;
  const windowEnd = Promise.race([run.result, sleep(started + seconds * 1000 - Date.now())]);
  const [result, cpu] = await Promise.all([run.result, watchCpu(serverPid, run.pid, windowEnd)]);
  return { ...figures(result), ...(cpu ? { cpu } : {}) };
}

function chatRequests(messages: string[]): PlannedRequest[] {
  return messages.map((message) => ({ path: '/api/chat', body: { message }, kind: 'chat' }));
}

/** The bare express echo in its own process, at the REST phase's concurrency: the reference. */
export async function echoPhase(s: LoadSettings, messages: string[]): Promise<RestFigures> {
  const echo = await startService('bench/echo-server.ts', {}, /listening at (http:\/\/\S+)/);
  try {
    log(`echo baseline at ${echo.url}: ${s.concurrency} in flight for ${s.seconds} s`);
    const requests = messages.map((message) => ({ path: '/echo', body: { message }, kind: 'echo' }));
    const run = startLoad({ baseUrl: echo.url, warmupSeconds: SHORT_WARMUP_SECONDS, seconds: s.seconds, rest: { concurrency: s.concurrency, requests } });
    return await measured(run, echo.child.pid!, s.seconds, restFigures);
  } finally {
    await stopService(echo);
  }
}

/** Closed-loop POST /api/chat at `concurrency` requests in flight. */
export async function restPhase(s: LoadSettings, target: Target, messages: string[]): Promise<RestFigures> {
  log(`REST /api/chat: ${s.concurrency} in flight for ${s.seconds} s`);
  const run = startLoad({ baseUrl: target.service.url, warmupSeconds: SHORT_WARMUP_SECONDS, seconds: s.seconds, rest: { concurrency: s.concurrency, requests: chatRequests(messages) } });
  return measured(run, target.service.child.pid!, s.seconds, restFigures);
}

/** `connections` socket.io clients, each asking a question every 2–3 s and streaming the answer. */
export async function socketPhase(s: LoadSettings, target: Target, messages: string[]): Promise<SocketFigures> {
  log(`socket.io: ${s.connections} connections, a question every ${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s each, for ${s.seconds} s`);
  const run = startLoad({
    baseUrl: target.service.url, warmupSeconds: SHORT_WARMUP_SECONDS, seconds: s.seconds,
    sockets: { connections: s.connections, thinkMs: THINK_MS, messages, connectPerSec: CONNECT_PER_SEC },
  });
  const connected = await run.connected;
  if (connected) log(`socket.io: ${connected.connected} connected, ${connected.failed} failed, in ${(connected.ms / 1000).toFixed(1)} s`);
  return measured(run, target.service.child.pid!, s.seconds, (r) => socketFigures(r, s.connections));
}

async function api<T>(target: Target, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(path, target.service.url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${target.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

interface Job {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  startedAt?: string;
  createdAt: string;
  finishedAt?: string;
  summary?: { published: boolean; added: number; updated: number; removed: number; documents: number; chunks: number; durationMs: number };
  error?: { code: string };
}

/** One re-index job run during the load. */
export interface ReindexJobFigures {
  purpose: string;
  status: Job['status'];
  seconds: number;
  summary?: Job['summary'];
  error?: string;
  /** REST requests started from the job's start until its version answered searches, and how many failed. */
  requestsDuring: number;
  failedDuring: number;
  p95During: number;
}

export interface ReindexFigures {
  jobs: ReindexJobFigures[];
  rest: RestFigures;
  /** The new document came up in /api/search after the first job (ms after it succeeded). */
  foundAfterMs?: number;
  /** It was gone again after the second job. */
  goneAfterMs?: number;
}

/** Run a re-index job to its end; resolves with the final job. */
async function runJob(target: Target): Promise<Job> {
  const started = await api<{ job?: Job; code?: string }>(target, '/api/admin/reindex', {});
  if (started.status !== 202 || !started.body.job) throw new Error(`re-index not started: HTTP ${started.status} ${started.body.code ?? ''}`);
  let job = started.body.job;
  while (job.status === 'queued' || job.status === 'running') {
    await sleep(250);
    job = (await api<Job>(target, `/api/admin/jobs/${job.id}`)).body;
  }
  return job;
}

/** Poll /api/search until `marker` is (or is no longer) found; ms it took, or undefined on timeout. */
async function waitForSearch(target: Target, marker: string, present: boolean, timeoutMs = 30_000): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const res = await api<{ results?: Array<{ text: string }> }>(target, '/api/search', { query: marker, k: 5 });
    const found = (res.body.results ?? []).some((r) => r.text.toLowerCase().includes(marker.toLowerCase()));
    if (found === present) return Date.now() - started;
    await sleep(200);
  }
  return undefined;
}

/**
 * Re-index twice under REST chat load: once after adding a small document to the upload
 * folder (it must then be found by /api/search), once after removing it again, so the
 * bench index ends as it began.
 */
export async function reindexPhase(s: LoadSettings, target: Target, messages: string[]): Promise<ReindexFigures> {
  const marker = `kiemtrataibench${randomBytes(4).toString('hex')}`;
  const file = join(target.uploadDir, 'bench-load-probe.txt');
  await rm(file, { force: true });
  log(`re-index under load: ${s.concurrency} chat requests in flight, two jobs (add, then remove a document)`);
  const run = startLoad({ baseUrl: target.service.url, seconds: 3600, rest: { concurrency: s.concurrency, requests: chatRequests(messages) } });
  const jobs: Array<{ purpose: string; job: Job; servedAt: number }> = [];
  let foundAfterMs: number | undefined;
  let goneAfterMs: number | undefined;
  const cpu = run.started.then(() => watchCpu(target.service.child.pid!, run.pid, run.result));
  try {
    await run.started;
    await sleep(Math.min(5, s.seconds / 3) * 1000);
    await writeFile(file, `QUY ĐỊNH THỬ TẢI ${marker.toUpperCase()}\n\nĐiều 1. Phạm vi\n\nVăn bản ${marker} dùng để kiểm tra việc lập chỉ mục lại khi hệ thống đang phục vụ người dân; nội dung này không có giá trị pháp lý.\n`);
    const added = await runJob(target);
    foundAfterMs = await waitForSearch(target, marker, true);
    jobs.push({ purpose: 'add a document', job: added, servedAt: Date.now() });
    await rm(file, { force: true });
    await sleep(2000);
    const removed = await runJob(target);
    goneAfterMs = await waitForSearch(target, marker, false);
    jobs.push({ purpose: 'remove it again', job: removed, servedAt: Date.now() });
    // Keep the load on while the new version is swapped in, then a little longer.
    await sleep(Math.min(5, s.seconds / 3) * 1000);
  } finally {
    run.stop();
    await rm(file, { force: true });
  }
  const [result, share] = await Promise.all([run.result, cpu]);
  return {
    jobs: jobs.map(({ purpose, job, servedAt }) => {
      const from = Date.parse(job.startedAt ?? job.createdAt);
      const to = Date.parse(job.finishedAt ?? new Date().toISOString());
      const during = requestsBetween(result, from, Math.max(to, servedAt));
      return {
        purpose, status: job.status, seconds: Math.round((to - from) / 100) / 10,
        ...(job.summary ? { summary: job.summary } : {}),
        ...(job.error ? { error: job.error.code } : {}),
        requestsDuring: during.requests, failedDuring: during.failed, p95During: during.latency.p95,
      };
    }),
    rest: { ...restFigures(result), ...(share ? { cpu: share } : {}) },
    ...(foundAfterMs === undefined ? {} : { foundAfterMs }),
    ...(goneAfterMs === undefined ? {} : { goneAfterMs }),
  };
}

/** The server's memory at one moment of the soak. */
export interface MemorySample {
  /** Seconds since the soak's measurements began. */
  t: number;
  rss: number;
  heapUsed?: number;
}

/**
 * Lowest sample of the first and of the second half of the soak. The heap (and with it
 * RSS) saw-tooths between major collections, so start and end can fall on different
 * teeth; the floors show whether what survives a collection grows.
 */
export interface Floors {
  firstHalf: number;
  secondHalf: number;
  growthPct: number;
}

function floors(values: number[]): Floors {
  const half = Math.ceil(values.length / 2);
  const firstHalf = Math.min(...values.slice(0, half));
  const secondHalf = Math.min(...values.slice(half));
  return { firstHalf, secondHalf, growthPct: Math.round(((secondHalf - firstHalf) / firstHalf) * 1000) / 10 };
}

export interface SoakFigures {
  seconds: number;
  warmupSeconds: number;
  rest: RestFigures;
  sockets: SocketFigures;
  memory: MemorySample[];
  /** growthPct: end against start, the target's figure. */
  rss: { start: number; max: number; end: number; growthPct: number; floor: Floors };
  heapUsed?: { start: number; max: number; end: number; floor: Floors };
  cpu?: CpuShare;
}

function soakRequests(messages: string[]): PlannedRequest[] {
  const requests: PlannedRequest[] = [];
  messages.forEach((message, i) => {
    requests.push({ path: '/api/chat', body: { message }, kind: 'chat' });
    if (i % 4 === 0) requests.push({ path: '/api/search', body: { query: message, k: 5 }, kind: 'search' });
    if (i % 10 === 0) requests.push({ path: `/api/documents?limit=20&offset=${i}`, kind: 'documents' });
  });
  return requests;
}

/**
 * Moderate mixed load (SOAK) for the warm-up and then `soakSeconds`, sampling the
 * server's RSS (/proc) and V8 heap (/metrics) every 5 s from the end of the warm-up.
 */
export async function soakPhase(s: LoadSettings, target: Target, messages: string[]): Promise<SoakFigures> {
  log(`soak: ${SOAK.restPerSec} REST requests/s + ${SOAK.sockets} sockets for ${s.soakWarmupSeconds} s warm-up + ${s.soakSeconds} s`);
  const plan: LoadPlan = {
    baseUrl: target.service.url, warmupSeconds: s.soakWarmupSeconds, seconds: s.soakSeconds,
    rest: { concurrency: SOAK.restConcurrency, ratePerSec: SOAK.restPerSec, requests: soakRequests(messages) },
    sockets: { connections: SOAK.sockets, thinkMs: THINK_MS, messages, connectPerSec: CONNECT_PER_SEC },
  };
  const run = startLoad(plan);
  const memory: MemorySample[] = [];
  let done = false;
  const result = run.result.finally(() => (done = true));
  result.catch(() => undefined);
  const pid = target.service.child.pid!;
  const t0 = await run.started;
  const cpu = watchCpu(pid, run.pid, Promise.race([result, sleep(s.soakSeconds * 1000)]));
  while (!done) {
    const [rss, heapUsed] = await Promise.all([rssBytes(pid), scrapeMetric(target.service.url, HEAP_METRIC).catch(() => undefined)]);
    memory.push({ t: Math.round((Date.now() - t0) / 1000), rss, ...(heapUsed === undefined ? {} : { heapUsed }) });
    if (memory.length % 12 === 1) log(`soak: ${memory[memory.length - 1]!.t} s, RSS ${(rss / 2 ** 20).toFixed(0)} MB`);
    await Promise.race([sleep(RSS_SAMPLE_MS), result.catch(() => undefined)]);
  }
  const [figures, share] = await Promise.all([result, cpu]);
  const rss = memory.map((m) => m.rss);
  const heap = memory.flatMap((m) => (m.heapUsed === undefined ? [] : [m.heapUsed]));
  const start = rss[0]!;
  const end = rss[rss.length - 1]!;
  return {
    seconds: s.soakSeconds,
    warmupSeconds: s.soakWarmupSeconds,
    rest: restFigures(figures),
    sockets: socketFigures(figures, SOAK.sockets),
    memory,
    rss: { start, max: Math.max(...rss), end, growthPct: Math.round(((end - start) / start) * 1000) / 10, floor: floors(rss) },
    ...(heap.length > 1 ? { heapUsed: { start: heap[0]!, max: Math.max(...heap), end: heap[heap.length - 1]!, floor: floors(heap) } } : {}),
    ...(share ? { cpu: share } : {}),
  };
}
