import { describe, expect, it } from 'vitest';
import type { Job } from '../../../protocol/admin/jobs.ts';
import { JobFollower, POLL_MS, type JobSource, type Timers } from './job-follower.ts';

function job(id: string, status: Job['status'], percent?: number): Job {
  return {
    id, kind: 'reindex', status, requestedBy: 'admin', createdAt: '2026-12-07T08:00:00.000Z', options: { rebuild: false },
    ...(percent !== undefined ? { progress: { phase: 'load', sourcesDone: 1, sourcesTotal: 2, chunks: 10, percent } } : {}),
  };
}

/** Timers run by hand: `tick()` runs what is due after `ms`. */
class ManualTimers implements Timers {
  now = 0;
  private queue: Array<{ at: number; fn: () => void; handle: number }> = [];
  private next = 1;
  set(fn: () => void, ms: number): unknown {
    const handle = this.next++;
    this.queue.push({ at: this.now + ms, fn, handle });
    return handle;
  }
  clear(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.handle !== handle);
  }
  get pending(): number {
    return this.queue.length;
  }
  async tick(ms: number): Promise<void> {
    this.now += ms;
    for (const t of this.queue.filter((q) => q.at <= this.now)) {
      this.clear(t.handle);
      t.fn();
    }
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** A server whose job states are set by the test, counting the reads. */
function server(states: Record<string, Job>, list: () => Job[] = () => Object.values(states).reverse()) {
  const reads = { job: 0, jobs: 0 };
  const source: JobSource = {
    job: async (id) => {
      reads.job++;
      const j = states[id];
      if (!j) throw Object.assign(new Error('Không tìm thấy nội dung yêu cầu.'), { status: 404 });
      return j;
    },
    jobs: async () => {
      reads.jobs++;
      return { jobs: list() };
    },
  };
  return { source, reads };
}

function recorder() {
  const log: string[] = [];
  return {
    log,
    events: {
      show: (j: Job) => log.push(`show ${j.id} ${j.status}${j.progress ? ` ${j.progress.percent}%` : ''}`),
      ended: (j: Job) => log.push(`ended ${j.id} ${j.status}`),
      idle: (j: Job | undefined) => log.push(`idle ${j?.id ?? '-'}`),
      pollFailed: (m: string) => log.push(`pollFailed ${m}`),
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('JobFollower', () => {
  it('follows a job through socket events alone while the socket is up, never polling', async () => {
    const { source, reads } = server({});
    const r = recorder();
    const timers = new ManualTimers();
    const f = new JobFollower(source, r.events, timers);
    f.socketUp();
    await settle();
    f.follow(job('a', 'queued'));
    f.received(job('a', 'running', 40));
    f.received(job('a', 'succeeded', 100));
    await timers.tick(10 * POLL_MS);
    expect(r.log).toEqual(['show a queued', 'show a running 40%', 'show a succeeded 100%', 'ended a succeeded']);
    expect(reads.job).toBe(0);
    expect(timers.pending).toBe(0);
    expect(f.following).toBeNull();
  });

  it('keeps the most advanced state when the answer to POST /reindex comes after the job’s events', async () => {
    const r = recorder();
    const f = new JobFollower(server({}).source, r.events, new ManualTimers());
    f.socketUp();
    f.received(job('a', 'running', 50));
    f.received(job('a', 'succeeded', 100));
    r.log.length = 0;
    f.follow(job('a', 'queued'));
    expect(r.log).toEqual(['show a succeeded 100%', 'ended a succeeded']);
  });

  it('polls the followed job while the socket is down, and stops once it is back', async () => {
    const states: Record<string, Job> = { a: job('a', 'running', 10) };
    const { source, reads } = server(states);
    const r = recorder();
    const timers = new ManualTimers();
    const f = new JobFollower(source, r.events, timers);
    f.socketDown();
    f.follow(job('a', 'queued'));
    await timers.tick(POLL_MS);
    expect(reads.job).toBe(1);
    states.a = job('a', 'running', 60);
    await timers.tick(POLL_MS);
    expect(r.log).toEqual(['show a queued', 'show a running 10%', 'show a running 60%']);
    f.socketUp();
    await settle();
    const polled = reads.job;
    await timers.tick(10 * POLL_MS);
    expect(reads.job).toBe(polled);
    expect(reads.jobs).toBe(1);
    f.received(job('a', 'succeeded', 100));
    expect(r.log.at(-1)).toBe('ended a succeeded');
  });

  it('polls at once when the socket drops while a job runs, and slower after a failed read', async () => {
    const states: Record<string, Job> = {};
    const { source, reads } = server(states);
    const r = recorder();
    const timers = new ManualTimers();
    const f = new JobFollower(source, r.events, timers);
    f.socketUp();
    f.follow(job('a', 'running', 5));
    f.socketDown();
    await timers.tick(0);
    expect(reads.job).toBe(1);
    expect(r.log.at(-1)).toBe('pollFailed Không tìm thấy nội dung yêu cầu.');
    await timers.tick(POLL_MS);
    expect(reads.job).toBe(1);
    states.a = job('a', 'failed');
    await timers.tick(3 * POLL_MS);
    expect(reads.job).toBe(2);
    expect(r.log.at(-1)).toBe('ended a failed');
  });

  it('follows a run that starts while nothing is followed, and the follow-up asked for during a run', async () => {
    const states: Record<string, Job> = {};
    const { source } = server(states);
    const r = recorder();
    const f = new JobFollower(source, r.events, new ManualTimers());
    f.socketUp();
    f.received(job('other', 'succeeded'));
    expect(r.log).toEqual([]);
    f.received(job('a', 'queued'));
    expect(f.following).toBe('a');
    f.follow(job('a', 'running', 20), true);
    states.b = job('b', 'queued');
    f.received(job('a', 'succeeded', 100));
    await settle();
    expect(f.following).toBe('b');
    expect(r.log.slice(-2)).toEqual(['ended a succeeded', 'show b queued']);
  });

  it('after signing out, polls again until the next socket connects', async () => {
    const { source, reads } = server({ a: job('a', 'running', 1) });
    const timers = new ManualTimers();
    const f = new JobFollower(source, recorder().events, timers);
    f.socketUp();
    await settle();
    f.stop();
    f.follow(job('a', 'queued'));
    await timers.tick(POLL_MS);
    expect(reads.job).toBe(1);
  });

  it('at sign-in follows the running job, or shows the latest one', async () => {
    const r = recorder();
    const idle = new JobFollower(server({ old: job('old', 'succeeded') }).source, r.events, new ManualTimers());
    await idle.resume();
    expect(r.log).toEqual(['idle old']);
    r.log.length = 0;
    const busy = new JobFollower(server({ old: job('old', 'succeeded'), now: job('now', 'running', 30) }).source, r.events, new ManualTimers());
    await busy.resume();
    expect(r.log).toEqual(['show now running 30%']);
    expect(busy.following).toBe('now');
  });
});
