/**
 * Follows re-index jobs for the console. The server pushes every change of a job to the
 * admins' socket.io room (`job` events); while that socket is down the follower polls the
 * followed job instead, and when it comes back it catches up from the job list. Events
 * and responses may arrive out of order (an answer to POST /reindex after the job's first
 * events), so the follower keeps the most advanced state it has seen of each job.
 */
import type { Job, JobList } from '../../../protocol/admin/jobs.ts';

/** Where jobs are read when the socket cannot tell. */
export interface JobSource {
  job(id: string): Promise<Job>;
  jobs(): Promise<JobList>;
}

/** What the follower tells the console. */
export interface JobFollowerEvents {
  /** The followed job changed (or was just picked up). */
  show(job: Job): void;
  /** The followed job ended; `show` came first. */
  ended(job: Job): void;
  /** At sign-in, no job is running: the latest one, if any. */
  idle(latest: Job | undefined): void;
  /** Polling failed; it goes on, slower. */
  pollFailed(message: string): void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const BROWSER_TIMERS: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** How often the followed job is read while the socket is down. */
export const POLL_MS = 500;

export function isActive(job: Job | undefined): boolean {
  return job?.status === 'running' || job?.status === 'queued';
}

const STATUS_RANK: Record<Job['status'], number> = { queued: 0, running: 1, succeeded: 2, failed: 2 };

/** How far a job has got: ended beyond running beyond queued, then its percentage. */
function advance(job: Job): number {
  return STATUS_RANK[job.status] * 1000 + (job.progress?.percent ?? 0);
}

export class JobFollower {
  private followingId: string | null = null;
  private followUp = false;
  private live = false;
  private pollTimer: unknown;
  private readonly latest = new Map<string, Job>();

  constructor(private readonly source: JobSource, private readonly on: JobFollowerEvents, private readonly timers: Timers = BROWSER_TIMERS) {}

  /** The id of the job followed now, if any. */
  get following(): string | null {
    return this.followingId;
  }

  /** Follow `job`; `queued` says one more run follows it (asked for while it ran). */
  follow(job: Job, queued = false): void {
    const current = this.remember(job);
    this.followingId = current.id;
    this.followUp = this.followUp || queued;
    this.apply(current);
  }

  /** A `job` event: the followed job moved on, or a new run started (another admin's, or the follow-up). */
  received(job: Job): void {
    const current = this.remember(job);
    if (current.id === this.followingId) this.apply(current);
    else if (isActive(current)) this.follow(current);
  }

  /** The socket connected: no more polling; catch up with what it may have missed. */
  socketUp(): void {
    this.live = true;
    this.stopPolling();
    void this.catchUp(false);
  }

  /** The socket is down (or never came up): poll the followed job. */
  socketDown(): void {
    this.live = false;
    if (this.followingId && this.pollTimer === undefined) this.schedulePoll(0);
  }

  /** At sign-in: follow the running job, or show the latest one. */
  resume(): Promise<void> {
    return this.catchUp(true);
  }

  /** Forget everything (sign-out). */
  stop(): void {
    this.live = false;
    this.stopPolling();
    this.followingId = null;
    this.followUp = false;
    this.latest.clear();
  }

  private async catchUp(atSignIn: boolean): Promise<void> {
    let list: JobList;
    try {
      list = await this.source.jobs();
    } catch {
      return;
    }
    const jobs = list.jobs.map((j) => this.remember(j));
    const followed = jobs.find((j) => j.id === this.followingId);
    if (followed) return this.apply(followed);
    const active = jobs.find(isActive);
    if (active) this.follow(active);
    else if (atSignIn && !this.followingId) this.on.idle(jobs[0]);
  }

  /** The most advanced state seen of `job`. */
  private remember(job: Job): Job {
    const known = this.latest.get(job.id);
    const current = known && advance(known) > advance(job) ? known : job;
    this.latest.set(job.id, current);
    return current;
  }

  private apply(job: Job): void {
    this.on.show(job);
    if (!isActive(job)) return this.end(job);
    if (!this.live && this.pollTimer === undefined) this.schedulePoll(POLL_MS);
  }

  private end(job: Job): void {
    this.followingId = null;
    this.stopPolling();
    this.on.ended(job);
    if (!this.followUp) return;
    this.followUp = false;
    // The run asked for during this one starts as this one ends (the socket usually tells first).
    this.source.jobs().then((list) => {
      const next = list.jobs.find((j) => j.id !== job.id && isActive(j));
      if (next && !this.followingId) this.follow(next);
    }, () => undefined);
  }

  private schedulePoll(ms: number): void {
    this.pollTimer = this.timers.set(() => {
      this.pollTimer = undefined;
      void this.poll();
    }, ms);
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined) this.timers.clear(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async poll(): Promise<void> {
    const id = this.followingId;
    if (!id || this.live) return;
    try {
      const job = await this.source.job(id);
      if (this.followingId !== id) return;
      this.apply(this.remember(job));
    } catch (err) {
      const status = (err as { status?: number }).status;
      // A refused token signs the console out (AdminApi); nothing left to follow.
      if (this.followingId !== id || status === 401 || status === 403) return;
      this.on.pollFailed(err instanceof Error ? err.message : String(err));
      if (!this.live && this.pollTimer === undefined) this.schedulePoll(POLL_MS * 4);
    }
  }
}
