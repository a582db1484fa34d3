/**
 * Questions are answered once per request id. The widget resends a question once when
 * its socket drops mid-answer (its node may have died): the resend, on whatever node it
 * reaches, waits while the first attempt is still being answered, replays the answer if
 * it was finished, and answers anew if it failed, was cancelled or its node died. Keys
 * are scoped by the caller (see socket.ts), so one client cannot read another's answer.
 */
import type { Logger } from 'pino';
import type { AskClaim, AskLedger } from './ports.ts';
import type { NodePresence } from './node-presence.ts';
import { LuaScript, type RedisLink } from './redis-link.ts';

/** How long a finished answer is replayed to a resend. */
export const REPLAY_MS = 2 * 60_000;
/** How often a waiting resend looks again. */
const POLL_MS = 100;

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
  if (signal?.aborted) return reject(signal.reason as Error);
  const timer = setTimeout(() => {
    signal?.removeEventListener('abort', onAbort);
    resolve();
  }, ms);
  const onAbort = () => {
    clearTimeout(timer);
    reject(signal!.reason as Error);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
});

/** `promise`, or the abort reason of `signal` if it comes first. */
function abortable(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, reject);
  });
}

/** This process's request ids. */
export class LocalAskLedger implements AskLedger {
  private readonly entries = new Map<string, { done?: { response: unknown; at: number }; settled?: Promise<void>; settle?: () => void }>();

  constructor(private readonly now: () => number = Date.now) {}

  async claim(key: string, signal?: AbortSignal): Promise<AskClaim> {
    for (;;) {
      this.sweep();
      const entry = this.entries.get(key);
      if (!entry) {
        let settle!: () => void;
        const settled = new Promise<void>((r) => (settle = r));
        this.entries.set(key, { settled, settle });
        return { state: 'claimed' };
      }
      if (entry.done) return { state: 'done', response: entry.done.response };
      await abortable(entry.settled!, signal);
    }
  }

  complete(key: string, response: unknown): Promise<void> {
    const entry = this.entries.get(key);
    this.entries.set(key, { done: { response, at: this.now() } });
    entry?.settle?.();
    return Promise.resolve();
  }

  release(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (entry && !entry.done) {
      this.entries.delete(key);
      entry.settle?.();
    }
    return Promise.resolve();
  }

  private sweep(): void {
    const cutoff = this.now() - REPLAY_MS;
    for (const [key, e] of this.entries) if (e.done && e.done.at < cutoff) this.entries.delete(key);
  }
}

/**
 * KEYS[1] the request; ARGV: `pending:<instance>`, pending TTL ms, alive-key prefix.
 * Returns {'claimed'}, {'done', response} or {'pending'}.
 */
const CLAIM = new LuaScript(`
local v = redis.call('GET', KEYS[1])
if v then
  if string.sub(v, 1, 5) == 'done:' then return {'done', string.sub(v, 6)} end
  local owner = string.sub(v, 9)
  if redis.call('EXISTS', ARGV[3] .. owner) == 1 then return {'pending'} end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return {'claimed'}
`);

/** KEYS[1] the request; ARGV[1] the value to find. Deletes the key only if it still holds it. */
const RELEASE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** Request ids shared by the nodes; this node's own ledger while Redis is away. */
export class RedisAskLedger implements AskLedger {
  private readonly local = new LocalAskLedger();
  /** Keys this node claimed in Redis (the others were claimed locally). */
  private readonly inRedis = new Set<string>();

  constructor(
    private readonly link: RedisLink,
    private readonly presence: NodePresence,
    /** Longest an answer may take (REQUEST_TIMEOUT_MS): a claim outlives it a little. */
    private readonly answerTimeoutMs: number,
    private readonly logger: Logger,
  ) {}

  async claim(key: string, signal?: AbortSignal): Promise<AskClaim> {
    const pending = `pending:${this.presence.instance}`;
    for (;;) {
      if (!this.link.up) return this.local.claim(key, signal);
      let result: [string, string?];
      try {
        result = await CLAIM.run(this.link.client, [this.link.key('ask', key)], [pending, this.answerTimeoutMs + 5_000, this.presence.alivePrefix]) as [string, string?];
      } catch (err) {
        this.logger.debug({ err: (err as Error).message }, 'shared request ledger unavailable; local one used');
        return this.local.claim(key, signal);
      }
      if (result[0] === 'claimed') {
        this.inRedis.add(key);
        return { state: 'claimed' };
      }
      if (result[0] === 'done') return { state: 'done', response: JSON.parse(result[1]!) as unknown };
      await sleep(POLL_MS, signal);
    }
  }

  async complete(key: string, response: unknown): Promise<void> {
    if (!this.inRedis.delete(key)) return this.local.complete(key, response);
    await this.link.client.set(this.link.key('ask', key), `done:${JSON.stringify(response)}`, 'PX', REPLAY_MS).catch((err: unknown) => {
      this.logger.debug({ err: (err as Error).message }, 'answer not kept for a resend');
    });
  }

  async release(key: string): Promise<void> {
    if (!this.inRedis.delete(key)) return this.local.release(key);
    await RELEASE.run(this.link.client, [this.link.key('ask', key)], [`pending:${this.presence.instance}`]).catch(() => undefined);
  }
}

/**
 * Answer `key` once: the response of `answer`, or the one already given to the same
 * request (`replayed`). A failed answer gives the key up so that a resend answers anew.
 */
export async function answerOnce<T>(ledger: AskLedger, key: string, answer: () => Promise<T>, signal?: AbortSignal): Promise<{ response: T; replayed: boolean }> {
  const claim = await ledger.claim(key, signal);
  if (claim.state === 'done') return { response: claim.response as T, replayed: true };
  try {
    const response = await answer();
    await ledger.complete(key, response);
    return { response, replayed: false };
  } catch (err) {
    await ledger.release(key);
    throw err;
  }
}
