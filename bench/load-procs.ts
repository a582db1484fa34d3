/**
 * The processes of the load bench: the server and the echo baseline as children that
 * print their URL, the load generator driven over IPC, and the server's memory read from
 * /proc and /metrics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { childEnvironment } from '../config/environment.ts';
import { REPO_ROOT } from '../config/paths.ts';
import type { FromClient, LoadPlan, LoadResult } from './load-plan.ts';

/** A child that printed its URL, with what it logged (pino JSON lines counted by level). */
export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** Log lines per pino level name (`warn`, `error`, …) since start. */
  logLevels: Record<string, number>;
  /** The last lines of output, for error messages. */
  tail: string[];
}

const PINO_LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const TAIL_LINES = 40;

/**
 * Start `node --import tsx <script>` with `env` added to this process's environment and
 * resolve once a line of its stdout matches `urlLine` (first group: the URL).
 */
export function startService(script: string, env: Record<string, string>, urlLine: RegExp, timeoutMs = 120_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, script)], {
    cwd: REPO_ROOT,
    env: childEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const service: ServiceProcess = { child, url: '', logLevels: {}, tail: [] };
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => fail(`no URL printed within ${timeoutMs / 1000} s`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${script}: ${why}\n${service.tail.join('\n')}`));
    };
    const onLine = (line: string) => {
      if (!line.trim()) return;
      service.tail.push(line);
      if (service.tail.length > TAIL_LINES) service.tail.shift();
      if (line.startsWith('{')) {
        try {
          const level = PINO_LEVELS[(JSON.parse(line) as { level?: number }).level ?? 0] ?? 'other';
          service.logLevels[level] = (service.logLevels[level] ?? 0) + 1;
        } catch {
          // Not a log line.
        }
      }
      const m = urlLine.exec(line);
      if (m?.[1] && !service.url) {
        service.url = m[1];
        clearTimeout(timer);
        resolveStart(service);
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (d: Buffer) => {
        const lines = (rest + d.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => {
      if (!service.url) fail(`exited (${code ?? signal}) before printing its URL`);
    });
  });
}

/** SIGTERM, then SIGKILL if the child has not exited after `graceMs`. */
export function stopService(service: ServiceProcess, graceMs = 20_000): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/** A running load generator. */
export interface LoadRun {
  /** Process id of the load generator. */
  pid: number;
  /** Sockets connected before the window (resolves at once for REST-only plans). */
  connected: Promise<{ connected: number; failed: number; ms: number } | undefined>;
  /** The measured window began (epoch ms). */
  started: Promise<number>;
  result: Promise<LoadResult>;
  /** End the window now (it also ends after `plan.seconds`). */
  stop(): void;
}

/** Start bench/load-client.ts in its own process and hand it `plan`. */
export function startLoad(plan: LoadPlan): LoadRun {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench', 'load-client.ts')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let onConnected: (c: { connected: number; failed: number; ms: number } | undefined) => void = () => undefined;
  let onStarted: (at: number) => void = () => undefined;
  const connected = new Promise<{ connected: number; failed: number; ms: number } | undefined>((r) => (onConnected = r));
  const started = new Promise<number>((r) => (onStarted = r));
  if (!plan.sockets) onConnected(undefined);
  const result = new Promise<LoadResult>((resolveResult, reject) => {
    child.on('message', (message: FromClient) => {
      if (message.type === 'connected') onConnected(message);
      else if (message.type === 'started') onStarted(message.at);
      else if (message.type === 'result') resolveResult(message.result);
      else reject(new Error(`load client failed: ${message.message}`));
    });
    child.once('error', reject);
    // 'close', not 'exit': messages still in the channel are delivered before it.
    child.once('close', (code) => reject(new Error(`load client exited (${code}) without a result`)));
  });
  // A failed run must not leave `started` pending forever.
  result.catch(() => undefined).finally(() => {
    onConnected(undefined);
    onStarted(Date.now());
  });
  child.send({ type: 'run', plan });
  return {
    pid: child.pid!,
    connected,
    started,
    result,
    stop: () => {
      if (child.connected) child.send({ type: 'stop' });
    },
  };
}

/** Resident set size of a process in bytes (Linux /proc). */
export async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** One gauge of the server's Prometheus text (first series of that name), or undefined. */
export async function scrapeMetric(baseUrl: string, name: string): Promise<number | undefined> {
  const text = await (await fetch(new URL('/metrics', baseUrl))).text();
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+(\\S+)`, 'm').exec(text);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** Poll `/readyz` until 200 and return its body. */
export async function waitReady(baseUrl: string, timeoutMs = 180_000): Promise<{ index: { version: string; documents: number; chunks: number } }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(new URL('/readyz', baseUrl)).catch(() => undefined);
    if (res?.status === 200) return (await res.json()) as { index: { version: string; documents: number; chunks: number } };
    await res?.body?.cancel();
    if (Date.now() > deadline) throw new Error(`server at ${baseUrl} not ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Cores used on average over a window: by the server, by the load generator, by anything else. */
export interface CpuShare {
  server: number;
  client: number;
  other: number;
  /** Cores of the machine. */
  cores: number;
}

interface CpuSnapshot {
  at: number;
  /** Busy ticks of the whole machine. */
  busy: number;
  /** Ticks of each watched process (its reaped children included). */
  own: number[];
}

/** Linux USER_HZ: /proc counts CPU time in 1/100 s on every common platform. */
const TICKS_PER_SEC = 100;

async function cpuSnapshot(pids: number[]): Promise<CpuSnapshot> {
  const stat = await readFile('/proc/stat', 'utf8');
  const [user, nice, system, , , irq, softirq, steal] = stat.slice(0, stat.indexOf('\n')).trim().split(/\s+/).slice(1).map(Number);
  const own = await Promise.all(pids.map(async (pid) => {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name: state is field 3, utime..cstime are 14..17.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
    return f[11]! + f[12]! + f[13]! + f[14]!;
  }));
  return { at: performance.now(), busy: user! + nice! + system! + irq! + softirq! + (steal ?? 0), own };
}

/**
 * Sample CPU use of `server` and `client` every second until `until` settles (or a
 * process is gone); resolves with the average over the samples taken.
 */
export async function watchCpu(server: number, client: number, until: Promise<unknown>): Promise<CpuShare | undefined> {
  let done = false;
  void until.finally(() => (done = true)).catch(() => undefined);
  const first = await cpuSnapshot([server, client]).catch(() => undefined);
  if (!first) return undefined;
  let last = first;
  while (!done) {
    await Promise.race([new Promise((r) => setTimeout(r, 1000)), until.catch(() => undefined)]);
    const next = await cpuSnapshot([server, client]).catch(() => undefined);
    if (!next) break;
    last = next;
  }
  const secs = (last.at - first.at) / 1000;
  if (secs <= 0) return undefined;
  const cores = (ticks: number) => Math.round((ticks / TICKS_PER_SEC / secs) * 100) / 100;
  const serverCores = cores(last.own[0]! - first.own[0]!);
  const clientCores = cores(last.own[1]! - first.own[1]!);
  return {
    server: serverCores,
    client: clientCores,
    other: Math.max(0, Math.round((cores(last.busy - first.busy) - serverCores - clientCores) * 100) / 100),
    cores: os.availableParallelism(),
  };
}
