/**
 * The parts of one re-index run that do not depend on where the job list lives: the
 * request sent to the worker process, and what a worker's exit means for the job. Shared
 * by the jobs of one process (reindex-jobs.ts) and the cluster's queue
 * (server/cluster/queued-jobs.ts).
 */
import type { EmbedderConfig } from '../../ingest/embedders/registry.ts';
import type { IngestInput } from '../../ingest/pipeline.ts';
import { JOB_MESSAGES, crashedMessage, timeoutMessage } from './job-errors.ts';
import type { JobError, JobInfo, JobOptions, JobSummary } from './job-info.ts';
import type { WorkerExit } from './worker-process.ts';
import type { WorkerStart } from './worker-protocol.ts';

/** What every run of a server is given, whichever job it is. */
export interface RunSettings {
  indexDir: string;
  /**
   * Roots every job reads besides those the index has recorded; a function is called at
   * each start (the list may change). A bare path counts as configured (`corpus_paths`).
   */
  inputs: Array<string | IngestInput> | (() => Array<string | IngestInput>);
  /** The paths of recorded roots, by id (GET /api/admin/sources): a removal names roots by id. */
  rootPaths?: (ids: readonly string[]) => string[];
  maxBytes?: number;
  /** INDEX_MAX_REMOVAL_SHARE and INDEX_KEEP_VERSIONS, passed to every run. */
  maxRemovalShare?: number;
  keepVersions?: number;
  embedder?: EmbedderConfig;
  /** The cluster node the workers run for (its presence instance), named in the index LOCK. */
  lockNode?: string;
}

/** Why a run was stopped by the server rather than ending by itself. */
export type StopReason = 'timeout' | 'cancel' | 'shutdown';

export type JobResult = { summary: JobSummary } | { error: JobError; detail: string | undefined };

/** The start message of the worker of job `jobId`, asked by `user` with `options`. */
export function workerRequest(settings: RunSettings, jobId: string, user: string, options: JobOptions): WorkerStart {
  const s = settings;
  const inputs = (typeof s.inputs === 'function' ? s.inputs() : s.inputs)
    .map((i): IngestInput => (typeof i === 'string' ? { path: i, origin: 'corpus_paths' } : i));
  const removeRoots = options.removeRoots?.length ? (s.rootPaths?.(options.removeRoots) ?? []) : [];
  return {
    type: 'start',
    options: {
      inputs, indexDir: s.indexDir, rebuild: options.rebuild, by: user, job: jobId,
      ...(removeRoots.length ? { removeRoots } : {}),
      ...(options.allowRemoval ? { allowRemoval: true } : {}),
      ...(options.expectedRemovals ? { expectedRemovals: options.expectedRemovals } : {}),
      ...(s.maxRemovalShare !== undefined ? { maxRemovalShare: s.maxRemovalShare } : {}),
      ...(s.keepVersions !== undefined ? { keepVersions: s.keepVersions } : {}),
      ...(s.maxBytes !== undefined ? { maxBytes: s.maxBytes } : {}),
      ...(s.embedder ? { embedder: s.embedder } : {}),
      ...(s.lockNode ? { lockNode: s.lockNode } : {}),
    },
  };
}

/** The job's outcome: what the worker reported, else why it stopped. */
export function resultOf(exit: WorkerExit, stopReason: StopReason | undefined, timeoutMs: number): JobResult {
  const { outcome } = exit;
  const how = `worker pid ${exit.pid ?? '-'} exited with code ${exit.code} signal ${exit.signal}${exit.spawnError ? ` (${exit.spawnError})` : ''}`;
  const tail = exit.stderrTail ? `; stderr: ${exit.stderrTail}` : '';
  if (outcome?.type === 'done') return { summary: outcome.summary };
  if (outcome?.type === 'failed') return { error: { code: outcome.error.code, message: outcome.error.message }, detail: outcome.error.detail };
  if (stopReason === 'timeout') return { error: { code: 'JOB_TIMEOUT', message: timeoutMessage(timeoutMs) }, detail: `timed out after ${timeoutMs} ms; ${how}` };
  if (stopReason === 'cancel') return { error: { code: 'JOB_CANCELLED', message: JOB_MESSAGES.JOB_CANCELLED }, detail: `cancelled; ${how}` };
  if (stopReason === 'shutdown') return { error: { code: 'JOB_INTERRUPTED', message: JOB_MESSAGES.JOB_INTERRUPTED }, detail: `server shutdown; ${how}` };
  return { error: { code: 'JOB_CRASHED', message: crashedMessage(exit) }, detail: `${how}${tail}` };
}

/**
 * Record a run's end on its job (status, summary or error, end time `at`). A no-op run
 * skips the later phases: a finished job reads 100 % either way.
 */
export function applyResult(job: JobInfo, result: JobResult, at: string): void {
  job.finishedAt = at;
  if ('summary' in result) {
    job.status = 'succeeded';
    job.summary = result.summary;
    if (job.progress) job.progress = { ...job.progress, phase: 'done', percent: 100 };
  } else {
    job.status = 'failed';
    job.error = result.error;
  }
}
