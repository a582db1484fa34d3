/**
 * What the nodes of one service share, as small ports with two implementations each,
 * chosen once at composition (server/cluster/cluster.ts): in this process (REDIS_URL
 * unset: exactly the single process of before) or in Redis (REDIS_URL set: every process
 * with the same REDIS_URL, INDEX_DIR, UPLOAD_DIR, STATE_DIR and AUDIT_DIR is a node of one
 * service). The Redis implementations fall back to the local ones while Redis is away
 * (with a warning and /readyz "degraded") and go back to Redis when it returns.
 */
import type { ConversationContext, Role } from '../../core/answer/types.ts';

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
