/**
 * Re-index jobs of a cluster (ports.ts, JobQueue): a BullMQ queue on the service's Redis
 * with one worker per node and a global concurrency of 1, so that at most one job builds
 * at a time across the cluster, on whichever node took it. The job still runs in its own
 * worker process (server/jobs/worker-process.ts), as in one process. This file is the
 * port (enqueue, read, cancel); queue-worker.ts is this node's worker.
 *
 * - The job list (state, progress, history) is in Redis (job-history.ts): every node
 *   lists the same jobs.
 * - A node that dies stops renewing its job's lock; after `lockMs` BullMQ's stalled check
 *   on another node moves the job back to the queue and that node's worker runs it again
 *   (the dead node's worker process kills itself and frees the index LOCK, parent-watchdog.ts).
 *   When the whole machine died, its worker's LOCK stays on the shared volume: it names
 *   the worker's node, and once that node has been absent from the cluster's presence
 *   for a grace period the node running the job removes it (queue-worker.ts).
 *   A node that shuts down hands its running job back to the queue for another node.
 * - A cancel from any node is published on a channel; the building node stops its worker
 *   process. A cancel mark in Redis also stops a job that has not started yet or whose node
 *   died before it heard.
 * - Redis away: reads and enqueues fail with JOB_QUEUE_UNAVAILABLE (HTTP 503) rather than
 *   start a job on one node alone; a job already building goes on and is recorded when
 *   Redis returns.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { JOB_MESSAGES, JobConflictError, JobQueueUnavailableError } from '../jobs/job-errors.ts';
import type { JobInfo, JobOptions } from '../jobs/job-info.ts';
import { applyResult, type JobResult, type RunSettings } from '../jobs/job-run.ts';
import { DEFAULT_RETRY, mergeOptions, RETRYABLE, retryDelay, type RetryPolicy } from '../jobs/retry-policy.ts';
import { onJobRedis, RedisJobHistory } from './job-history.ts';
import { cancelChannel, cancelMark, QUEUE_NAME, QueueWorker, type QueuedData } from './queue-worker.ts';
import type { JobEvents, JobQueue, JobRequest } from './ports.ts';
import type { NodePresence } from './node-presence.ts';
import { LuaScript, type RedisLink } from './redis-link.ts';

export interface QueuedJobsOptions extends RunSettings {
  /** This node's name, for logs. */
  nodeId: string;
  workerPath?: string;
  timeoutMs?: number;
  killGraceMs?: number;
  retry?: Partial<RetryPolicy>;
  historyLimit?: number;
  /**
   * How long a job's lock lives without renewal (renewed every half of it): a node that
   * died is noticed, and its job taken over, within about 1.5 × this (default 10 s).
   */
  lockMs?: number;
  /**
   * This node's presence: its workers name it in the index LOCK, and a LOCK named by a
   * node on another machine that is no longer alive is taken over before a job runs.
   */
  presence?: Pick<NodePresence, 'instance' | 'isAlive'>;
  /** How long a LOCK's holder node must stay absent before its lock is taken over (default 5 s). */
  deadNodeLockGraceMs?: number;
}

const DEFAULT_LOCK_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 2 * 60 * 60 * 1000;
/** A cancel mark outlives any wait for a node's death to be noticed. */
const CANCEL_MARK_S = 24 * 3600;
/** How long an enqueue waits for another node's enqueue to finish. */
const ENQUEUE_LOCK_MS = 5_000;

const RELEASE = new LuaScript("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0");

const snapshot = (job: JobInfo): JobInfo => structuredClone(job);

export class QueuedJobs extends EventEmitter<JobEvents> implements JobQueue {
  private readonly queue: Queue<QueuedData>;
  private worker: QueueWorker | undefined;
  private readonly history: RedisJobHistory;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly lockMs: number;
  private readonly prefix: string;
  private retryUntil = 0;
  private closed = false;

