/**
 * `npm run bench -- load`: the server under concurrent REST and socket.io load from a
 * second process on loopback, against a bare express echo measured in the same run.
 * Phases (`--phases echo,rest,socket,reindex,soak`, all by default): echo baseline, REST
 * chat, 500 streaming sockets, re-index under load, and a soak watching the server's RSS.
 * The server is a child process serving the full bench index (data/bench/full-index),
 * built here with the very inputs the server's re-index jobs use.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, relative } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config/config.ts';
import { childEnvironment } from '../config/environment.ts';
import { datasetPaths, REPO_ROOT, requireDataset, type DatasetPaths } from '../config/paths.ts';
import { ingestInputs } from '../server/server.ts';
import { echoPhase, reindexPhase, restPhase, soakPhase, socketPhase, type LoadSettings, type Target } from './load-phases.ts';
import { startService, stopService, waitReady } from './load-procs.ts';
import { renderLoadReport, type LoadReport } from './load-report.ts';

const PHASES = ['echo', 'rest', 'socket', 'reindex', 'soak'] as const;
type Phase = (typeof PHASES)[number];

/** Command-line options of this benchmark (merged into bench/run.ts's parser). */
export const LOAD_OPTIONS = {
  phases: { type: 'string' },
  seconds: { type: 'string' },
  'soak-seconds': { type: 'string' },
  'warmup-seconds': { type: 'string' },
  concurrency: { type: 'string' },
  connections: { type: 'string' },
  /** ANSWER_WORKERS of the server under test (default 2: one per core). */
  'answer-workers': { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Values of LOAD_OPTIONS as parseArgs gives them. */
export type LoadArgs = { [K in keyof typeof LOAD_OPTIONS]?: string };

const BENCH_DIR = join(REPO_ROOT, 'data', 'bench');
const INDEX_DIR = join(BENCH_DIR, 'full-index');
const UPLOAD_DIR = join(BENCH_DIR, 'uploads');
const QUESTION_FILES = ['procedure-questions', 'normal-questions', 'unanswerable'];
const SERVER_URL_LINE = /Trợ lý ảo đang phục vụ tại (http:\/\/\S+)/;

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (!Number.isFinite(x) || x <= 0) throw new Error(`--${name} must be a positive number, not ${value}`);
  return x;
}

function settingsOf(args: LoadArgs): { settings: LoadSettings; phases: Phase[] } {
  const phases = (args.phases ?? PHASES.join(',')).split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = phases.filter((p) => !(PHASES as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`unknown phase ${unknown.join(', ')}; known: ${PHASES.join(', ')}`);
  return {
    phases: PHASES.filter((p) => phases.includes(p)),
    settings: {
      seconds: positive(args.seconds, 30, 'seconds'),
      soakSeconds: positive(args['soak-seconds'], 300, 'soak-seconds'),
      soakWarmupSeconds: positive(args['warmup-seconds'], 60, 'warmup-seconds'),
      concurrency: Math.round(positive(args.concurrency, 16, 'concurrency')),
      connections: Math.round(positive(args.connections, 500, 'connections')),
    },
  };
}

/** The questions of the answer evals (follow-ups need their conversation: left out), interleaved. */
export async function benchQuestions(): Promise<string[]> {
  const questions: string[] = [];
  for (const name of QUESTION_FILES) {
    const text = await readFile(join(REPO_ROOT, 'eval', 'datasets', `${name}.jsonl`), 'utf8');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const q = JSON.parse(line) as { text?: string; follow_up_of?: string };
      if (q.text && !q.follow_up_of) questions.push(q.text);
    }
  }
  // A fixed shuffle, so every stretch of the load mixes the three kinds of question.
  let seed = 42;
  for (let i = questions.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [questions[i], questions[j]] = [questions[j]!, questions[i]!];
  }
  return questions;
}

function serverEnv(stateRoot: string, adminToken: string, answerWorkers: string, datasets: DatasetPaths): Record<string, string> {
  return {
    ANSWER_WORKERS: answerWorkers,
    PORT: '0',
    HOST: '127.0.0.1',
    INDEX_DIR,
    UPLOAD_DIR,
    CORPUS_PATHS: [requireDataset(datasets.tthc), requireDataset(datasets.alqacCorpus)].join(','),
    STATE_DIR: join(stateRoot, 'state'),
    AUDIT_DIR: join(stateRoot, 'audit'),
    ASSISTANT_TOKENS: `admin:${adminToken},official:${randomBytes(24).toString('base64url')}`,
    SERVER_SECRET: randomBytes(24).toString('base64url'),
    RATE_LIMIT_PER_IP: '10000000',
    RATE_LIMIT_PER_TOKEN: '10000000',
    SOCKET_MAX_PER_IP: '100000',
    LOG_LEVEL: 'warn',
    SKIP_START_INGEST: 'true',
    EMBEDDER: 'lsa',
    // The extractive answerer, whatever the caller's environment or .env says.
    LLM_BASE_URL: '',
    METRICS_TOKEN: '',
    CORS_ORIGINS: '',
    TRUST_PROXY: '0',
  };
}

/**
 * Bring the bench index up to date with exactly the server's re-index inputs (so that a
 * job under load only does what changed). Returns seconds when a version was published.
 */
async function ensureIndex(env: Record<string, string>): Promise<number | undefined> {
  await mkdir(UPLOAD_DIR, { recursive: true });
  // The server child's own configuration: its environment is this one with `env` on top.
  const inputs = ingestInputs(loadConfig(childEnvironment(env)));
  process.stderr.write(`[load] bringing ${relative(REPO_ROOT, INDEX_DIR)} up to date…\n`);
  const started = performance.now();
  const out = await new Promise<string>((resolveOut, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench', 'ingest-child.ts'), INDEX_DIR, ...inputs.map((i) => `${i.origin}=${i.path}`)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolveOut(text) : reject(new Error(`bench index build exited ${code}`))));
  });
  const { summary } = JSON.parse(out) as { summary: { published: boolean } };
  return summary.published ? Math.round((performance.now() - started) / 100) / 10 : undefined;
}

function machine(): string {
  const cpus = os.cpus();
  return `${os.availableParallelism()} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Run the chosen phases; writes the raw JSON and returns the Markdown section. */
export async function benchLoad(args: LoadArgs, config: Config): Promise<string> {
  const { settings, phases } = settingsOf(args);
  const questions = await benchQuestions();
  const started = new Date();
  const stamp = started.toISOString().slice(0, 19).replace(/:/g, '-');
  const rawJson = join(BENCH_DIR, `load-${stamp}.json`);
  const stateRoot = await mkdtemp(join(os.tmpdir(), 'bench-load-'));
  const adminToken = randomBytes(24).toString('base64url');
  const answerWorkers = args['answer-workers'] ?? '2';
  if (!/^\d+$/.test(answerWorkers)) throw new Error('--answer-workers must be a whole number');
  const env = serverEnv(stateRoot, adminToken, answerWorkers, datasetPaths(config));
  const flags = Object.entries(args).filter(([, v]) => v !== undefined).map(([k, v]) => ` --${k} ${v}`).join('');
  const report: LoadReport = {
    command: `npm run bench -- load${flags}`,
    date: started.toISOString().slice(0, 10),
    machine: machine(),
    settings,
    questions: questions.length,
    rawJson: relative(REPO_ROOT, rawJson),
  };
  try {
    // The baseline first, before the server exists, so nothing else competes for the cores.
    if (phases.includes('echo')) report.echo = await echoPhase(settings, questions);
    const serverPhases = phases.filter((p) => p !== 'echo');
    const indexBuiltSeconds = serverPhases.length ? await ensureIndex(env) : undefined;
    const service = serverPhases.length ? await startService('server/main.ts', env, SERVER_URL_LINE) : undefined;
    try {
      const ready = service ? await waitReady(service.url) : undefined;
      const target: Target | undefined = service && { service, adminToken, uploadDir: UPLOAD_DIR };
      if (target) {
        if (phases.includes('rest')) report.rest = await restPhase(settings, target, questions);
        if (phases.includes('socket')) report.socket = await socketPhase(settings, target, questions);
        if (phases.includes('reindex')) report.reindex = await reindexPhase(settings, target, questions);
        if (phases.includes('soak')) report.soak = await soakPhase(settings, target, questions);
      }
      if (service && ready) {
        const printable = Object.fromEntries(['ANSWER_WORKERS', 'LOG_LEVEL', 'RATE_LIMIT_PER_IP', 'RATE_LIMIT_PER_TOKEN', 'SOCKET_MAX_PER_IP'].map((k) => [k, env[k]!]));
        report.server = {
          index: ready.index,
          ...(indexBuiltSeconds === undefined ? {} : { indexBuiltSeconds }),
          env: printable,
          logLevels: service.logLevels,
        };
      }
    } finally {
      if (service) await stopService(service);
    }
  } finally {
    await rm(stateRoot, { recursive: true, force: true });
  }
  await mkdir(BENCH_DIR, { recursive: true });
  await writeFile(rawJson, `${JSON.stringify(report, null, 2)}\n`);
  return renderLoadReport(report);
}
