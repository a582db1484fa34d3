/**
 * Concurrent socket.io connections per client IP (SOCKET_MAX_PER_IP), counted in this
 * process or across nodes. In Redis each IP has a hash of counts by node instance; a
 * count whose instance is no longer alive (node-presence.ts) is dropped when the IP next
 * connects, so the slots of a killed node come back within seconds. While Redis is away
 * a connection takes a local slot, and gives it back where it took it.
 */
import type { Logger } from 'pino';
import { ConnectionCounter } from '../http/rate-limit.ts';
import type { ConnectionCaps } from './ports.ts';
import type { NodePresence } from './node-presence.ts';
import { LuaScript, type RedisLink } from './redis-link.ts';

/** Idle per-IP hashes expire after a day (a count is normally given back on disconnect). */
const IDLE_TTL_MS = 86_400_000;

/** KEYS[1] the IP's hash; ARGV: this instance, max, alive-key prefix. Returns 1 when a slot was taken. */
const ACQUIRE = new LuaScript(`
local h = redis.call('HGETALL', KEYS[1])
local total = 0
for i = 1, #h, 2 do
  if h[i] == ARGV[1] or redis.call('EXISTS', ARGV[3] .. h[i]) == 1 then
    total = total + tonumber(h[i + 1])
  else
    redis.call('HDEL', KEYS[1], h[i])
  end
end
if total >= tonumber(ARGV[2]) then return 0 end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ${IDLE_TTL_MS})
return 1
`);

/** KEYS[1] the IP's hash; ARGV[1] this instance. */
const RELEASE = new LuaScript(`
local n = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return n
`);

/** This process's counts. */
export class LocalConnectionCaps implements ConnectionCaps {
  private readonly counter: ConnectionCounter;
  constructor(max: number) {
    this.counter = new ConnectionCounter(max);
  }

  acquire(key: string): Promise<(() => void) | undefined> {
    if (!this.counter.acquire(key)) return Promise.resolve(undefined);
    let released = false;
    return Promise.resolve(() => {
      if (released) return;
      released = true;
      this.counter.release(key);
    });
  }
}

/** Counts shared by every node, with this node's local counts while Redis is away. */
export class SharedConnectionCaps implements ConnectionCaps {
  private readonly local: LocalConnectionCaps;
  /** Slots given back while Redis was away, given back again when it returns. */
  private unreleased: string[] = [];

  constructor(
    private readonly link: RedisLink,
    private readonly presence: NodePresence,
    private readonly max: number,
    private readonly logger: Logger,
  ) {
    this.local = new LocalConnectionCaps(max);
    link.on('up', () => {
      for (const hash of this.unreleased.splice(0)) this.release(hash);
    });
  }

  async acquire(key: string): Promise<(() => void) | undefined> {
    if (!this.link.up) return this.local.acquire(key);
    const hash = this.link.key('conn', key);
    let taken: unknown;
    try {
      taken = await ACQUIRE.run(this.link.client, [hash], [this.presence.instance, this.max, this.presence.alivePrefix]);
    } catch (err) {
      this.logger.debug({ err: (err as Error).message }, 'shared connection caps unavailable; local counts used');
      return this.local.acquire(key);
    }
    if (taken !== 1) return undefined;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(hash);
    };
  }

  private release(hash: string): void {
    RELEASE.run(this.link.client, [hash], [this.presence.instance]).catch(() => this.unreleased.push(hash));
  }
}
