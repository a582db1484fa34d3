/**
 * When the server starts a failed re-index job again by itself: a job that met another
 * writer's lock (INDEX_LOCKED: a CLI run, a job of a server that was just killed), whose
 * worker died (JOB_CRASHED), or that a restart interrupted (JOB_INTERRUPTED). Uploads must
 * not stay unindexed until an admin notices. A cancel, a timeout or an error of the run
 * itself (a bad input, a removal that was refused) is not retried: it would fail again.
 */
import type { JobOptions } from './job-info.ts';

/** Codes of failures worth another attempt. */
export const RETRYABLE = new Set(['INDEX_LOCKED', 'JOB_CRASHED', 'JOB_INTERRUPTED']);

export interface RetryPolicy {
  /** Delay before the second attempt; each further one doubles it (capped at `maxDelayMs`). */
  baseMs: number;
  maxDelayMs: number;
  /** Attempts in all, the first one included. */
  maxAttempts: number;
}

/** 5 s, 10 s, 20 s, 40 s, 80 s: a CLI run of a few minutes is waited out. */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 5_000, maxDelayMs: 5 * 60_000, maxAttempts: 6 };

/** Milliseconds to wait before attempt `next` (2, 3 …). */
export function retryDelay(policy: RetryPolicy, next: number): number {
  return Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, next - 2));
}

/** Two jobs' requests as one run: every removal and expectation kept, a rebuild or acceptance if either asked. */
export function mergeOptions(a: Partial<JobOptions>, b: Partial<JobOptions>): JobOptions {
  const union = (x?: string[], y?: string[]) => {
    const all = [...new Set([...(x ?? []), ...(y ?? [])])];
    return all.length ? all : undefined;
  };
  const removeRoots = union(a.removeRoots, b.removeRoots);
  const expectedRemovals = union(a.expectedRemovals, b.expectedRemovals);
  const allowRemoval = !!(a.allowRemoval || b.allowRemoval);
  return {
    rebuild: !!(a.rebuild || b.rebuild),
    ...(removeRoots ? { removeRoots } : {}),
    ...(allowRemoval ? { allowRemoval } : {}),
    ...(expectedRemovals ? { expectedRemovals } : {}),
  };
}
