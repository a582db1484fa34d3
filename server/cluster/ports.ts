/**
 * What the nodes of one service share, as small ports with two implementations each,
 * chosen once at composition (server/cluster/cluster.ts): in this process (REDIS_URL
 * unset: exactly the single process of before) or in Redis (REDIS_URL set: every process
 * with the same REDIS_URL, INDEX_DIR, UPLOAD_DIR, STATE_DIR and AUDIT_DIR is a node of one
 * service). The Redis implementations fall back to the local ones while Redis is away
 * (with a warning and /readyz "degraded") and go back to Redis when it returns.
 */
import type { EventEmitter } from 'node:events';
import type { ConversationContext, Role } from '../../core/answer/types.ts';
import type { JobInfo, JobOptions } from '../jobs/job-info.ts';

/** A rate-limit verdict. */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more request would be allowed (0 when allowed). */
  retryAfterSec: number;
  remaining: number;
}

/**
 * A token-bucket rate limit: `limitPerMinute` requests a minute on average with bursts up
 * to a third of that (at least 5). The local limiter answers at once, the shared one
 * after a round trip to Redis, so callers await both.
 */
export interface RateLimit {
  take(key: string, cost?: number): RateDecision | Promise<RateDecision>;
  /** Whether `key` could take `cost` now, without taking it. */
  wouldAllow(key: string, cost?: number): boolean | Promise<boolean>;
  readonly limitPerMinute: number;
  close(): void;
}

/** Concurrent connections per key (socket.io per client IP). */
export interface ConnectionCaps {
  /** A slot for `key`, or undefined when the key already holds the maximum. Call the result once to give it back. */
  acquire(key: string): Promise<(() => void) | undefined>;
}

/** Conversation contexts: the follow-up of a conversation may reach any node. */
export interface ConversationStore {
  /** The context of conversation `id` if it was started by `role` (a citizen cannot continue an official's). */
  get(id: string, role: Role): Promise<ConversationContext | undefined>;
  set(id: string, role: Role, context: ConversationContext): Promise<void>;
}

/** What a claim on a request id found. */
export type AskClaim =
  /** Nobody answered it yet: answer it, then `complete` or `release`. */
  | { state: 'claimed' }
  /** It was answered already: send this response again instead of answering twice. */
  | { state: 'done'; response: unknown };

/**
 * Request ids of questions being answered or answered lately, so that a question resent
 * after its node disappeared (the widget retries once) is not answered twice.
 */
export interface AskLedger {
  /**
   * Claim `key`; waits while another live node (or this one) is answering it. A claim held
   * by a node that died is taken over.
   */
  claim(key: string, signal?: AbortSignal): Promise<AskClaim>;
  /** The answer of a claimed key, replayed to a resend for a short while. */
  complete(key: string, response: unknown): Promise<void>;
  /** Give a claimed key up (the answer failed or was cancelled): a resend answers anew. */
  release(key: string): Promise<void>;
}

/** Changes every node must apply, announced by the node that made them. */
export type Announcement =
  /** A re-index published a new index version: every node serves it. */
  | { type: 'index-published'; version: string }
  /** An admin changed document metadata (STATE_DIR/metadata-overrides.json): every node reloads it. */
  | { type: 'overrides-changed' };

/** Announcements between nodes; a node hears its own announcements too. */
export interface Announcer {
  publish(event: Announcement): Promise<void>;
  /** Listen to every announcement; returns the function that stops listening. */
  subscribe(listener: (event: Announcement) => void): () => void;
}

/** Events of a job queue, told on the node where they happen; every payload is a copy. */
export type JobEvents = {
  /** Any change of state or progress. */
  update: [job: JobInfo];
  /**
   * A job finished well. When `job.summary.published` is true a new version is active
   * and the server should announce it; false means nothing had changed.
   */
  succeeded: [job: JobInfo];
  /** A job failed; `detail` is English, for logs only (may name paths). */
  failed: [job: JobInfo, detail: string | undefined];
  /** The job list could not be written; jobs keep running. */
  persistError: [error: Error];
};

/** What a job is asked to do (the refresh of every root is implied), and whether it is a failed job's next attempt. */
export type JobRequest = Partial<JobOptions> & { retryOf?: string; attempt?: number };

/**
 * Re-index jobs: at most one builds at a time, each in its own worker process. In one
 * process the list is STATE_DIR/jobs.json and the answers come at once
 * (server/jobs/reindex-jobs.ts); across nodes it is a BullMQ queue whose job list lives in
 * Redis, so the reads are awaited (queued-jobs.ts). Events are told on the node where they
 * happen (the building node for progress and the end); the socket.io adapter carries the
 * broadcasts to admins on every node.
 */
export interface JobQueue extends EventEmitter<JobEvents> {
  /** Load or reconcile the job list; jobs a previous process left queued or running are reported. */
  init(): Promise<{ interrupted: JobInfo[]; corruptStateMovedTo?: string }>;
  /** Run again the jobs a restart interrupted, if the queue does not do it by itself; call once listening. */
  resumeInterrupted(): JobInfo | undefined | Promise<JobInfo | undefined>;
  /**
   * Start a job.
   * @throws JobConflictError while another job is queued or running.
   */
  start(by: { user: string }, opts?: JobRequest): JobInfo | Promise<JobInfo>;
  /** Start a job or, while one runs, make sure one more follows it; `queued` tells which happened. */
  request(by: { user: string }, opts?: JobRequest): { job: JobInfo; queued: boolean } | Promise<{ job: JobInfo; queued: boolean }>;
  get(id: string): JobInfo | undefined | Promise<JobInfo | undefined>;
  /** Newest first. */
  list(): JobInfo[] | Promise<JobInfo[]>;
  /** The queued or running job, if any. */
  running(): JobInfo | undefined | Promise<JobInfo | undefined>;
  /** Stop a queued or running job and resolve with it as it ended; a finished job is returned as it is. */
  cancel(id: string): Promise<JobInfo | undefined>;
  /** Whether this node is waiting to start a failed job's next attempt. */
  readonly retryPending: boolean;
  /** For shutdown: refuse new jobs and stop this node's running one. */
  close(): Promise<void>;
}
