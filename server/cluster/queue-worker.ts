/**
 * This node's side of the cluster's job queue (queued-jobs.ts): one BullMQ worker with
 * concurrency 1 that runs the job it takes in a worker process (server/jobs/worker-process.ts),
 * hears cancels published by any node, and hands its job back to the queue when the node
 * shuts down. Its lock is renewed every `lockMs / 2`; its stalled check, every `lockMs / 2`,
 * puts back in the queue the job of a node that died.
 */
import { WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { JOB_MESSAGES } from '../jobs/job-errors.ts';
import { toJobProgress, type JobInfo, type JobOptions } from '../jobs/job-info.ts';
import { resultOf, workerRequest, type JobResult, type RunSettings, type StopReason } from '../jobs/job-run.ts';
import { DEFAULT_WORKER_PATH, forkWorker, type WorkerHandle } from '../jobs/worker-process.ts';
import { removeDeadNodeLock } from '../../ingest/store/lock.ts';
import type { RedisJobHistory } from './job-history.ts';
import type { NodePresence } from './node-presence.ts';
import type { RedisLink } from './redis-link.ts';

export const QUEUE_NAME = 'reindex';

/** What the queue holds of a job; the rest is in the job list. */
export interface QueuedData {
  by: string;
  options: JobOptions;
}

export interface QueueWorkerOptions extends RunSettings {
  nodeId: string;
  workerPath?: string;
  timeoutMs: number;
  killGraceMs: number;
  lockMs: number;
  /** BullMQ's key prefix. */
  prefix: string;
  /** This node's presence: named in the LOCK by its workers, and asked about other LOCK holders. */
  presence?: Pick<NodePresence, 'instance' | 'isAlive'>;
  /** How long a LOCK's holder node must stay absent before its lock is taken over. */
  deadNodeLockGraceMs?: number;
}

/**
 * Default of `deadNodeLockGraceMs`: a node is absent ALIVE_TTL_MS (3 s) after its last
 * heartbeat; the grace adds as much again for a node that is only slow to renew.
 */
export const DEAD_NODE_LOCK_GRACE_MS = 5_000;

interface Run {
  info: JobInfo;
  worker: WorkerHandle;
  stopReason?: StopReason;
  timeout: NodeJS.Timeout;
  /** Writes of progress to the job list, in order; the end is written after them. */
  writing: Promise<void>;
  lastWrite: number;
}

/** The job list is written at most this often during a run (progress); events are not throttled. */
const PROGRESS_WRITE_MS = 1_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

const snapshot = (job: JobInfo): JobInfo => structuredClone(job);

/** The channel of cancels and the key that marks job `id` cancelled. */
export const cancelChannel = (link: RedisLink): string => link.key('jobs', 'cancel');
export const cancelMark = (link: RedisLink, id: string): string => link.key('jobs', 'cancelled', id);

export class QueueWorker {
  private readonly worker: Worker<QueuedData>;
  private readonly subscriber: Redis;
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly link: RedisLink,
    private readonly history: RedisJobHistory,
    private readonly opts: QueueWorkerOptions,
    private readonly logger: Logger,
    /** Records a job's end and tells the listeners (queued-jobs.ts). */
    private readonly finish: (job: JobInfo, result: JobResult) => Promise<JobInfo>,
    private readonly update: (job: JobInfo) => void,
  ) {
    this.subscriber = link.connection('jobs-cancel');
    this.subscriber.on('message', (channel: string, id: string) => {
      if (channel === cancelChannel(link)) this.stop(this.runs.get(id), 'cancel');
    });
    this.subscriber.subscribe(cancelChannel(link)).catch((err: unknown) => logger.debug({ err: (err as Error).message }, 'job cancel subscription not made yet'));
    this.worker = new Worker<QueuedData>(QUEUE_NAME, (job, token) => this.process(job, token), {
      connection: link.connection('jobs-worker', { maxRetriesPerRequest: null }),
      prefix: opts.prefix,
      concurrency: 1,
      lockDuration: opts.lockMs,
      stalledInterval: Math.max(500, Math.round(opts.lockMs / 2)),
      // A job that stalls this often (its nodes keep dying) fails instead of killing more.
      maxStalledCount: 3,
      drainDelay: 1,
    });
    this.worker.on('error', (err) => logger.debug({ err: err.message }, 'job worker connection error'));
    // The queue gave a job up (it stalled too often, or the processor threw): the list must not say it runs.
    this.worker.on('failed', (job, err) => {
      if (!job?.id) return;
      logger.warn({ job: job.id, err: err.message }, 'job queue gave a job up');
      void history.get(job.id).then((info) => {
        if (info && (info.status === 'queued' || info.status === 'running')) {
          return this.finish(info, { error: { code: 'JOB_CRASHED', message: JOB_MESSAGES.JOB_CRASHED }, detail: `queue: ${err.message}` });
        }
        return undefined;
      }).catch((e: unknown) => logger.warn({ job: job.id, err: (e as Error).message }, 'given-up job not recorded'));
    });
  }

  /** Stop this node's run and hand its job back to the queue; without Redis, stop waiting after a while (its lock expires). */
  async close(): Promise<void> {
    for (const run of this.runs.values()) this.stop(run, 'shutdown');
    const closed = this.worker.close();
    const timer = new Promise<boolean>((r) => setTimeout(() => r(false), this.opts.killGraceMs + 5_000).unref());
    if (!await Promise.race([closed.then(() => true), timer])) await this.worker.close(true).catch(() => undefined);
  }

  /** The processor: run the job in a worker process on this node. */
  private async process(job: Job<QueuedData>, token: string | undefined): Promise<void> {
    const id = job.id!;
    const found = await this.history.get(id);
    let info: JobInfo = found ?? { id, kind: 'reindex', status: 'queued', requestedBy: job.data.by, createdAt: new Date(job.timestamp).toISOString(), options: job.data.options };
    if (info.status === 'succeeded' || info.status === 'failed') return;
    if (info.status === 'running') this.logger.warn({ job: id, node: this.opts.nodeId }, 're-index job taken over from a node that stopped');
    const { progress: _dropped, ...rest } = info;
    info = { ...rest, status: 'running', startedAt: new Date().toISOString(), options: job.data.options };
    if (await this.cancelled(id)) return void await this.finish(info, { error: { code: 'JOB_CANCELLED', message: JOB_MESSAGES.JOB_CANCELLED }, detail: 'cancelled before it started' });
    await this.history.put(info);
    this.update(snapshot(info));

    await this.takeOverDeadNodeLock(id);
    const settings = this.opts.presence ? { ...this.opts, lockNode: this.opts.presence.instance } : this.opts;
    const worker = forkWorker(this.opts.workerPath ?? DEFAULT_WORKER_PATH, workerRequest(settings, id, job.data.by, job.data.options), {
      onProgress: (p) => {
        run.info.progress = toJobProgress(p);
        this.update(snapshot(run.info));
        if (Date.now() - run.lastWrite < PROGRESS_WRITE_MS) return;
        run.lastWrite = Date.now();
        const snap = snapshot(run.info);
        run.writing = run.writing.then(() => this.history.put(snap)).catch(() => undefined);
      },
    });
    const run: Run = {
      info, worker,
      timeout: setTimeout(() => this.stop(run, 'timeout'), Math.min(this.opts.timeoutMs, MAX_TIMER_MS)),
      writing: Promise.resolve(), lastWrite: Date.now(),
    };
    run.timeout.unref();
    this.runs.set(id, run);
    // A cancel published between the check above and now would have found no run.
    if (await this.cancelled(id).catch(() => false)) this.stop(run, 'cancel');
    const exit = await worker.exited;
    clearTimeout(run.timeout);
    this.runs.delete(id);
    await run.writing;
    if (run.stopReason === 'shutdown') {
      // Back to the queue: another node (or this one, restarted) runs it again.
      this.logger.info({ job: id }, 're-index job handed back to the queue at shutdown');
      await this.history.put({ ...run.info, status: 'queued' }).catch(() => undefined);
      await job.moveToWait(token);
      throw new WaitingError();
    }
    await this.finish(run.info, resultOf(exit, run.stopReason, this.opts.timeoutMs));
  }

  /**
   * Remove an index LOCK left on the shared volume by a node of another machine that has
   * left the cluster (ingest/store/lock.ts, removeDeadNodeLock); a lock of this machine is
   * judged by the worker's own acquireLock. Without Redis nothing is removed.
   */
  private async takeOverDeadNodeLock(id: string): Promise<void> {
    const { presence } = this.opts;
    if (!presence) return;
    try {
      const holder = await removeDeadNodeLock(this.opts.indexDir, {
        alive: (node) => presence.isAlive(node),
        graceMs: this.opts.deadNodeLockGraceMs ?? DEAD_NODE_LOCK_GRACE_MS,
      });
      if (holder) this.logger.warn({ job: id, holder }, 'index LOCK of a node that left the cluster taken over');
    } catch (err) {
      this.logger.warn({ job: id, err: (err as Error).message }, 'index LOCK holder not checked: cluster presence unreadable');
    }
  }

  private stop(run: Run | undefined, reason: StopReason): void {
    if (!run || run.stopReason) return;
    run.stopReason = reason;
    run.worker.terminate(this.opts.killGraceMs);
  }

  private async cancelled(id: string): Promise<boolean> {
    if (!this.link.up) return false;
    return (await this.link.client.exists(cancelMark(this.link, id))) === 1;
  }
}
