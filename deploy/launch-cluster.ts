/**
 * Start a cluster on this machine for trying it (`npm run cluster`) and for the cluster
 * benchmark: redis-server, N nodes (`node --import tsx server/main.ts`, one process each,
 * ports `firstNodePort`…) sharing INDEX_DIR, UPLOAD_DIR, STATE_DIR and AUDIT_DIR, and
 * haproxy in front (deploy/haproxy-config.ts). Everything runs in the foreground of this
 * process and stops with it. Needs `redis-server` and `haproxy` (Debian packages).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { childEnvironment } from '../config/environment.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { haproxyConfig } from './haproxy-config.ts';

export interface LaunchOptions {
  nodes: number;
  /** The balancer's port. */
  port: number;
  firstNodePort: number;
  redisPort: number;
  /** Where redis-server, haproxy.cfg and the logs go. */
  runDir: string;
  /** Added to every node's environment (INDEX_DIR, ANSWER_WORKERS …). */
  env?: Record<string, string>;
  /** Node output (stdout and stderr) also to this process's. */
  echo?: boolean;
  /** Only the first node re-indexes at start (the others follow its announcement). */
  ingestOnStart?: boolean;
}

export interface RunningNode {
  id: string;
  port: number;
  url: string;
  proc: ChildProcess;
}

export interface LaunchedCluster {
  url: string;
  redisUrl: string;
  nodes: RunningNode[];
  redis: ChildProcess;
  haproxy: ChildProcess;
  /** Start node `i` again (after a kill or a stop) with the same id and port. */
  restartNode(i: number): Promise<RunningNode>;
  /** Start redis-server again on its port (after a kill). */
  restartRedis(): Promise<ChildProcess>;
  stop(): Promise<void>;
}

/** Whether `command` is on the PATH. */
export function have(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((r) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      r(true);
    });
    s.once('error', () => r(false));
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not start within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

function stopProcess(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((r) => {
    proc.once('exit', () => r());
    proc.kill(signal);
  });
}

export async function launchCluster(opts: LaunchOptions): Promise<LaunchedCluster> {
  for (const command of ['redis-server', 'haproxy']) {
    if (!have(command)) throw new Error(`${command} is not installed (Debian: apt-get install ${command})`);
  }
  const runDir = resolve(opts.runDir);
  await mkdir(join(runDir, 'redis'), { recursive: true });
  const out = (proc: ChildProcess, name: string) => {
    if (!opts.echo) return;
    proc.stdout?.on('data', (d: Buffer) => process.stdout.write(`[${name}] ${d.toString()}`));
    proc.stderr?.on('data', (d: Buffer) => process.stderr.write(`[${name}] ${d.toString()}`));
  };

  const started: ChildProcess[] = [];
  try {
    return await launch(opts, runDir, out, started);
  } catch (err) {
    // Nothing is left running when the start fails half-way.
    await Promise.all(started.map((p) => stopProcess(p, 'SIGKILL')));
    throw err;
  }
}

async function launch(opts: LaunchOptions, runDir: string, out: (proc: ChildProcess, name: string) => void, started: ChildProcess[]): Promise<LaunchedCluster> {
  const startRedis = async () => {
    // An append-only file keeps conversations and limits across a restart of Redis itself (as in production).
    const redis = spawn('redis-server', ['--port', String(opts.redisPort), '--bind', '127.0.0.1', '--dir', join(runDir, 'redis'), '--save', '', '--appendonly', 'yes'], { stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(redis);
    out(redis, 'redis');
    await waitFor('redis-server', () => accepts(opts.redisPort), 10_000);
    return redis;
  };
  let redis = await startRedis();
  const redisUrl = `redis://127.0.0.1:${opts.redisPort}`;

  const startNode = async (i: number): Promise<RunningNode> => {
    const id = `node-${i + 1}`;
    const port = opts.firstNodePort + i;
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: REPO_ROOT,
      env: childEnvironment({
        HOST: '127.0.0.1', PORT: String(port), NODE_ID: id, REDIS_URL: redisUrl, TRUST_PROXY: '1',
        SKIP_START_INGEST: opts.ingestOnStart && i === 0 ? 'false' : 'true',
        ...opts.env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(proc);
    out(proc, id);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(id, async () => {
      if (proc.exitCode !== null) throw new Error(`${id} exited with code ${proc.exitCode}`);
      return ready(url);
    }, 180_000);
    return { id, port, url, proc };
  };
  const nodes: RunningNode[] = [];
  // One at a time: on two cores, loading N servers at once only slows each.
  for (let i = 0; i < opts.nodes; i++) nodes.push(await startNode(i));

  const cfg = join(runDir, 'haproxy.cfg');
  await writeFile(cfg, haproxyConfig({
    bind: `127.0.0.1:${opts.port}`, log: 'stdout',
    nodes: nodes.map((n) => ({ name: n.id, host: '127.0.0.1', port: n.port })),
  }));
  const haproxy = spawn('haproxy', ['-f', cfg, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(haproxy);
  out(haproxy, 'haproxy');
  const url = `http://127.0.0.1:${opts.port}`;
  await waitFor('haproxy', async () => {
    if (haproxy.exitCode !== null) throw new Error(`haproxy exited with code ${haproxy.exitCode}`);
    return ready(url);
  }, 15_000);

  return {
    url, redisUrl, nodes, haproxy,
    get redis() {
      return redis;
    },
    restartNode: async (i) => {
      await stopProcess(nodes[i]!.proc, 'SIGKILL');
      nodes[i] = await startNode(i);
      return nodes[i]!;
    },
    restartRedis: async () => {
      await stopProcess(redis, 'SIGKILL');
      redis = await startRedis();
      return redis;
    },
    stop: async () => {
      await stopProcess(haproxy);
      await Promise.all(nodes.map((n) => stopProcess(n.proc)));
      await stopProcess(redis);
    },
  };
}
