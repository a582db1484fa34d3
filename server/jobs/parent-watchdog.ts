/**
 * Makes a re-index worker die with its server even while its event loop is busy. The IPC
 * `disconnect` event that tells a worker its parent is gone waits for the event loop,
 * which a CPU-heavy ingest (embedding, BM25 over the whole catalog) holds for many
 * seconds; meanwhile the orphan keeps the index LOCK and the restarted server's job fails.
 *
 * A tiny worker thread (its own event loop, no TypeScript loader needed) polls the parent
 * pid; when the worker has been re-parented it removes the LOCK if this process holds it
 * (the exit handlers of a blocked main thread would never run) and kills the process.
 * Measured on the 2-core reference machine: docs/OPERATIONS.md ("Crash recovery").
 */
import { Worker } from 'node:worker_threads';

/** How often the parent pid is checked. */
export const WATCHDOG_INTERVAL_MS = 200;

const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { parentPid, lockFile, intervalMs } = workerData;
function holdsLock() {
  try {
    const text = fs.readFileSync(lockFile, 'utf8').trim();
    const pid = /^\\d+$/.test(text) ? Number(text) : JSON.parse(text).pid;
    return pid === process.pid;
  } catch {
    return false;
  }
}
setInterval(() => {
  if (process.ppid === parentPid) return;
  try {
    if (lockFile && holdsLock()) fs.rmSync(lockFile, { force: true });
  } finally {
    process.kill(process.pid, 'SIGKILL');
  }
}, intervalMs);
`;

export interface WatchdogOptions {
  /** The pid of the server that forked this worker. */
  parentPid: number;
  /** The index LOCK to remove when this process holds it. */
  lockFile?: string;
  intervalMs?: number;
}

/** Start the watchdog thread; it does not keep the process alive. */
export function watchParent(opts: WatchdogOptions): Worker {
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: { parentPid: opts.parentPid, lockFile: opts.lockFile ?? '', intervalMs: opts.intervalMs ?? WATCHDOG_INTERVAL_MS },
  });
  worker.unref();
  return worker;
}
