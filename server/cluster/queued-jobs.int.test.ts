/**
 * The cluster's job queue (queued-jobs.ts) against a real redis-server, with two "nodes"
 * in this process. Most tests start no worker (no job runs), so what is asked stays
 * queued and the rules of enqueueing can be read off the shared list: one job at a time,
 * a request joining the waiting job, the list trimmed to its limit, a queued job cancelled
 * from the other node, and 503 JOB_QUEUE_UNAVAILABLE while Redis is away. One test starts
 * the workers, with a stand-in worker process that runs until stopped: a node that shuts
 * down hands its job to the other, which a cancel then stops.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { JobInfo } from '../jobs/job-info.ts';
import { errorResponse } from '../http/errors.ts';
import { JOB_MESSAGES, JobConflictError, JobQueueUnavailableError } from '../jobs/job-errors.ts';
import { RedisJobHistory } from './job-history.ts';
import { QueuedJobs } from './queued-jobs.ts';
import { RedisLink } from './redis-link.ts';
import { startRedis, type TestRedis } from './testing/redis-server.ts';

const logger = pino({ level: 'silent' });
let redis: TestRedis;
const links: RedisLink[] = [];
const queues: QueuedJobs[] = [];

const IDLE_WORKER = fileURLToPath(new URL('../jobs/testing/idle-worker.ts', import.meta.url));

async function node(prefix: string, id: string, workerPath?: string): Promise<{ link: RedisLink; jobs: QueuedJobs }> {
  const link = new RedisLink({ url: redis.url, prefix, name: id, logger });
  expect(await link.waitUntilUp(5_000)).toBe(true);
  links.push(link);
  const jobs = new QueuedJobs(link, { nodeId: id, indexDir: '/nonexistent', inputs: [], killGraceMs: 1_000, ...(workerPath ? { workerPath } : {}) }, logger);
  queues.push(jobs);
  return { link, jobs };
}

beforeAll(async () => {
  redis = await startRedis();
}, 60_000);

afterAll(async () => {
  for (const q of queues) await q.close();
  for (const l of links) await l.close();
  await redis.close();
});

describe('the cluster job queue', () => {
  it('keeps one job queued across nodes: a start elsewhere conflicts, a request joins it, a cancel elsewhere ends it', async () => {
    const [a, b] = [await node('q1', 'a'), await node('q1', 'b')];
    const first = await a.jobs.start({ user: 'admin-1' }, { rebuild: true });
    expect(first).toMatchObject({ status: 'queued', requestedBy: 'admin-1', options: { rebuild: true } });
    expect((await b.jobs.list()).map((j) => j.id)).toEqual([first.id]);
    expect(await b.jobs.running()).toMatchObject({ id: first.id });

    await expect(b.jobs.start({ user: 'admin-2' })).rejects.toBeInstanceOf(JobConflictError);
    // Not yet taken by a worker: the request's removals join the waiting job.
    const joined = await b.jobs.request({ user: 'admin-2' }, { expectedRemovals: ['van-ban-1'] });
    expect(joined).toMatchObject({ queued: false, job: { id: first.id } });
    expect(await a.jobs.get(first.id)).toMatchObject({ options: { rebuild: true, expectedRemovals: ['van-ban-1'] } });
    expect(await b.jobs.list()).toHaveLength(1);

    const cancelled = await b.jobs.cancel(first.id);
    expect(cancelled).toMatchObject({ id: first.id, status: 'failed', error: { code: 'JOB_CANCELLED', message: JOB_MESSAGES.JOB_CANCELLED } });
    expect(await a.jobs.get(first.id)).toMatchObject({ status: 'failed' });
    // Nothing waits any more: a new start is accepted.
    expect((await a.jobs.start({ user: 'admin-1' })).id).not.toBe(first.id);
  });

  it('keeps the newest jobs of the list up to its limit', async () => {
    const { link } = await node('q2', 'a');
    const history = new RedisJobHistory(link, 3, logger);
    const at = (i: number) => new Date(Date.UTC(2026, 11, 7, 8, i)).toISOString();
    for (let i = 0; i < 5; i++) {
      await history.put({ id: `job-${i}`, kind: 'reindex', status: 'succeeded', requestedBy: 'system', createdAt: at(i), finishedAt: at(i), options: { rebuild: false } });
    }
    expect((await history.list()).map((j) => j.id)).toEqual(['job-4', 'job-3', 'job-2']);
    expect(await history.get('job-0')).toBeUndefined();
  });

  it('refuses to enqueue or list while Redis is away (503 JOB_QUEUE_UNAVAILABLE) and works again once it is back', async () => {
    const { link, jobs } = await node('q3', 'a');
    await redis.kill();
    await new Promise<void>((r) => (link.up ? link.once('down', () => r()) : r()));
    const refused = await jobs.start({ user: 'admin-1' }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(JobQueueUnavailableError);
    expect(errorResponse(refused)).toMatchObject({ status: 503, body: { code: 'JOB_QUEUE_UNAVAILABLE', message: JOB_MESSAGES.JOB_QUEUE_UNAVAILABLE } });
    await expect(jobs.list()).rejects.toBeInstanceOf(JobQueueUnavailableError);

    await redis.start();
    expect(await link.waitUntilUp(10_000)).toBe(true);
    const started = await jobs.start({ user: 'admin-1' });
    expect((await jobs.list()).map((j) => j.id)).toEqual([started.id]);
  }, 30_000);

  it('hands the job of a node that shuts down to another node, where a cancel stops it', async () => {
    const a = await node('q4', 'a', IDLE_WORKER);
    await a.jobs.init();
    const started = await a.jobs.start({ user: 'admin-1' });
    await until(async () => (await a.jobs.get(started.id))?.status === 'running');
    const b = await node('q4', 'b', IDLE_WORKER);
    const seen: JobInfo[] = [];
    b.jobs.on('update', (job) => seen.push(job));
    await b.jobs.init();
    // Only one builds at a time: B's worker waits while A runs the job.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(seen).toEqual([]);

    await a.jobs.close();
    await until(() => seen.some((j) => j.id === started.id && j.status === 'running'), 15_000);
    const cancelled = await b.jobs.cancel(started.id);
    expect(cancelled).toMatchObject({ id: started.id, status: 'failed', error: { code: 'JOB_CANCELLED' } });
  }, 60_000);
});

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