  constructor(private readonly link: RedisLink, private readonly opts: QueuedJobsOptions, private readonly logger: Logger) {
    super();
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.lockMs = opts.lockMs ?? DEFAULT_LOCK_MS;
    this.prefix = link.key('bull');
    this.history = new RedisJobHistory(link, Math.max(1, opts.historyLimit ?? 50), logger);
    // Enqueues fail fast while Redis is away instead of waiting in ioredis's offline queue.
    this.queue = new Queue<QueuedData>(QUEUE_NAME, {
      connection: link.connection('jobs-queue', { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2_000 }),
      prefix: this.prefix,
    });
    this.queue.on('error', (err) => logger.debug({ err: err.message }, 'job queue connection error'));
    // Global concurrency is a Redis key: set again when Redis returns (it may have lost it).
    link.on('up', () => void this.limitConcurrency().catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'job queue concurrency not set')));
  }

  /** Jobs the job list says are queued or running but that the queue no longer holds (Redis lost them) become JOB_INTERRUPTED. */
  async init(): Promise<{ interrupted: JobInfo[] }> {
    const interrupted: JobInfo[] = [];
    try {
      await this.limitConcurrency();
      for (const job of await this.history.list()) {
        if (job.status !== 'queued' && job.status !== 'running') continue;
        // A job enqueued a moment ago by another node may not be in the queue yet.
        if (Date.now() - Date.parse(job.createdAt) < 60_000 || await this.queue.getJob(job.id)) continue;
        interrupted.push(await this.finish({ ...job }, { error: { code: 'JOB_INTERRUPTED', message: JOB_MESSAGES.JOB_INTERRUPTED }, detail: 'no longer in the queue' }));
      }
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'job queue not reconciled at start: redis unreachable');
    }
    this.worker = new QueueWorker(this.link, this.history, {
      ...this.opts, timeoutMs: this.timeoutMs, killGraceMs: this.opts.killGraceMs ?? 5_000, lockMs: this.lockMs, prefix: this.prefix,
    }, this.logger, (job, result) => this.finish(job, result), (job) => this.emit('update', job));
    return { interrupted };
  }

  /** The queue takes a dead node's job over by itself. */
  resumeInterrupted(): undefined {
    return undefined;
  }

  async start(by: { user: string }, opts: JobRequest = {}): Promise<JobInfo> {
    return (await this.enqueue(by, opts, 'start')).job;
  }

  request(by: { user: string }, opts: JobRequest = {}): Promise<{ job: JobInfo; queued: boolean }> {
    return this.enqueue(by, opts, 'request');
  }

  get(id: string): Promise<JobInfo | undefined> {
    return this.history.get(id);
  }

  list(): Promise<JobInfo[]> {
    return this.history.list();
  }

  async running(): Promise<JobInfo | undefined> {
    const jobs = await this.history.list();
    return jobs.find((j) => j.status === 'running') ?? jobs.find((j) => j.status === 'queued');
  }

  get retryPending(): boolean {
    return Date.now() < this.retryUntil;
  }

  /**
   * A queued job is taken out of the queue and failed JOB_CANCELLED here; a running one is
   * stopped by its node, told on the cancel channel: resolves once that node recorded the end.
   */
  async cancel(id: string): Promise<JobInfo | undefined> {
    const info = await this.history.get(id);
    if (!info || (info.status !== 'queued' && info.status !== 'running')) return info;
    await this.redis((r) => r.multi().set(cancelMark(this.link, id), '1', 'EX', CANCEL_MARK_S).publish(cancelChannel(this.link), id).exec());
    const queued = await this.redis(() => this.queue.getJob(id));
    if (queued && ['waiting', 'delayed', 'prioritized'].includes(await queued.getState())) {
      const removed = await queued.remove().then(() => true, () => false);
      if (removed) return this.finish(info, { error: { code: 'JOB_CANCELLED', message: JOB_MESSAGES.JOB_CANCELLED }, detail: 'cancelled while queued' });
    }
    const deadline = Date.now() + (this.opts.killGraceMs ?? 5_000) + 1.5 * this.lockMs + 5_000;
    for (;;) {
      const now = await this.history.get(id);
      if (!now || (now.status !== 'queued' && now.status !== 'running') || Date.now() > deadline) return now;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.close();
    await this.queue.close().catch(() => undefined);
  }

  private async limitConcurrency(): Promise<void> {
    await this.queue.setGlobalConcurrency(1);
  }

  private async enqueue(by: { user: string }, opts: JobRequest, mode: 'start' | 'request'): Promise<{ job: JobInfo; queued: boolean }> {
    if (this.closed) throw new Error('QueuedJobs is closed');
    return this.exclusive(async () => {
      const [active] = await this.queue.getJobs(['active'], 0, 0);
      const [waiting] = await this.queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
      const current = active ?? waiting;
      const currentInfo = current?.id ? await this.history.get(current.id) : undefined;
      if (mode === 'start' && currentInfo) throw new JobConflictError(currentInfo);
      // A request while a job waits joins it: the waiting job has not read anything yet.
      if (mode === 'request' && waiting?.id) {
        const options = mergeOptions(waiting.data.options, opts);
        await waiting.updateData({ ...waiting.data, options });
        const info = await this.history.get(waiting.id);
        if (info) {
          await this.history.put({ ...info, options });
          return { job: currentInfo ?? info, queued: active !== undefined };
        }
      }
      // A failed job's next attempt waiting for its delay is done by this one.
      let options = mergeOptions({ rebuild: false }, opts);
      let retryOf = opts.retryOf;
      let attempt = opts.attempt;
      for (const delayed of await this.queue.getJobs(['delayed'])) {
        if (!delayed.id || !await delayed.remove().then(() => true, () => false)) continue;
        options = mergeOptions(options, delayed.data.options);
        const was = await this.history.get(delayed.id);
        retryOf ??= was?.retryOf;
        attempt ??= was?.attempt;
        // As in one process, the retry becomes this job: it is not listed on its own.
        await this.history.remove(delayed.id);
      }
      const info = await this.add(by.user, options, retryOf ? { retryOf, attempt: attempt ?? 2 } : {});
      return { job: currentInfo && mode === 'request' ? currentInfo : info, queued: currentInfo !== undefined };
    });
  }

  /** A new job in the list and in the queue (after `delayMs`). */
  private async add(user: string, options: JobOptions, retry: { retryOf?: string; attempt?: number }, delayMs = 0): Promise<JobInfo> {
    const info: JobInfo = {
      id: randomUUID(), kind: 'reindex', status: 'queued', requestedBy: user, createdAt: new Date().toISOString(), options,
      ...(retry.retryOf ? { retryOf: retry.retryOf, attempt: retry.attempt ?? 2 } : {}),
    };
    await this.history.put(info);
    await this.redis(() => this.queue.add('reindex', { by: user, options }, {
      jobId: info.id, removeOnComplete: true, removeOnFail: true, ...(delayMs > 0 ? { delay: delayMs } : {}),
    }));
    this.emit('update', snapshot(info));
    return info;
  }

  /** Record a job's end, then tell the listeners; a failure worth it is tried again after the policy's delay. */
  private async finish(job: JobInfo, result: JobResult): Promise<JobInfo> {
    applyResult(job, result, new Date().toISOString());
    try {
      await this.history.put(job);
    } catch (err) {
      this.emit('persistError', err instanceof Error ? err : new Error(String(err)));
    }
    const snap = snapshot(job);
    this.emit('update', snapshot(snap));
    if ('summary' in result) this.emit('succeeded', snapshot(snap));
    else {
      const attempt = (job.attempt ?? 1) + 1;
      const retry = !this.closed && RETRYABLE.has(result.error.code) && attempt <= this.retry.maxAttempts;
      if (retry) this.retryUntil = Date.now() + retryDelay(this.retry, attempt) + 1_000;
      this.emit('failed', snapshot(snap), result.detail);
      if (retry) {
        await this.add(job.requestedBy, job.options, { retryOf: job.retryOf ?? job.id, attempt }, retryDelay(this.retry, attempt))
          .catch((err: unknown) => this.logger.warn({ job: job.id, err: (err as Error).message }, 're-index job not retried: queue unreachable'));
      }
    }
    return snap;
  }

  /** Run `fn` while holding the cluster's enqueue lock: a check and the add it decides are one step. */
  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const key = this.link.key('jobs', 'enqueue-lock');
    const token = randomUUID();
    const deadline = Date.now() + ENQUEUE_LOCK_MS;
    while ((await this.redis((r) => r.set(key, token, 'PX', ENQUEUE_LOCK_MS, 'NX'))) !== 'OK') {
      if (Date.now() > deadline) throw new JobQueueUnavailableError(new Error('enqueue lock not acquired'));
      await new Promise((r) => setTimeout(r, 25));
    }
    try {
      return await fn();
    } catch (err) {
      if (err instanceof JobConflictError || err instanceof JobQueueUnavailableError) throw err;
      this.logger.warn({ err }, 're-index job not enqueued');
      throw new JobQueueUnavailableError(err);
    } finally {
      await RELEASE.run(this.link.client, [key], [token]).catch(() => undefined);
    }
  }

  private redis<T>(fn: (r: RedisLink['client']) => Promise<T>): Promise<T> {
    return onJobRedis(this.link, fn);
  }
}
