import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, parseLock, removeDeadNodeLock, staleReason } from './lock.ts';

let dir: string;
const children: number[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lock-'));
});

afterEach(async () => {
  for (const pid of children.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await rm(dir, { recursive: true, force: true });
});

const lockFile = () => join(dir, 'LOCK');

/** A process that sleeps: a live holder that is not this process. */
function sleeper(): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child.pid!);
  return child.pid!;
}

describe('index lock', () => {
  it('names its holder and is released by it', async () => {
    const release = await acquireLock(dir, 'cli');
    const holder = parseLock(await readFile(lockFile(), 'utf8'))!;
    expect(holder).toMatchObject({ pid: process.pid, ppid: process.ppid, host: hostname(), role: 'cli' });
    await release();
    await expect(readFile(lockFile())).rejects.toThrow(/ENOENT/);
  });

  it('refuses while a live process holds it (INDEX_LOCKED), and reads an older lock holding the pid alone', async () => {
    await writeFile(lockFile(), String(sleeper()));
    await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'INDEX_LOCKED' });
  });

  it('takes over a lock whose holder is gone', async () => {
    const pid = sleeper();
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    await writeFile(lockFile(), JSON.stringify({ pid, role: 'cli' }));
    const release = await acquireLock(dir);
    expect(parseLock(await readFile(lockFile(), 'utf8'))?.pid).toBe(process.pid);
    await release();
  });

  it('takes over a lock whose pid now belongs to another process (start time differs)', async () => {
    const pid = sleeper();
    expect(staleReason({ pid, startTicks: '1' })).toBe('pid-reused');
    await writeFile(lockFile(), JSON.stringify({ pid, startTicks: '1', role: 'cli' }));
    await (await acquireLock(dir))();
  });

  it('kills a re-index worker orphaned by its server and takes the lock over', async () => {
    const worker = sleeper();
    // Its recorded server (this test's parent pid stands for a server that is gone) is not its parent now.
    const deadServer = sleeper();
    process.kill(deadServer, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    await writeFile(lockFile(), JSON.stringify({ pid: worker, ppid: deadServer, role: 'reindex-worker' }));
    expect(staleReason({ pid: worker, ppid: deadServer, role: 'reindex-worker' })).toBe('orphan');
    const release = await acquireLock(dir);
    // Killed: gone, or a zombie until this process reaps it (kill(pid, 0) still succeeds on one).
    expect(staleReason({ pid: worker })).toBe('gone');
    await release();
  });

  it('leaves a CLI run alone even when its parent is gone: only server workers are orphans', () => {
    const pid = sleeper();
    expect(staleReason({ pid, ppid: 999_999_999, role: 'cli' })).toBeUndefined();
  });

  it('never takes over a lock written by another host', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: 1, host: 'other-host.example', role: 'cli' }));
    await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'INDEX_LOCKED' });
  });

  it('never takes over a lock of another host that names no cluster node, even one with a node that is alive', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: 1, host: 'other-host.example', role: 'reindex-worker' }));
    expect(await removeDeadNodeLock(dir, { alive: () => Promise.resolve(false), graceMs: 0 })).toBeUndefined();
    await writeFile(lockFile(), JSON.stringify({ pid: 1, host: 'other-host.example', role: 'reindex-worker', node: 'n1.ab' }));
    expect(await removeDeadNodeLock(dir, { alive: () => Promise.resolve(true), graceMs: 0 })).toBeUndefined();
    await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'INDEX_LOCKED' });
  });

  it('removes the lock of a dead node of another host, unless it came back or the lock changed during the grace', async () => {
    const dead = JSON.stringify({ pid: 1, host: 'other-host.example', role: 'reindex-worker', node: 'n1.ab' });
    await writeFile(lockFile(), dead);
    let calls = 0;
    expect(await removeDeadNodeLock(dir, { alive: () => Promise.resolve(calls++ > 0), graceMs: 10 })).toBeUndefined();
    const taken = JSON.stringify({ pid: 2, host: 'third-host.example', role: 'reindex-worker', node: 'n3.cd' });
    expect(await removeDeadNodeLock(dir, {
      alive: async () => {
        await writeFile(lockFile(), taken);
        return false;
      },
      graceMs: 10,
    })).toBeUndefined();
    expect(await readFile(lockFile(), 'utf8')).toBe(taken);
    await writeFile(lockFile(), dead);
    expect(await removeDeadNodeLock(dir, { alive: () => Promise.resolve(false), graceMs: 10 })).toMatchObject({ node: 'n1.ab', pid: 1 });
    await (await acquireLock(dir))();
  });
});
