/**
 * The LOCK of an index directory: one writer at a time (an ingest run, a rollback). The
 * file names its holder — pid, parent pid, host, role and the process's start time — so a
 * later writer can tell a live holder from a stale lock:
 *
 * - the holder is gone, or its pid now belongs to another process (start time differs):
 *   the lock is taken over;
 * - the holder is a re-index worker whose server is gone (an orphan that has not noticed
 *   yet): it is killed, then the lock is taken over;
 * - otherwise INDEX_LOCKED.
 *
 * A lock written by another host (an index on a shared mount) is never taken over here:
 * its pid means nothing on this machine. In a cluster (REDIS_URL) the lock also names the
 * node whose worker holds it, and a node takes over a lock whose holder node has left the
 * cluster's presence (removeDeadNodeLock, called by server/cluster/queue-worker.ts).
 */
import { readFileSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../core/errors.ts';
import { indexDirError } from './index-dir.ts';

export const LOCK_FILE = 'LOCK';

/** What holds the lock: a CLI run, a server's re-index worker, or the server itself (rollback). */
export type LockRole = 'cli' | 'reindex-worker' | 'server';

/** The content of a LOCK file (older locks hold the pid alone). */
export interface LockHolder {
  pid: number;
  ppid?: number;
  host?: string;
  role?: LockRole;
  /** Start time of the process in clock ticks since boot (Linux), to tell a reused pid. */
  startTicks?: string;
  at?: string;
  /** The cluster node (its presence instance, server/cluster/node-presence.ts) whose worker holds it. */
  node?: string;
}

/** How long to wait for a killed orphan to be gone. */
const ORPHAN_EXIT_MS = 5_000;

/** Fields of /proc/<pid>/stat after the command name: state, ppid, … (Linux only). */
function procStat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** The start time of `pid` in clock ticks since boot (Linux), or undefined. */
export function startTicksOf(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

function alive(pid: number): boolean {
  const stat = procStat(pid);
  if (stat) return stat[0] !== 'Z';
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Parse a LOCK file's content: JSON, or an older lock's bare pid. */
export function parseLock(text: string): LockHolder | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const v = JSON.parse(trimmed) as Partial<LockHolder>;
    return typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 ? (v as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/** What this process writes into a lock it takes (`node`: the cluster node it works for). */
export function ownLock(role: LockRole, node?: string): LockHolder {
  const ticks = startTicksOf(process.pid);
  return {
    pid: process.pid, ppid: process.ppid, host: hostname(), role,
    ...(ticks ? { startTicks: ticks } : {}), at: new Date().toISOString(),
    ...(node ? { node } : {}),
  };
}

/** Why a holder no longer holds the lock, or undefined while it does. */
export function staleReason(h: LockHolder): 'gone' | 'pid-reused' | 'orphan' | undefined {
  if (!alive(h.pid)) return 'gone';
  if (h.startTicks && startTicksOf(h.pid) !== undefined && startTicksOf(h.pid) !== h.startTicks) return 'pid-reused';
  if (h.role === 'reindex-worker' && h.ppid && h.ppid > 1) {
    const parentNow = procStat(h.pid)?.[1];
    if ((parentNow !== undefined && Number(parentNow) !== h.ppid) || !alive(h.ppid)) return 'orphan';
  }
  return undefined;
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

/**
 * Take the directory's lock. A stale lock is taken over (an orphaned re-index worker is
 * killed first). Returns a release function. Throws INDEX_LOCKED while a live writer holds
 * it, and INDEX_DIR_* when the directory cannot be written.
 */
export async function acquireLock(indexDir: string, role: LockRole = 'cli', opts: { node?: string } = {}): Promise<() => Promise<void>> {
  try {
    await mkdir(indexDir, { recursive: true });
  } catch (err) {
    throw (await indexDirError(indexDir, err)) ?? err;
  }
  const path = join(indexDir, LOCK_FILE);
  const mine = JSON.stringify(ownLock(role, opts.node));
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx');
      try {
        await fh.writeFile(mine);
      } finally {
        await fh.close();
      }
      return async () => {
        const now = await readFile(path, 'utf8').catch(() => '');
        if (now === mine) await rm(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw (await indexDirError(indexDir, err)) ?? err;
      const text = await readFile(path, 'utf8').catch(() => '');
      const holder = parseLock(text);
      if (holder && holder.host && holder.host !== hostname()) {
        throw new AppError('INDEX_LOCKED', `index ${indexDir} is locked by pid ${holder.pid} on ${holder.host}`);
      }
      if (holder && holder.pid !== process.pid) {
        const why = staleReason(holder);
        if (!why) throw new AppError('INDEX_LOCKED', `index ${indexDir} is locked by pid ${holder.pid}`);
        if (why === 'orphan') {
          try {
            process.kill(holder.pid, 'SIGKILL');
          } catch {
            // Gone meanwhile.
          }
          if (!(await waitGone(holder.pid, ORPHAN_EXIT_MS))) {
            throw new AppError('INDEX_LOCKED', `orphaned worker ${holder.pid} holding ${indexDir} did not exit`);
          }
        }
      }
      // Another writer may have taken over meanwhile: remove only the lock that was judged.
      if ((await readFile(path, 'utf8').catch(() => '')) === text) await rm(path, { force: true });
    }
  }
  throw new AppError('INDEX_LOCKED', `could not lock ${indexDir}`);
}

/** How a node asks the cluster whether another node is alive (server/cluster/node-presence.ts). */
export interface DeadNodeCheck {
  /** Whether the node (presence instance) named in a lock is alive; throws when that cannot be known. */
  alive: (node: string) => Promise<boolean>;
  /** How long the holder node must stay absent before its lock is taken over. */
  graceMs: number;
  /** This machine's name (default: the host name). */
  host?: string;
}

/**
 * Remove the directory's LOCK when it was written on another machine by a worker of a
 * cluster node that is no longer alive, and stayed so for `graceMs`: that machine is gone
 * (or its node is), and its pid cannot be checked from here. Returns the removed holder,
 * or undefined when there is no such lock (a lock of this machine is judged by
 * acquireLock). When the presence cannot be read (Redis away) nothing is removed.
 */
export async function removeDeadNodeLock(indexDir: string, check: DeadNodeCheck): Promise<LockHolder | undefined> {
  const path = join(indexDir, LOCK_FILE);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  const holder = text === undefined ? undefined : parseLock(text);
  if (!holder?.node || !holder.host || holder.host === (check.host ?? hostname())) return undefined;
  if (await check.alive(holder.node)) return undefined;
  await sleep(check.graceMs);
  if (await check.alive(holder.node)) return undefined;
  // Another node may have taken it over meanwhile: remove only the lock that was judged.
  if ((await readFile(path, 'utf8').catch(() => '')) !== text) return undefined;
  await rm(path, { force: true });
  return holder;
}
