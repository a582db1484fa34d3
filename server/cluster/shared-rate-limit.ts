/**
 * The rate limits every node shares: the same token buckets as the local limiter
 * (server/http/rate-limit.ts: `perMinute` a minute, bursts of a third of it), kept in
 * Redis and updated by one Lua script per request, on Redis's clock, so a client that
 * alternates nodes spends one budget. The same algorithm rather than rate-limiter-flexible's
 * fixed windows keeps today's budgets exactly (a window would allow a whole minute's
 * budget at once, or twice that across a window edge).
 *
 * While Redis is away each node falls back to its own local buckets (the same budgets,
 * per node), and goes back to the shared ones when Redis returns.
 */
import type { Logger } from 'pino';
import type { RateLimiter } from '../http/rate-limit.ts';
import { defaultBurst } from '../http/rate-limit.ts';
import type { RateDecision, RateLimit } from './ports.ts';
import { LuaScript, type RedisLink } from './redis-link.ts';

/**
 * KEYS[1] the bucket; ARGV: burst, refill per ms, cost, 1 to take (0 to look only).
 * Returns {allowed 0|1, tokens left as a string (Lua numbers come back truncated)}.
 */
const BUCKET = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local burst = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(b[1]) or burst
local updated = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updated) * refill)
local allowed = 0
if tokens >= cost then allowed = 1 end
if ARGV[4] == '1' then
  if allowed == 1 then tokens = tokens - cost end
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / refill) + 1000)
end
return {allowed, tostring(tokens)}
`);

/** One limit's buckets in Redis (no fallback: see {@link FailoverRateLimit}). */
export class RedisRateLimit implements RateLimit {
  private readonly refillPerMs: number;

  constructor(
    private readonly link: RedisLink,
    /** Names the limit in the keys (`ip`, `token`, `auth-failures` …). */
    private readonly name: string,
    private readonly perMinute: number,
    private readonly burst = defaultBurst(perMinute),
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  async take(key: string, cost = 1): Promise<RateDecision> {
    const tokens = await this.bucket(key, cost, true);
    if (tokens.allowed) return { allowed: true, retryAfterSec: 0, remaining: Math.floor(tokens.left) };
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((cost - tokens.left) / this.refillPerMs / 1000)), remaining: 0 };
  }

  async wouldAllow(key: string, cost = 1): Promise<boolean> {
    return (await this.bucket(key, cost, false)).allowed;
  }

  get limitPerMinute(): number {
    return this.perMinute;
  }

  close(): void {}

  private async bucket(key: string, cost: number, take: boolean): Promise<{ allowed: boolean; left: number }> {
    const [allowed, left] = await BUCKET.run(this.link.client, [this.link.key('rl', this.name, key)], [this.burst, this.refillPerMs, cost, take ? '1' : '0']) as [number, string];
    return { allowed: allowed === 1, left: Number(left) };
  }
}

/**
 * The shared limit while Redis answers, this node's own buckets while it does not: a
 * request is never refused or held because Redis is away.
 */
export class FailoverRateLimit implements RateLimit {
  constructor(
    private readonly shared: RateLimit,
    private readonly local: RateLimiter,
    private readonly link: RedisLink,
    private readonly logger: Logger,
  ) {}

  async take(key: string, cost = 1): Promise<RateDecision> {
    if (this.link.up) {
      try {
        return await this.shared.take(key, cost);
      } catch (err) {
        this.failed(err);
      }
    }
    return this.local.take(key, cost);
  }

  async wouldAllow(key: string, cost = 1): Promise<boolean> {
    if (this.link.up) {
      try {
        return await this.shared.wouldAllow(key, cost);
      } catch (err) {
        this.failed(err);
      }
    }
    return this.local.wouldAllow(key, cost);
  }

  get limitPerMinute(): number {
    return this.local.limitPerMinute;
  }

  close(): void {
    this.shared.close();
    this.local.close();
  }

  private failed(err: unknown): void {
    this.logger.debug({ err: (err as Error).message }, 'shared rate limit unavailable; local buckets used');
  }
}
