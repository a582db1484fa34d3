import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLock } from '../../ingest/store/lock.ts';
import { processAlive } from '../testing/child-server.ts';

const BUSY_CHILD = fileURLToPath(new URL('./testing/busy-child.ts', import.meta.url));
const started: number[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const pid of started.splice(0)) if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/**
 * A middle process (the "server") that starts the busy child and prints its pid once the
 * child holds the lock; the test then kills the middle process with SIGKILL.
 */
async function serverWithBusyWorker(indexDir: string, mode: string): Promise<{ server: number; worker: number }> {
  const script = `
    const { spawn } = require('node:child_process');
    const c = spawn(process.execPath, ['--import', 'tsx', ${JSON.stringify(BUSY_CHILD)}, ${JSON.stringify(indexDir)}, ${JSON.stringify(mode)}], { stdio: ['ignore', 'pipe', 'inherit'] });
    c.stdout.once('data', () => process.stdout.write(String(c.pid) + '\\n'));
    setInterval(() => {}, 1000);
  `;
  const middle = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(middle.pid!);
  const worker = await new Promise<number>((resolve, reject) => {
    middle.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
    middle.once('exit', () => reject(new Error('middle process exited early')));
  });
  started.push(worker);
  return { server: middle.pid!, worker };
}

async function waitGone(pid: number, ms: number): Promise<number | undefined> {
  const t0 = Date.now();
  while (processAlive(pid)) {
    if (Date.now() - t0 > ms) return undefined;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - t0;
}

describe('parent watchdog', () => {
  it('kills a worker whose event loop is blocked within a second of its server dying, and removes the lock it held', async () => {
    const indexDir = await mkdtemp(join(tmpdir(), 'watchdog-'));
    dirs.push(indexDir);
    const { server, worker } = await serverWithBusyWorker(indexDir, 'watch');
    expect(parseLock(await readFile(join(indexDir, 'LOCK'), 'utf8'))).toMatchObject({ pid: worker, ppid: server, role: 'reindex-worker' });
    process.kill(server, 'SIGKILL');
    const tookMs = await waitGone(worker, 5_000);
    expect(tookMs, 'the busy worker outlived its server').toBeDefined();
    expect(tookMs!).toBeLessThan(2_000);
    expect(existsSync(join(indexDir, 'LOCK'))).toBe(false);
  });

  it('is what makes the difference: without it the busy orphan keeps running and keeps the lock', async () => {
    const indexDir = await mkdtemp(join(tmpdir(), 'watchdog-'));
    dirs.push(indexDir);
    const { server, worker } = await serverWithBusyWorker(indexDir, 'none');
    process.kill(server, 'SIGKILL');
    expect(await waitGone(worker, 2_000)).toBeUndefined();
    expect(parseLock(await readFile(join(indexDir, 'LOCK'), 'utf8'))?.pid).toBe(worker);
  });
});
