/**
 * The cluster's job list in Redis, what every node's GET /api/admin/jobs reads: one hash
 * of jobs by id (each the JSON of a JobInfo, the protocol's schema) and a sorted set of
 * their ids by creation time, trimmed to the newest `limit`. Written by the node that
 * enqueues a job and by the node that builds it; the queue itself (BullMQ) holds only
 * what is waiting or running.
 */
import type { Logger } from 'pino';
import { JobQueueUnavailableError } from '../jobs/job-errors.ts';
import { jobInfoSchema, type JobInfo } from '../jobs/job-info.ts';
import type { RedisLink } from './redis-link.ts';

/** Run `fn` on `link`'s fail-fast command client; Redis away or failing is JOB_QUEUE_UNAVAILABLE. */
export async function onJobRedis<T>(link: RedisLink, fn: (r: RedisLink['client']) => Promise<T>): Promise<T> {
  if (!link.up) throw new JobQueueUnavailableError();
  try {
    return await fn(link.client);
  } catch (err) {
    throw new JobQueueUnavailableError(err);
  }
}

export class RedisJobHistory {
  private readonly jobsKey: string;
  private readonly orderKey: string;

  constructor(private readonly link: RedisLink, private readonly limit: number, private readonly logger: Logger) {
    this.jobsKey = link.key('jobs', 'info');
    this.orderKey = link.key('jobs', 'order');
  }

  /** Write `job` (new or changed) and forget the oldest beyond the limit. */
  async put(job: JobInfo): Promise<void> {
    await this.redis(async (r) => {
      await r.multi()
        .hset(this.jobsKey, job.id, JSON.stringify(job))
        .zadd(this.orderKey, Date.parse(job.createdAt), job.id)
        .exec();
      const old = await r.zrange(this.orderKey, 0, -(this.limit + 1));
      if (old.length) await r.multi().zrem(this.orderKey, ...old).hdel(this.jobsKey, ...old).exec();
    });
  }

  /** Forget job `id` (a retry that a newer job took over before it started). */
  async remove(id: string): Promise<void> {
    await this.redis((r) => r.multi().zrem(this.orderKey, id).hdel(this.jobsKey, id).exec());
  }

  async get(id: string): Promise<JobInfo | undefined> {
    const text = await this.redis((r) => r.hget(this.jobsKey, id));
    return text === null ? undefined : this.parse(text);
  }

  /** Newest first. */
  async list(): Promise<JobInfo[]> {
    return this.redis(async (r) => {
      const ids = await r.zrevrange(this.orderKey, 0, this.limit - 1);
      if (!ids.length) return [];
      const texts = await r.hmget(this.jobsKey, ...ids);
      return texts.flatMap((t) => {
        const job = t === null ? undefined : this.parse(t);
        return job ? [job] : [];
      });
    });
  }

  private parse(text: string): JobInfo | undefined {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const job = jobInfoSchema.safeParse(raw);
    if (!job.success) this.logger.warn('ignored an unreadable job in the shared job list');
    return job.success ? job.data : undefined;
  }

  /** Run `fn` on the fail-fast command client; any Redis failure is JOB_QUEUE_UNAVAILABLE. */
  private redis<T>(fn: (r: RedisLink['client']) => Promise<T>): Promise<T> {
    return onJobRedis(this.link, fn);
  }
}
