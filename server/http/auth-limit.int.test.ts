/**
 * Wrong tokens are limited per client IP in every token mode (ASSISTANT_TOKENS, TOKENS_FILE,
 * METRICS_TOKEN), on REST and on the socket.io handshake; the 429s of a flood are logged
 * sampled (a bounded number of lines) while the metrics count every one.
 */
import { writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../testing/test-server.ts';
import { AUTH_FAILURES_PER_MINUTE } from './middleware.ts';

const FILE_TOKEN = 'file-official-token-for-tests-0123456789';
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

describe('failed-token limit and sampled 429 logs', () => {
  let t: TestServer;
  const lines: Array<{ level: number; msg: string; count?: number; client?: string }> = [];

  beforeAll(async () => {
    const work = await mkdtemp(join(os.tmpdir(), 'auth-limit-'));
    const tokensFile = join(work, 'tokens.json');
    await writeFile(tokensFile, JSON.stringify([{ role: 'official', hash: await hashToken(FILE_TOKEN, { N: 1024, r: 8, p: 1 }) }]));
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
    t = await startTestServer({ TOKENS_FILE: tokensFile, METRICS_TOKEN }, { work, logger });
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, token?: string) => fetch(`${t.url}${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

  it('answers 1,000 wrong tokens mostly with 429, then refuses correct tokens too for a short while', async () => {
    const before = lines.length;
    const statuses: number[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => get('/api/admin/stats', `wrong-token-${batch}-${i}-0123456789`)));
      for (const r of responses) {
        statuses.push(r.status);
        await r.arrayBuffer();
      }
    }
    const count = (s: number) => statuses.filter((x) => x === s).length;
    expect(count(401) + count(429)).toBe(1000);
    expect(count(401)).toBeGreaterThanOrEqual(AUTH_FAILURES_PER_MINUTE);
    expect(count(429)).toBeGreaterThan(900);

    // Every token mode is refused alike from this address: env token, file token, and no token is still served.
    for (const token of [ADMIN_TOKEN, FILE_TOKEN]) {
      const r = await get('/api/admin/stats', token);
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await r.json() as { code: string; message: string; retryAfterSec: number };
      expect(body.code).toBe('TOO_MANY_AUTH_FAILURES');
      expect(body.message).toContain('Mã truy cập bị nhập sai quá nhiều lần');
      expect(body.retryAfterSec).toBe(Number(r.headers.get('retry-after')));
    }
    expect((await get('/readyz')).status).toBe(200);
    // The metrics token is a token too: locked from here as well.
    expect((await get('/metrics', METRICS_TOKEN)).status).toBe(429);

    // The socket.io handshake is refused the same way.
    const s = connect(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: ADMIN_TOKEN } });
    const err = await new Promise<Error & { data?: { code?: string } }>((resolve) => s.once('connect_error', resolve));
    s.disconnect();
    expect(err.data?.code).toBe('TOO_MANY_AUTH_FAILURES');

    // The flood wrote a bounded number of log lines: one per 401 (bounded by the budget), one for all the 429s.
    const flood = lines.slice(before);
    expect(flood.filter((l) => l.level >= 40).length).toBeLessThanOrEqual(count(401) + 1);
    expect(flood.filter((l) => l.msg.startsWith('rate limited')).length).toBe(1);
    expect(JSON.stringify(flood)).not.toContain('127.0.0.1');

    // …while the metrics count every refusal (one more wait for the budget to refill a check).
    await new Promise((r) => setTimeout(r, Math.ceil(60_000 / AUTH_FAILURES_PER_MINUTE) + 200));
    const metrics = await (await get('/metrics', METRICS_TOKEN)).text();
    const refused = [...metrics.matchAll(/^assistant_rate_limited_total\{channel="(rest|socket)"\} (\d+)/gm)].reduce((n, m) => n + Number(m[2]), 0);
    expect(refused).toBe(count(429) + 4);
  }, 120_000);

  it('summarises the refusals of the window with their count when it ends', async () => {
    await t.close();
    const summary = lines.find((l) => /^rate limited \d+ requests from ip~[0-9a-f]{16} in the last 60 s$/.test(l.msg));
    expect(summary?.count).toBeGreaterThan(900);
  });
});
