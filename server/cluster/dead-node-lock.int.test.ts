/**
 * The index LOCK of a node on another machine (a shared volume) against a real
 * redis-server: kept while its node is alive, taken over once the node has left the
 * cluster's presence for the grace period, never while presence cannot be read. The
 * holder node is a child process killed with SIGKILL while it holds the lock; the other
 * machine is this one under another host name (the check's `host`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config/paths.ts';
import { acquireLock, LOCK_FILE, parseLock, removeDeadNodeLock } from '../../ingest/store/lock.ts';
import { ALIVE_TTL_MS, NodePresence } from './node-presence.ts';
import { RedisLink } from './redis-link.ts';
import { startRedis, type TestRedis } from './testing/redis-server.ts';

const logger = pino({ level: 'silent' });
const PREFIX = 'locktest';
const GRACE_MS = 1_000;
let redis: TestRedis;
let dir: string;
let link: RedisLink;
let presence: NodePresence;
const children: ChildProcess[] = [];

/** Start the holder node; resolves with its presence instance once it holds the LOCK. */
async function holderNode(): Promise<{ child: ChildProcess; instance: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/cluster/testing/lock-holder-node.ts'), redis.url, PREFIX, dir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  const instance = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`holder node exited with ${code}`)));
  });
  return { child, instance };
}

const otherMachine = () => ({ alive: (node: string) => presence.isAlive(node), graceMs: GRACE_MS, host: 'machine-b' });
const lockText = () => readFile(join(dir, LOCK_FILE), 'utf8').catch(() => undefined);

beforeAll(async () => {
  redis = await startRedis();
  link = new RedisLink({ url: redis.url, prefix: PREFIX, name: 'b', logger });
  expect(await link.waitUntilUp(5_000)).toBe(true);
  presence = new NodePresence(link, 'b', logger);
  await presence.start();
}, 30_000);

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

afterAll(async () => {
  await presence.stop();
  await link.close();
  await redis.close();
});

describe('the index LOCK of a node on another machine', () => {
  it('is kept while its node is alive and taken over once the node has been gone for the grace period', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dead-node-lock-'));
    const { child, instance } = await holderNode();
    const held = await lockText();
    expect(parseLock(held!)).toMatchObject({ node: instance, role: 'reindex-worker' });
    expect(await presence.isAlive(instance)).toBe(true);

    expect(await removeDeadNodeLock(dir, otherMachine())).toBeUndefined();
    expect(await lockText()).toBe(held);

    child.kill('SIGKILL');
    const killedAt = Date.now();
    let removed;
    while (!(removed = await removeDeadNodeLock(dir, otherMachine()))) {
      expect(Date.now() - killedAt).toBeLessThan(ALIVE_TTL_MS + GRACE_MS + 10_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Its presence lapses ALIVE_TTL_MS after its last heartbeat; then the grace runs.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(GRACE_MS);
    expect(removed).toMatchObject({ node: instance });
    expect(await lockText()).toBeUndefined();
    const release = await acquireLock(dir, 'reindex-worker', { node: presence.instance });
    expect(parseLock((await lockText())!)).toMatchObject({ node: presence.instance, pid: process.pid });
    await release();
  }, 30_000);

  it('is not judged by presence on its own machine, nor when presence cannot be read', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dead-node-lock-'));
    const { child } = await holderNode();
    const held = await lockText();
    child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, ALIVE_TTL_MS + 500));
    // Same machine: the pid decides (acquireLock takes over a lock whose process is gone).
    expect(await removeDeadNodeLock(dir, { ...otherMachine(), host: undefined })).toBeUndefined();
    await expect(removeDeadNodeLock(dir, { ...otherMachine(), alive: () => Promise.reject(new Error('redis away')) })).rejects.toThrow('redis away');
    expect(await lockText()).toBe(held);
  }, 30_000);
});
