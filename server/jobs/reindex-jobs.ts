/**
 * Re-index jobs of the server: one at a time, each in its own child process
 * (reindex-worker.ts), so that a crash, an out-of-memory kill, a timeout or a
 * cancellation ends the worker only and the server keeps answering from the active
 * index version (ingest publishes atomically). The job list is persisted so that a job
 * cut short by a server restart is reported as interrupted, not left "running", and run
 * again by the restarted server (`resumeInterrupted`). A job that met another writer's
 * lock or whose worker died is started again with backoff (retry-policy.ts).
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { JOB_MESSAGES, JobConflictError } from './job-errors.ts';
import { toJobProgress, type JobError, type JobInfo, type JobOptions } from './job-info.ts';
import { applyResult, resultOf, workerRequest, type JobResult, type RunSettings, type StopReason } from './job-run.ts';
import type { JobEvents, JobQueue, JobRequest } from '../cluster/ports.ts';
import { DEFAULT_RETRY, mergeOptions, RETRYABLE, retryDelay, type RetryPolicy } from './retry-policy.ts';
import { loadJobs, saveJobs } from './job-store.ts';
import { DEFAULT_WORKER_PATH, forkWorker, type WorkerExit, type WorkerHandle } from './worker-process.ts';

export interface ReindexJobsOptions extends RunSettings {
  /** JSON file holding the job list (created on first write). */
  stateFile: string;
  /** Worker entry point (default: reindex-worker.ts beside this file). */
  workerPath?: string;
  /** A run longer than this is killed and fails with JOB_TIMEOUT (default 2 hours). */
  timeoutMs?: number;
  /** Time a worker is given to exit after SIGTERM before SIGKILL (default 5 s). */
  killGraceMs?: number;
  /** When failed jobs are started again (default: retry-policy.ts). */
  retry?: Partial<RetryPolicy>;
  now?: () => Date;
  /** Finished jobs kept in the list (default 50). */
  historyLimit?: number;
}

/** Events of ReindexJobs (the port's events); every payload is a copy. */
export type ReindexJobEvents = JobEvents;

/** What a job is asked to do (the refresh of every root is implied). */
export type { JobRequest };

/** A request waiting: run after the active job, or after a retry's delay. */
interface Waiting {
  by: { user: string };
  options: JobOptions;
  retryOf?: string;
  attempt?: number;
}

/** What `init` found in the persisted state. */
export interface InitReport {
  /** Jobs left queued or running by a previous process, now failed JOB_INTERRUPTED. */
  interrupted: JobInfo[];
  /** Where an unreadable state file was moved, if it was. */
  corruptStateMovedTo?: string;
}

const DEFAULT_TIMEOUT_MS = 2 * 60 * 60 * 1000;
const DEFAULT_KILL_GRACE_MS = 5000;
const DEFAULT_HISTORY_LIMIT = 50;
/** setTimeout fires at once for delays past 2^31-1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Run {
  job: JobInfo;
  worker: WorkerHandle;
  stopReason?: StopReason;
  timeout: NodeJS.Timeout;
  /** The job as it ended, once persisted. */
  settled: Promise<JobInfo>;
}

const snapshot = (job: JobInfo): JobInfo => structuredClone(job);

export class ReindexJobs extends EventEmitter<ReindexJobEvents> implements JobQueue {
  private readonly opts: ReindexJobsOptions;
  private readonly timeoutMs: number;
  private readonly killGraceMs: number;
  private readonly historyLimit: number;
  private readonly now: () => Date;
  /** Newest first. */
  private jobs: JobInfo[] = [];
  private active: Run | undefined;
  /** A run requested while another was running; it starts when that one ends. */
  private followUp: Waiting | undefined;
  /** A failed job's next attempt, waiting for its delay. */
  private retrying: (Waiting & { timer: NodeJS.Timeout }) | undefined;
  /** Jobs `init` found interrupted, for `resumeInterrupted`. */
  private interrupted: JobInfo[] = [];
  private readonly retry: RetryPolicy;
  private saving: Promise<void> = Promise.resolve();
  private initialised = false;
  private closed = false;

