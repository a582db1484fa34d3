/**
 * Token-bucket rate limiting shared by REST and socket.io, so a client cannot double its
 * quota by using both. Keys are `ip:<address>` for anonymous callers and `user:<pseudonym>`
 * for bearer tokens (never the raw token).
 */

import type { RateDecision, RateLimit } from '../cluster/ports.ts';

export type { RateDecision, RateLimit } from '../cluster/ports.ts';

/**
 * The server's limiters: anonymous callers per IP, token holders per token, failed token
 * checks per IP; reading documents has its own per-IP and per-token buckets
 * (rate-budgets.ts). Each is this process's {@link RateLimiter} or, with REDIS_URL, the one
 * budget all nodes share (server/cluster/shared-rate-limit.ts).
 */
export interface Limits {
  perIp: RateLimit;
  perToken: RateLimit;
  authFailures: RateLimit;
  readPerIp: RateLimit;
  readPerToken: RateLimit;
}

/** The burst of a limit of `perMinute`: a third of it, at least 5. */
export function defaultBurst(perMinute: number): number {
  return Math.max(5, Math.ceil(perMinute / 3));
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** The token buckets of this process. */
export class RateLimiter implements RateLimit {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;
  private readonly sweepTimer: NodeJS.Timeout;

  /** `perMinute` requests per minute on average, with bursts up to `burst` (default: perMinute / 3, at least 5). */
  constructor(
    private readonly perMinute: number,
    private readonly burst = defaultBurst(perMinute),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.refillPerMs = perMinute / 60_000;
    // Full buckets carry no information: drop them so idle clients cost no memory.
    this.sweepTimer = setInterval(() => this.sweep(), 60_000);
    this.sweepTimer.unref();
  }

  take(key: string, cost = 1): RateDecision {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, updated: t };
    b.tokens = Math.min(this.burst, b.tokens + (t - b.updated) * this.refillPerMs);
    b.updated = t;
    this.buckets.set(key, b);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return { allowed: true, retryAfterSec: 0, remaining: Math.floor(b.tokens) };
    }
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((cost - b.tokens) / this.refillPerMs / 1000)), remaining: 0 };
  }

  /** Whether `key` could take `cost` now, without taking it. */
  wouldAllow(key: string, cost = 1): boolean {
    const b = this.buckets.get(key);
    if (!b) return true;
    return Math.min(this.burst, b.tokens + (this.now() - b.updated) * this.refillPerMs) >= cost;
  }

  get size(): number {
    return this.buckets.size;
  }

  sweep(): void {
    const t = this.now();
    for (const [key, b] of this.buckets) {
      if (b.tokens + (t - b.updated) * this.refillPerMs >= this.burst) this.buckets.delete(key);
    }
  }

  close(): void {
    clearInterval(this.sweepTimer);
  }

  get limitPerMinute(): number {
    return this.perMinute;
  }
}

/** Counts concurrent connections per key (socket.io per IP). */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** Take a slot; false when the key already holds `max`. */
  acquire(key: string): boolean {
    const n = this.counts.get(key) ?? 0;
    if (n >= this.max) return false;
    this.counts.set(key, n + 1);
    return true;
  }

  release(key: string): void {
    const n = (this.counts.get(key) ?? 0) - 1;
    if (n <= 0) this.counts.delete(key);
    else this.counts.set(key, n);
  }
}
