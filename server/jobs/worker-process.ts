/**
 * One forked reindex worker seen from the parent: start it with its request, hear its
 * progress, stop it, and learn how it ended (what it reported, exit code or signal).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IngestProgress } from '../../ingest/pipeline.ts';
import type { JobSummary } from './job-info.ts';
import { workerMessageSchema, type WorkerFailure, type WorkerStart } from './worker-protocol.ts';

export const DEFAULT_WORKER_PATH = fileURLToPath(new URL('./reindex-worker.ts', import.meta.url));

/** What the worker reported before exiting, if anything. */
export type WorkerOutcome = { type: 'done'; summary: JobSummary } | { type: 'failed'; error: WorkerFailure };

export interface WorkerExit {
  outcome?: WorkerOutcome;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started. */
  spawnError?: string;
  /** Last few kB of the worker's stderr, for logs. */
  stderrTail: string;
  pid?: number;
}

export interface WorkerHandle {
  readonly pid: number | undefined;
  /** SIGTERM now, SIGKILL after `graceMs` if it is still there. */
  terminate(graceMs: number): void;
  /** Resolves once the process is gone and its pipes are closed; never rejects. */
  readonly exited: Promise<WorkerExit>;
}

const STDERR_TAIL = 4000;

/**
 * tsx's loader by absolute URL: `--import tsx` would be resolved from the working
 * directory, which need not be this checkout.
 */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/** Fork `workerPath` (TypeScript, run through tsx) and send it `request`. */
export function forkWorker(
  workerPath: string,
  request: WorkerStart,
  hooks: { onSpawn?: () => void; onProgress?: (p: IngestProgress) => void } = {},
): WorkerHandle {
  let child: ChildProcess;
  try {
    child = fork(workerPath, [], {
      execArgv: ['--import', tsxLoader()],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Its own process group, so that a kill also takes the OCR processes it started.
      detached: true,
    });
  } catch (err) {
    const spawnError = err instanceof Error ? err.message : String(err);
    return { pid: undefined, terminate: () => {}, exited: Promise.resolve({ code: null, signal: null, spawnError, stderrTail: '' }) };
  }

  let outcome: WorkerOutcome | undefined;
  let stderrTail = '';
  let killTimer: NodeJS.Timeout | undefined;
  const note = (line: string) => {
    stderrTail = `${stderrTail}\n${line}`.slice(-STDERR_TAIL);
  };
  const exited = new Promise<WorkerExit>((resolve) => {
    const done = (exit: Omit<WorkerExit, 'stderrTail' | 'outcome' | 'pid'>) => {
      clearTimeout(killTimer);
      resolve({ ...exit, ...(outcome ? { outcome } : {}), stderrTail: stderrTail.trim(), ...(child.pid ? { pid: child.pid } : {}) });
    };
    child.once('close', (code, signal) => done({ code, signal }));
    child.on('error', (err) => {
      note(err.message);
      // After a failed spawn 'close' is not guaranteed.
      if (child.pid === undefined) done({ code: null, signal: null, spawnError: err.message });
    });
  });
  child.once('spawn', () => hooks.onSpawn?.());
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    stderrTail = (stderrTail + d).slice(-STDERR_TAIL);
  });
  child.on('message', (raw: unknown) => {
    if (outcome) return;
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) note('ignored a malformed worker message');
    else if (parsed.data.type === 'progress') hooks.onProgress?.(parsed.data.progress);
    else outcome = parsed.data;
  });
  // A failed send means the worker is gone; 'close' follows. The worker watches for this process to go.
  child.send({ ...request, parentPid: process.pid } satisfies WorkerStart, (err) => err && note(`send failed: ${err.message}`));

  return {
    pid: child.pid,
    terminate(graceMs) {
      if (child.exitCode !== null || child.signalCode !== null || killTimer) return;
      // SIGTERM: the worker exits and kills its OCR processes; SIGKILL of the group if it does not.
      child.kill('SIGTERM');
      killTimer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, graceMs);
    },
    exited,
  };
}