  constructor(opts: ReindexJobsOptions) {
    super();
    this.opts = opts;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.killGraceMs = opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    this.historyLimit = Math.max(1, opts.historyLimit ?? DEFAULT_HISTORY_LIMIT);
    this.now = opts.now ?? (() => new Date());
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    if (!(this.timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
  }

  /** Load the job list; jobs a previous process left queued or running become JOB_INTERRUPTED. */
  async init(): Promise<InitReport> {
    if (this.initialised) throw new Error('ReindexJobs.init() called twice');
    const loaded = await loadJobs(this.opts.stateFile, this.now());
    this.jobs = loaded.jobs.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, this.historyLimit);
    const interrupted: JobInfo[] = [];
    for (const job of this.jobs) {
      if (job.status !== 'queued' && job.status !== 'running') continue;
      job.status = 'failed';
      job.finishedAt = this.iso();
      job.error = { code: 'JOB_INTERRUPTED', message: JOB_MESSAGES.JOB_INTERRUPTED };
      interrupted.push(snapshot(job));
    }
    if (interrupted.length > 0 || loaded.corruptMovedTo) await saveJobs(this.opts.stateFile, this.jobs);
    this.interrupted = interrupted;
    this.initialised = true;
    return { interrupted, ...(loaded.corruptMovedTo ? { corruptStateMovedTo: loaded.corruptMovedTo } : {}) };
  }

  /**
   * Run again, as one job, the jobs a restart interrupted (their options merged, asked by
   * the first one's requester), unless they have had every attempt. Call once listening;
   * returns the job started, if any. The job refreshes every root, so it also does what a
   * start-up job would.
   */
  resumeInterrupted(): JobInfo | undefined {
    const cut = this.interrupted.splice(0);
    const first = cut[0];
    if (!first || this.closed) return undefined;
    const attempt = Math.max(...cut.map((j) => j.attempt ?? 1)) + 1;
    if (attempt > this.retry.maxAttempts) return undefined;
    const options = cut.reduce<JobOptions>((o, j) => mergeOptions(o, j.options), { rebuild: false });
    return this.request({ user: first.requestedBy }, { ...options, retryOf: first.id, attempt }).job;
  }

  /**
   * Start a re-index job in a new worker process.
   * @throws JobConflictError while another job is queued or running.
   */
  start(by: { user: string }, opts: JobRequest = {}): JobInfo {
    if (!this.initialised) throw new Error('ReindexJobs.init() must be awaited before start()');
    if (this.closed) throw new Error('ReindexJobs is closed');
    if (this.active) throw new JobConflictError(snapshot(this.active.job));
    let options = mergeOptions({ rebuild: false }, opts);
    // A retry waiting for its delay is done by this run.
    if (this.retrying) {
      options = mergeOptions(options, this.retrying.options);
      clearTimeout(this.retrying.timer);
      this.retrying = undefined;
    }
    const o = this.opts;
    const job: JobInfo = {
      id: randomUUID(), kind: 'reindex', status: 'queued', requestedBy: by.user,
      createdAt: this.iso(), options,
      ...(opts.retryOf ? { retryOf: opts.retryOf, attempt: opts.attempt ?? 2 } : {}),
    };
    this.jobs.unshift(job);
    this.jobs.splice(this.historyLimit);

    const request = workerRequest(o, job.id, by.user, options);
    const worker = forkWorker(o.workerPath ?? DEFAULT_WORKER_PATH, request, {
      onSpawn: () => {
        if (job.status !== 'queued' || this.active?.job !== job) return;
        job.status = 'running';
        job.startedAt = this.iso();
        void this.persist();
        this.emit('update', snapshot(job));
      },
      onProgress: (p) => {
        if (this.active?.job !== job) return;
        job.progress = toJobProgress(p);
        this.emit('update', snapshot(job));
      },
    });
    const timeout = setTimeout(() => this.stop(run, 'timeout'), Math.min(this.timeoutMs, MAX_TIMER_MS));
    timeout.unref();
    const run: Run = { job, worker, timeout, settled: worker.exited.then((exit) => this.settle(run, exit)) };
    this.active = run;

    void this.persist();
    this.emit('update', snapshot(job));
    return snapshot(job);
  }

  /**
   * Start a job or, while one runs, make sure one more follows it: a change made during a
   * run (an upload, a delete) is then never left unindexed. Requests made in the meantime
   * coalesce into that one follow-up run (their options merged). `queued` tells which happened.
   */
  request(by: { user: string }, opts: JobRequest = {}): { job: JobInfo; queued: boolean } {
    if (this.active) {
      const prev = this.followUp;
      this.followUp = { by, options: mergeOptions(prev?.options ?? {}, opts), ...(opts.retryOf ? { retryOf: opts.retryOf, attempt: opts.attempt ?? 2 } : {}) };
      return { job: snapshot(this.active.job), queued: true };
    }
    return { job: this.start(by, opts), queued: false };
  }

  get(id: string): JobInfo | undefined {
    const job = this.jobs.find((j) => j.id === id);
    return job && snapshot(job);
  }

  /** Newest first, at most `historyLimit` jobs. */
  list(): JobInfo[] {
    return this.jobs.map(snapshot);
  }

  /** The queued or running job, if any. */
  running(): JobInfo | undefined {
    return this.active && snapshot(this.active.job);
  }

  /**
   * Stop a queued or running job (SIGTERM, then SIGKILL after the grace period) and
   * resolve once its worker has exited: failed JOB_CANCELLED, or succeeded if it had
   * already published. A finished job is returned as it is; an unknown id gives undefined.
   */
  async cancel(id: string): Promise<JobInfo | undefined> {
    const run = this.active;
    if (run?.job.id === id) {
      this.stop(run, 'cancel');
      return run.settled;
    }
    return this.get(id);
  }

  /**
   * For server shutdown: refuse new jobs, stop the running one (it fails
   * JOB_INTERRUPTED), wait for its worker to exit and for the job list to be written.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retrying) clearTimeout(this.retrying.timer);
    this.retrying = undefined;
    const run = this.active;
    if (run) {
      this.stop(run, 'shutdown');
      await run.settled;
    }
    await this.saving;
  }

  private stop(run: Run, reason: StopReason): void {
    if (this.active !== run || run.stopReason) return;
    run.stopReason = reason;
    run.worker.terminate(this.killGraceMs);
  }

  /** The worker is gone: the job's outcome is what it reported, else why it stopped. */
  private settle(run: Run, exit: WorkerExit): Promise<JobInfo> {
    if (this.active === run) this.active = undefined;
    clearTimeout(run.timeout);
    const result = resultOf(exit, run.stopReason, this.timeoutMs);
    return this.finish(run.job, result);
  }

  /**
   * Record a job's end; once that is written (or failed to be), tell the listeners, so
   * that what they are told survives a restart.
   */
  private async finish(job: JobInfo, result: JobResult): Promise<JobInfo> {
    applyResult(job, result, this.iso());
    const snap = snapshot(job);
    await this.persist();
    this.emit('update', snapshot(snap));
    if ('summary' in result) this.emit('succeeded', snapshot(snap));
    else this.emit('failed', snapshot(snap), result.detail);
    if ('error' in result) this.scheduleRetry(job, result.error);
    const next = this.followUp;
    this.followUp = undefined;
    if (next && !this.closed && !this.active) {
      this.start(next.by, { ...next.options, ...(next.retryOf ? { retryOf: next.retryOf, attempt: next.attempt } : {}) });
    }
    return snap;
  }

  /**
   * After a failure worth another attempt: fold the job into the follow-up run if one is
   * waiting, else start it again after the policy's delay. The attempt count goes on.
   */
  private scheduleRetry(job: JobInfo, error: JobError): void {
    // JOB_INTERRUPTED at run time means this server is shutting down: the next start resumes it.
    if (this.closed || !RETRYABLE.has(error.code) || error.code === 'JOB_INTERRUPTED') return;
    const attempt = (job.attempt ?? 1) + 1;
    if (attempt > this.retry.maxAttempts) return;
    if (this.followUp) {
      this.followUp = { ...this.followUp, options: mergeOptions(this.followUp.options, job.options) };
      return;
    }
    const waiting: Waiting = { by: { user: job.requestedBy }, options: job.options, retryOf: job.retryOf ?? job.id, attempt };
    if (this.retrying) clearTimeout(this.retrying.timer);
    const timer = setTimeout(() => {
      if (this.retrying?.timer !== timer) return;
      this.retrying = undefined;
      if (!this.closed) this.request(waiting.by, { ...waiting.options, retryOf: waiting.retryOf!, attempt: waiting.attempt! });
    }, retryDelay(this.retry, attempt));
    timer.unref();
    this.retrying = { ...waiting, timer };
  }

  /** When the next attempt of a failed job starts, if one is waiting. */
  get retryPending(): boolean {
    return this.retrying !== undefined;
  }

  /**
   * Queue a write of the job list; writes happen in order, each of the state at its time.
   * Resolves when this write is done or has failed (reported as 'persistError').
   */
  private persist(): Promise<void> {
    this.saving = this.saving
      .then(() => saveJobs(this.opts.stateFile, this.jobs))
      .catch((err: unknown) => {
        // On the next tick: a throwing listener must not break the chain of writes.
        process.nextTick(() => this.emit('persistError', err instanceof Error ? err : new Error(String(err))));
      });
    return this.saving;
  }

  private iso(): string {
    return this.now().toISOString();
  }
}
