/**
 * The Redis implementations of the cluster's ports against a real redis-server, with two
 * "nodes" in this process (each its own connections and presence): one budget for a
 * client that alternates nodes, caps counted across nodes, a conversation continued on
 * the other node, a resent question answered once, announcements heard everywhere, and
 * the local fallback while Redis is away.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { RateLimiter } from '../http/rate-limit.ts';
import { answerOnce, RedisAskLedger } from './ask-ledger.ts';
import { RedisAnnouncer } from './announcer.ts';
import { SharedConnectionCaps } from './connection-caps.ts';
import { RedisConversations } from './conversations.ts';
import { NodePresence } from './node-presence.ts';
import type { Announcement } from './ports.ts';
import { RedisLink } from './redis-link.ts';
import { FailoverRateLimit, RedisRateLimit } from './shared-rate-limit.ts';
import { startRedis, type TestRedis } from './testing/redis-server.ts';

const logger = pino({ level: 'silent' });
let redis: TestRedis;
const opened: Array<{ link: RedisLink; presence: NodePresence }> = [];

async function node(id: string): Promise<{ link: RedisLink; presence: NodePresence }> {
  const link = new RedisLink({ url: redis.url, prefix: 'test', name: id, logger });
  expect(await link.waitUntilUp(5_000)).toBe(true);
  const presence = new NodePresence(link, id, logger);
  await presence.start();
  const n = { link, presence };
  opened.push(n);
  return n;
}

const until = async (check: () => boolean | Promise<boolean>, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

beforeAll(async () => {
  redis = await startRedis();
});

afterEach(async () => {
  for (const n of opened.splice(0)) {
    await n.presence.stop();
    await n.link.close();
  }
});

afterAll(async () => {
  await redis.close();
});

describe('shared rate limits', () => {
  it('gives a client that alternates nodes one budget, the same as the local limiter', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const limitA = new RedisRateLimit(a.link, 'ip', 60, 5);
    const limitB = new RedisRateLimit(b.link, 'ip', 60, 5);
    const shared = [];
    for (let i = 0; i < 6; i++) shared.push(await (i % 2 ? limitB : limitA).take('ip:1.2.3.4'));
    const local = new RateLimiter(60, 5);
    const alone = Array.from({ length: 6 }, () => local.take('ip:1.2.3.4'));
    local.close();
    expect(shared.map((d) => d.allowed)).toEqual(alone.map((d) => d.allowed));
    expect(shared.map((d) => d.allowed)).toEqual([true, true, true, true, true, false]);
    expect(shared[5]).toEqual({ allowed: false, retryAfterSec: 1, remaining: 0 });
    expect(await limitA.wouldAllow('ip:1.2.3.4')).toBe(false);
    // Another client has its own bucket; a token refills in a second (60 a minute).
    expect((await limitB.take('ip:5.6.7.8')).allowed).toBe(true);
    await new Promise((r) => setTimeout(r, 1_050));
    expect((await limitB.take('ip:1.2.3.4')).allowed).toBe(true);
    expect((await limitA.take('ip:1.2.3.4')).allowed).toBe(false);
  });

  it('falls back to local buckets while Redis is away and goes back to the shared ones', async () => {
    const a = await node('a');
    const limit = new FailoverRateLimit(new RedisRateLimit(a.link, 'ip', 60, 5), new RateLimiter(60, 5), a.link, logger);
    for (let i = 0; i < 5; i++) expect((await limit.take('ip:9.9.9.9')).allowed).toBe(true);
    expect((await limit.take('ip:9.9.9.9')).allowed).toBe(false);
    await redis.kill();
    await until(() => !a.link.up);
    // Local buckets: a full budget of this node's own, answered without Redis.
    const during = [];
    for (let i = 0; i < 6; i++) during.push((await limit.take('ip:9.9.9.9')).allowed);
    expect(during).toEqual([true, true, true, true, true, false]);
    await redis.start();
    await until(() => a.link.up, 10_000);
    // Redis restarted empty: the shared bucket is full again.
    expect((await limit.take('ip:9.9.9.9')).allowed).toBe(true);
    limit.close();
  });
});

describe('shared connection caps', () => {
  it('counts the connections of every node and drops those of a node that died', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const capsA = new SharedConnectionCaps(a.link, a.presence, 2, logger);
    const capsB = new SharedConnectionCaps(b.link, b.presence, 2, logger);
    const first = await capsA.acquire('10.0.0.1');
    const second = await capsB.acquire('10.0.0.1');
    expect(first).toBeTypeOf('function');
    expect(second).toBeTypeOf('function');
    expect(await capsA.acquire('10.0.0.1')).toBeUndefined();
    expect(await capsB.acquire('10.0.0.2')).toBeTypeOf('function');
    first!();
    await until(async () => (await a.link.client.hget('test:conn:10.0.0.1', a.presence.instance)) === null);
    const third = await capsA.acquire('10.0.0.1');
    expect(third).toBeTypeOf('function');
    expect(await capsA.acquire('10.0.0.1')).toBeUndefined();
    // Node b dies: its slot comes back without it ever releasing it.
    await b.presence.stop();
    expect(await capsA.acquire('10.0.0.1')).toBeTypeOf('function');
  });
});

describe('shared conversations', () => {
  it('continues a conversation on another node, for the role that started it, until its TTL', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const convA = new RedisConversations(a.link, 1, logger);
    const convB = new RedisConversations(b.link, 1, logger);
    const context = { focusDocIds: ['tthc-1.000001'], lastQuestion: 'Đăng ký khai sinh cần giấy tờ gì?', lastIntent: 'papers' as const };
    await convA.set('conv-1', 'citizen', context);
    expect(await convB.get('conv-1', 'citizen')).toEqual(context);
    expect(await convB.get('conv-1', 'official')).toBeUndefined();
    expect(await convB.get('conv-2', 'citizen')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await convA.get('conv-1', 'citizen')).toBeUndefined();
  });
});

describe('request ledger', () => {
  it('answers a resent question once: the resend waits, then replays the answer', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const ledgerA = new RedisAskLedger(a.link, a.presence, 10_000, logger);
    const ledgerB = new RedisAskLedger(b.link, b.presence, 10_000, logger);
    let answered = 0;
    let finish!: () => void;
    const slow = answerOnce(ledgerA, 'k1', async () => {
      answered++;
      await new Promise<void>((r) => (finish = r));
      return { answer: 'một' };
    });
    await until(async () => (await a.link.client.get('test:ask:k1')) !== null);
    const resend = answerOnce(ledgerB, 'k1', async () => {
      answered++;
      return { answer: 'hai' };
    });
    await new Promise((r) => setTimeout(r, 300));
    finish();
    expect(await slow).toEqual({ response: { answer: 'một' }, replayed: false });
    expect(await resend).toEqual({ response: { answer: 'một' }, replayed: true });
    expect(answered).toBe(1);
  });

  it('answers anew when the first attempt failed or its node died', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const ledgerA = new RedisAskLedger(a.link, a.presence, 10_000, logger);
    const ledgerB = new RedisAskLedger(b.link, b.presence, 10_000, logger);
    await expect(answerOnce(ledgerA, 'k2', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await answerOnce(ledgerB, 'k2', () => Promise.resolve('again'))).toEqual({ response: 'again', replayed: false });
    // A claims and dies before answering: B takes over as soon as A's presence is gone.
    expect(await ledgerA.claim('k3')).toEqual({ state: 'claimed' });
    const takeOver = answerOnce(ledgerB, 'k3', () => Promise.resolve('taken over'));
    await new Promise((r) => setTimeout(r, 200));
    await a.presence.stop();
    expect(await takeOver).toEqual({ response: 'taken over', replayed: false });
  });
});

describe('announcements', () => {
  it('reaches every node, the announcing one too', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const annA = new RedisAnnouncer(a.link, logger);
    const annB = new RedisAnnouncer(b.link, logger);
    const heardA: Announcement[] = [];
    const heardB: Announcement[] = [];
    annA.subscribe((e) => heardA.push(e));
    annB.subscribe((e) => heardB.push(e));
    // Subscriptions are set up asynchronously.
    await until(async () => Number((await a.link.client.pubsub('NUMSUB', 'test:events'))[1]) >= 2);
    await annA.publish({ type: 'index-published', version: 'v2' });
    await until(() => heardA.length === 1 && heardB.length === 1);
    expect(heardB).toEqual([{ type: 'index-published', version: 'v2' }]);
  });
});

describe('node presence', () => {
  it('refuses a second live process with the same NODE_ID', async () => {
    await node('same');
    const link = new RedisLink({ url: redis.url, prefix: 'test', name: 'dup', logger });
    await link.waitUntilUp(5_000);
    await expect(new NodePresence(link, 'same', logger).start()).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await link.close();
  });
});
