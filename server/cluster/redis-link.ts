/**
 * This node's connection to Redis: one command client that fails fast while Redis is away
 * (so a rate limit falls back to the local one at once instead of queueing), extra
 * clients for subscriptions and the socket.io adapter, the key names of the service, and
 * whether Redis is reachable now (`up`), told as `down` and `up` events.
 */
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/** Reconnection delay after the n-th failed attempt: quick at first, then once a second. */
const retryDelay = (attempt: number): number => Math.min(50 * attempt, 1_000);

export interface RedisLinkOptions {
  url: string;
  /** Prefix of every key and channel of this service (REDIS_PREFIX). */
  prefix: string;
  /** Name of this process in CLIENT LIST. */
  name: string;
  logger: Logger;
}

export type RedisLinkEvents = {
  /** Redis became unreachable (the first time, and after each `up`). */
  down: [];
  /** Redis is reachable again (also emitted for the first connection). */
  up: [];
};

/** A Lua script run by its SHA1, loaded on first use and again after a Redis restart. */
export class LuaScript {
  private readonly sha: string;
  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: string[], args: Array<string | number>): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

export class RedisLink extends EventEmitter<RedisLinkEvents> {
  /** Commands of the request path: no offline queue, so they fail at once while Redis is away. */
  readonly client: Redis;
  private readonly extra: Redis[] = [];
  private reachable = false;
  private closed = false;

  constructor(private readonly opts: RedisLinkOptions) {
    super();
    // A Redis that hangs without closing the connection must not hold requests either.
    this.client = this.connection('commands', { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 1_000 });
    this.client.on('ready', () => this.setReachable(true));
    this.client.on('close', () => this.setReachable(false));
  }

  /** Whether Redis answered last time we looked (the command client is connected). */
  get up(): boolean {
    return this.reachable;
  }

  /** The key (or channel) `parts` of this service. */
  key(...parts: string[]): string {
    return [this.opts.prefix, ...parts].join(':');
  }

  /**
   * Another connection to the same Redis (subscriptions, the socket.io adapter), closed
   * with the link. It reconnects by itself; with `queue` its commands wait for it.
   */
  connection(role: string, options: RedisOptions = {}): Redis {
    const redis = new Redis(this.opts.url, {
      connectionName: `${this.opts.name}:${role}`,
      connectTimeout: 2_000,
      retryStrategy: retryDelay,
      lazyConnect: false,
      ...options,
    });
    // ioredis logs unhandled 'error' events itself; each is one failed (re)connection attempt.
    redis.on('error', (err: Error) => this.opts.logger.debug({ role, err: err.message }, 'redis connection error'));
    if (role !== 'commands') this.extra.push(redis);
    return redis;
  }

  /** Resolves once Redis has answered, or false after `timeoutMs`. */
  waitUntilUp(timeoutMs: number): Promise<boolean> {
    if (this.reachable) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.off('up', onUp);
        resolve(false);
      }, timeoutMs);
      const onUp = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.once('up', onUp);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.client, ...this.extra].map((r) => r.quit().catch(() => r.disconnect())));
  }

  private setReachable(now: boolean): void {
    if (this.closed || now === this.reachable) return;
    this.reachable = now;
    if (now) {
      this.opts.logger.info('redis reachable: shared limits, conversations and announcements in use');
      this.emit('up');
    } else {
      this.opts.logger.warn('redis unreachable: local rate limits, connection caps and conversations until it returns');
      this.emit('down');
    }
  }
}
