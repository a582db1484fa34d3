/**
 * `npm run bench -- cluster`: the cluster on this machine (deploy/launch-cluster.ts:
 * redis-server, N nodes, haproxy) against one process on the same cores.
 *
 * 1. Answers/s and p95 of REST /api/chat (closed loop, bench/load-client.ts) for one
 *    process (no Redis, ANSWER_WORKERS=2, direct) and for 1, 2 and 3 nodes through
 *    haproxy (1 node: ANSWER_WORKERS=2; 2 and 3 nodes: answers on each node's main thread).
 * 2. With 3 nodes: a node killed under load (widget connections through haproxy, each
 *    resending a cut-off question once): questions lost.
 * 3. Redis killed and restarted under REST load: failed requests, and how long the nodes
 *    said "degraded".
 * 4. Re-index propagation: an upload through the balancer, then the time from the job's
 *    end (its socket.io event) until every node serves the new version.
 * Index: corpora/ + the TTHC catalog in data/bench/cluster-index.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { Config } from '../config/config.ts';
import { datasetPaths } from '../config/paths.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { launchCluster, type LaunchedCluster } from '../deploy/launch-cluster.ts';
import { summarize } from '../measure/stats.ts';
import { ingestInputs } from '../server/ingest-inputs.ts';
import { Connection } from '../web-widget/src/connection.ts';
import { restFigures, type RestFigures } from './load-figures.ts';
import { benchQuestions, type LoadArgs } from './load.ts';
import { startLoad, startService, stopService } from './load-procs.ts';

const BENCH_DIR = join(REPO_ROOT, 'data', 'bench');
const INDEX_DIR = join(BENCH_DIR, 'cluster-index');
const ADMIN = 'bench-admin-token-0123456789abcdef';
const OFFICIAL = 'bench-official-token-0123456789abcdef';
const WINDOW_S = 20;
const WARMUP_S = 3;
const CONCURRENCY = 16;

const log = (s: string) => process.stderr.write(`[cluster] ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let tthcPath = '';

function sharedEnv(run: string): Record<string, string> {
  return {
    INDEX_DIR, UPLOAD_DIR: join(run, 'uploads'), STATE_DIR: join(run, 'state'), AUDIT_DIR: join(run, 'audit'),
    // The jobs' inputs are the index's (corpora/ is always one): a job adds the upload, nothing else changes.
    CORPUS_PATHS: tthcPath, ASSISTANT_TOKENS: `admin:${ADMIN},official:${OFFICIAL}`, SERVER_SECRET: 'bench-server-secret-0123456789',
    LOG_LEVEL: 'warn', SKIP_START_INGEST: 'true', LLM_BASE_URL: '', TOKENS_FILE: '', CORS_ORIGINS: '', METRICS_TOKEN: '',
    RATE_LIMIT_PER_IP: '10000000', RATE_LIMIT_PER_TOKEN: '10000000', SOCKET_MAX_PER_IP: '100000',
  };
}

async function buildIndex(config: Config): Promise<void> {
  tthcPath = datasetPaths(config).tthc;
  const inputs = [ingestInputs({ UPLOAD_DIR: BENCH_DIR, CORPUS_PATHS: [] })[0]!.path, tthcPath];
  log(`bringing ${INDEX_DIR} up to date (corpora/ + TTHC)…`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench', 'ingest-child.ts'), INDEX_DIR, ...inputs], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`index build exited ${code}`))));
  });
}

async function chatLoad(baseUrl: string, questions: string[], seconds = WINDOW_S): Promise<RestFigures> {
  const run = startLoad({
    baseUrl, warmupSeconds: WARMUP_S, seconds,
    rest: { concurrency: CONCURRENCY, requests: questions.map((message) => ({ path: '/api/chat', body: { message }, kind: 'chat' })) },
  });
  return restFigures(await run.result);
}

interface Throughput { config: string; figures: RestFigures }

async function throughput(questions: string[], run: string): Promise<Throughput[]> {
  const out: Throughput[] = [];
  log('one process, ANSWER_WORKERS=2, no Redis, direct');
  const single = await startService('server/main.ts', { ...sharedEnv(join(run, 'single')), PORT: '0', HOST: '127.0.0.1', ANSWER_WORKERS: '2' }, /Trợ lý ảo đang phục vụ tại (http:\/\/\S+)/);
  try {
    out.push({ config: 'one process (ANSWER_WORKERS=2), no Redis, no balancer', figures: await chatLoad(single.url, questions) });
  } finally {
    await stopService(single);
  }
  for (const nodes of [1, 2, 3]) {
    log(`${nodes} node(s) through haproxy`);
    const cluster = await launchCluster({
      nodes, port: 18180, firstNodePort: 13101, redisPort: 16490, runDir: join(run, `tp-${nodes}`),
      env: { ...sharedEnv(join(run, `tp-${nodes}`)), ANSWER_WORKERS: nodes === 1 ? '2' : '0' },
    });
    try {
      out.push({ config: `${nodes} node${nodes > 1 ? 's' : ''} (ANSWER_WORKERS=${nodes === 1 ? 2 : 0} each) + Redis + haproxy`, figures: await chatLoad(cluster.url, questions) });
    } finally {
      await cluster.stop();
    }
  }
  return out;
}

interface KillFigures { questions: number; resent: number; lost: number; errors: Record<string, number> }

async function nodeKilled(cluster: LaunchedCluster, questions: string[]): Promise<KillFigures> {
  let resent = 0;
  const errors: Record<string, number> = {};
  let answered = 0;
  let stop = false;
  const clients = Array.from({ length: CONCURRENCY }, () => new Connection(cluster.url, OFFICIAL, {
    token: () => undefined, answer: () => undefined, error: () => undefined, connected: () => undefined, lost: () => undefined, refused: () => undefined,
    resent: () => void resent++,
  }));
  const deadline = Date.now() + 15_000;
  while (!clients.every((c) => c.connected) && Date.now() < deadline) await sleep(50);
  const load = Promise.all(clients.map(async (client, i) => {
    for (let n = 0; !stop; n++) {
      const ack = await client.ask(questions[(i * 7 + n) % questions.length]!, `bench-${i}-${n}`, undefined) as { ok: boolean; code?: string };
      if (ack.ok) answered++;
      else errors[ack.code ?? 'UNKNOWN'] = (errors[ack.code ?? 'UNKNOWN'] ?? 0) + 1;
    }
  }));
  await sleep(5_000);
  log('killing node-2 (SIGKILL) under load');
  cluster.nodes[1]!.proc.kill('SIGKILL');
  await sleep(10_000);
  stop = true;
  await load;
  for (const c of clients) c.close();
  const lost = Object.values(errors).reduce((a, b) => a + b, 0);
  return { questions: answered + lost, resent, lost, errors };
}

interface RedisFigures { requests: number; failed: number; errorKinds: Record<string, number>; degradedMs: number; recoveredMs: number }

async function redisRestarted(cluster: LaunchedCluster, questions: string[], nodes: string[]): Promise<RedisFigures> {
  const run = startLoad({
    baseUrl: cluster.url, warmupSeconds: 1, seconds: 16,
    rest: { concurrency: CONCURRENCY, requests: questions.map((message) => ({ path: '/api/chat', body: { message }, kind: 'chat' })) },
  });
  await run.started;
  await sleep(4_000);
  log('killing redis-server under load, restarting it 4 s later');
  const killedAt = Date.now();
  cluster.redis.kill('SIGKILL');
  let degradedAt = 0;
  const watch = (async () => {
    for (;;) {
      const states = await Promise.all(nodes.map(async (u) => ((await (await fetch(`${u}/readyz`)).json()) as { status: string }).status).map((p) => p.catch(() => 'down')));
      if (!degradedAt && states.every((s) => s === 'degraded')) degradedAt = Date.now();
      if (degradedAt && states.every((s) => s === 'ready')) return Date.now();
      await sleep(50);
    }
  })();
  await sleep(4_000);
  await cluster.restartRedis();
  const restartedAt = Date.now();
  const readyAt = await watch;
  const figures = restFigures(await run.result);
  return { requests: figures.requests, failed: figures.errors, errorKinds: figures.errorKinds, degradedMs: degradedAt - killedAt, recoveredMs: readyAt - restartedAt };
}

async function propagation(cluster: LaunchedCluster, nodes: string[], rounds: number): Promise<number[]> {
  const admin = io(cluster.url, { auth: { token: ADMIN }, transports: ['websocket'] });
  await new Promise<void>((r) => admin.once('connect', () => r()));
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const form = new FormData();
    form.append('files', new Blob([`THÔNG BÁO\nLịch tiếp công dân đợt ${i + 1} của bench cụm máy chủ ${Date.now()}.\n1. Tiếp công dân vào thứ Năm hằng tuần.\n`]), `bench-cum-${i}.txt`);
    const ended = new Promise<{ version: string; at: number }>((resolve, reject) => {
      const onJob = (job: { status: string; summary?: { version?: string; published?: boolean }; error?: { code: string } }) => {
        if (job.status === 'succeeded' && job.summary?.published) {
          admin.off('job', onJob);
          resolve({ version: job.summary.version!, at: Date.now() });
        } else if (job.status === 'failed') reject(new Error(`job failed: ${job.error?.code}`));
      };
      admin.on('job', onJob);
    });
    const res = await fetch(`${cluster.url}/api/admin/documents`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}` }, body: form });
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    const { version, at } = await ended;
    const served = await Promise.all(nodes.map(async (u) => {
      for (;;) {
        const ready = await (await fetch(`${u}/readyz`)).json() as { index?: { version: string } };
        if (ready.index?.version === version) return Date.now();
        await sleep(10);
      }
    }));
    times.push(Math.max(...served) - at);
  }
  admin.disconnect();
  return times;
}

const fmt = (f: RestFigures) => `${f.perSec} answers/s; p50 ${f.latency.p50} / p95 ${f.latency.p95} ms; errors ${f.errors} of ${f.requests}`;

export async function benchCluster(_args: LoadArgs, config: Config): Promise<string> {
  const started = new Date();
  const run = join(BENCH_DIR, `cluster-${started.toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(run, { recursive: true });
  await buildIndex(config);
  const questions = await benchQuestions();
  const tp = await throughput(questions, run);

  log('3 nodes for the failure phases');
  const cluster = await launchCluster({ nodes: 3, port: 18180, firstNodePort: 13101, redisPort: 16490, runDir: join(run, 'faults'), env: { ...sharedEnv(join(run, 'faults')), ANSWER_WORKERS: '0' } });
  let kill: KillFigures;
  let redis: RedisFigures;
  let prop: number[];
  try {
    const urls = cluster.nodes.map((n) => n.url);
    prop = await propagation(cluster, urls, 5);
    redis = await redisRestarted(cluster, questions, urls);
    kill = await nodeKilled(cluster, questions);
  } finally {
    await cluster.stop();
  }
  const base = tp[0]!.figures;
  await writeFile(join(run, 'figures.json'), JSON.stringify({ throughput: tp, kill, redis, propagation: prop }, null, 2));
  const p = summarize(prop);
  const rows = tp.map((t, i) => `| ${t.config} | ${fmt(t.figures)} | ${i === 0 ? '1.00 (baseline)' : (t.figures.perSec / base.perSec).toFixed(2)} | ${i === 0 ? '' : (t.figures.latency.p95 / base.latency.p95).toFixed(2)} |`);
  return [
    `Command: \`npm run bench -- cluster\` · ${started.toISOString().slice(0, 10)} · ${os.availableParallelism()} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at start ${os.loadavg()[0]!.toFixed(1)}`,
    '',
    `Index: corpora/ + TTHC catalog (data/bench/cluster-index). REST /api/chat closed loop, ${CONCURRENCY} in flight, ${WINDOW_S} s after a ${WARMUP_S} s warm-up (bench/load-client.ts); every process on this machine's cores (nodes, Redis, haproxy and the load generator share them).`,
    '',
    '| Configuration | Throughput and latency | Answers/s ratio | p95 ratio |',
    '|---|---|---|---|',
    ...rows,
    '',
    '| Failure phase (3 nodes) | Measured | Target |',
    '|---|---|---|',
    `| A node killed (SIGKILL) under load: ${CONCURRENCY} widget connections through haproxy, 15 s | ${kill.questions} questions, ${kill.resent} resent once after the kill, **${kill.lost} lost**${kill.lost ? ` (${JSON.stringify(kill.errors)})` : ''} | 0 lost |`,
    `| Redis killed and restarted 4 s later under REST load | ${redis.requests} requests, **${redis.failed} failed**${redis.failed ? ` (${JSON.stringify(redis.errorKinds)})` : ''}; every node "degraded" ${(redis.degradedMs / 1000).toFixed(1)} s after the kill, "ready" again ${(redis.recoveredMs / 1000).toFixed(1)} s after Redis returned | 0 failed |`,
    `| Re-index propagation: job end → every node serves the version (5 uploads) | median ${p.p50.toFixed(0)} ms, max ${p.max.toFixed(0)} ms | ≤ 2,000 ms |`,
    '',
    `Raw figures: ${join('data', 'bench', run.split('/').at(-1)!, 'figures.json')}.`,
  ].join('\n');
}
