/**
 * Child-process entry point of one re-index job, forked by ReindexJobs
 * (worker-protocol.ts). Running ingest in its own process keeps the chat server
 * answering from the active version whatever the run does: a crash, an out-of-memory
 * kill or a timeout ends this process only, and ingest publishes atomically, so the
 * previous version keeps serving.
 *
 * The worker exits as soon as its parent is gone — at once when idle (IPC channel
 * closed), and within a fraction of a second when its event loop is busy (the watchdog
 * thread of parent-watchdog.ts) — so no orphan keeps the index lock.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError, toAppError } from '../../core/errors.ts';
import { ingest, type IngestProgress } from '../../ingest/pipeline.ts';
import { LOCK_FILE, parseLock } from '../../ingest/store/lock.ts';
import { watchParent } from './parent-watchdog.ts';
import { toJobSummary } from './job-summary.ts';
import { throttleLatest } from './throttle.ts';
import { workerStartSchema, type WorkerMessage } from './worker-protocol.ts';

/** At most ten progress messages a second. */
const PROGRESS_INTERVAL_MS = 100;

/** Index directory of the run, once started: its lock is released if we die mid-run. */
let lockedDir: string | undefined;

function send(msg: WorkerMessage, then?: () => void): void {
  if (!process.connected) {
    then?.();
    return;
  }
  process.send!(msg, undefined, {}, () => then?.());
}

/**
 * Remove the index LOCK (ingest/store/publish.ts) if it names this process: ingest's own
 * release does not run when the process exits mid-run, and a lock naming a dead pid is
 * only taken over while no other process has been given that pid.
 */
function releaseOwnLock(): void {
  if (!lockedDir) return;
  const path = join(lockedDir, LOCK_FILE);
  try {
    if (parseLock(readFileSync(path, 'utf8'))?.pid === process.pid) rmSync(path, { force: true });
  } catch {
    // No lock (the run finished or never took it): nothing to release.
  }
}

async function run(raw: unknown): Promise<void> {
  const parsed = workerStartSchema.safeParse(raw);
  if (!parsed.success) {
    const e = new AppError('INVALID_ARGUMENT', `bad start message: ${parsed.error.message}`);
    send({ type: 'failed', error: { code: e.code, message: e.userMessage, detail: e.message } }, () => process.exit(1));
    return;
  }
  const o = parsed.data.options;
  lockedDir = resolve(o.indexDir);
  if (parsed.data.parentPid) watchParent({ parentPid: parsed.data.parentPid, lockFile: join(lockedDir, LOCK_FILE) });
  const progress = throttleLatest<IngestProgress>((p) => send({ type: 'progress', progress: p }), PROGRESS_INTERVAL_MS);
  try {
    const summary = await ingest({
      inputs: o.inputs,
      indexDir: o.indexDir,
      via: 'job',
      ...(o.rebuild !== undefined ? { rebuild: o.rebuild } : {}),
      ...(o.removeRoots ? { removeRoots: o.removeRoots } : {}),
      ...(o.allowRemoval !== undefined ? { allowRemoval: o.allowRemoval } : {}),
      ...(o.expectedRemovals ? { expectedRemovals: o.expectedRemovals } : {}),
      ...(o.maxRemovalShare !== undefined ? { maxRemovalShare: o.maxRemovalShare } : {}),
      ...(o.keepVersions !== undefined ? { keepVersions: o.keepVersions } : {}),
      ...(o.by ? { by: o.by } : {}),
      ...(o.job ? { job: o.job } : {}),
      ...(o.maxBytes !== undefined ? { maxBytes: o.maxBytes } : {}),
      ...(o.embedder ? { embedder: o.embedder } : {}),
      ...(o.lockNode ? { lockNode: o.lockNode } : {}),
      onProgress: (p) => progress.push(p),
    });
    progress.flush();
    send({ type: 'done', summary: await toJobSummary(summary, o.inputs) }, () => process.exit(0));
  } catch (err) {
    progress.flush();
    const e = toAppError(err);
    send({ type: 'failed', error: { code: e.code, message: e.userMessage, detail: e.stack ?? e.message } }, () => process.exit(1));
  }
}

if (!process.send) {
  process.stderr.write('reindex-worker must be started with child_process.fork (it needs an IPC channel)\n');
  process.exit(2);
}
process.on('exit', releaseOwnLock);
process.on('SIGTERM', () => process.exit(143));
process.on('SIGINT', () => process.exit(130));
process.on('disconnect', () => process.exit(1));
process.once('message', (msg: unknown) => void run(msg));
