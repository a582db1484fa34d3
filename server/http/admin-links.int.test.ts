/**
 * The admin's links between documents over HTTP: token and role, list, confirm, reject,
 * re-point and reset; a decision changes answers at once; an unreadable overrides file
 * applies no link and refuses decisions (fail closed).
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INFORCE_PAIRS_DIR } from '../../eval/datasets/replacement-clauses.ts';
import { startServer, type RunningServer } from '../server.ts';
import { ADMIN_TOKEN, OFFICIAL_TOKEN, startTestServer, type TestServer } from '../testing/test-server.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let work: string;
let t: TestServer;
let url: string;

async function call(method: string, path: string, opts: { body?: unknown; token?: string } = {}): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  return { status: res.status, body: (await res.json()) as Json };
}

const OLD = 'qd-1024-2022-gpxd-thoi-han.txt';
const QUESTION = 'Quyết định 1024/QĐ-UBND quy định gì?';

async function replacedNotice(): Promise<boolean> {
  const reply = await call('POST', '/api/chat', { token: OFFICIAL_TOKEN, body: { message: QUESTION } });
  expect(reply.status).toBe(200);
  return (reply.body.notices as string[]).some((n) => n.includes('đã được thay thế bởi Quyết định số 2318/QĐ-UBND'));
}

async function linkOf(docId: string): Promise<Json> {
  const list = await call('GET', `/api/admin/links?docId=${encodeURIComponent(docId)}`, { token: ADMIN_TOKEN });
  expect(list.status).toBe(200);
  return (list.body.links as Json[]).find((l) => l.targetNumber === '1024/QĐ-UBND')!;
}

beforeAll(async () => {
  work = await mkdtemp(join(os.tmpdir(), 'links-'));
  const pairs = join(work, 'pairs');
  await mkdir(pairs);
  for (const name of await readdir(INFORCE_PAIRS_DIR)) if (name.endsWith('.txt')) await copyFile(join(INFORCE_PAIRS_DIR, name), join(pairs, name));
  t = await startTestServer({ CORPUS_PATHS: pairs, RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000' }, { work });
  url = t.url;
}, 120_000);

afterAll(async () => {
  await t?.close();
  await rm(work, { recursive: true, force: true });
});

describe('admin links', () => {
  it('needs an admin token', async () => {
    expect((await call('GET', '/api/admin/links')).status).toBe(401);
    expect((await call('GET', '/api/admin/links', { token: OFFICIAL_TOKEN })).status).toBe(403);
  });

  it('lists the link read from the clause, applied automatically', async () => {
    const link = await linkOf(OLD);
    expect(link).toMatchObject({ kind: 'replaces', state: 'automatic', target: { id: OLD }, from: '2026-10-20', by: { id: 'qd-2318-2026-gpxd-thoi-han.txt' } });
    expect(link.quote).toContain('thay thế Quyết định số 1024/QĐ-UBND');
    expect(await replacedNotice()).toBe(true);
  });

  it('rejects, confirms and resets a link, each taking effect in answers at once', async () => {
    const { id } = await linkOf(OLD);
    const rejected = await call('PUT', `/api/admin/links/${id}`, { token: ADMIN_TOKEN, body: { decision: 'rejected' } });
    expect(rejected).toMatchObject({ status: 200, body: { state: 'rejected' } });
    expect(rejected.body.target).toBeUndefined();
    expect(await replacedNotice()).toBe(false);

    const confirmed = await call('PUT', `/api/admin/links/${id}`, { token: ADMIN_TOKEN, body: { decision: 'confirmed' } });
    expect(confirmed).toMatchObject({ status: 200, body: { state: 'confirmed', target: { id: OLD } } });
    expect(await replacedNotice()).toBe(true);

    const reset = await call('DELETE', `/api/admin/links/${id}`, { token: ADMIN_TOKEN });
    expect(reset).toMatchObject({ status: 200, body: { state: 'automatic' } });
  });

  it('refuses a target that is not indexed, an unknown link and a bad body', async () => {
    const { id } = await linkOf(OLD);
    expect((await call('PUT', `/api/admin/links/${id}`, { token: ADMIN_TOKEN, body: { decision: 'confirmed', targetId: 'khong-co.txt' } })).status).toBe(404);
    expect((await call('PUT', `/api/admin/links/${Buffer.from('x\ny').toString('base64url')}`, { token: ADMIN_TOKEN, body: { decision: 'rejected' } })).status).toBe(404);
    expect((await call('PUT', `/api/admin/links/${id}`, { token: ADMIN_TOKEN, body: { decision: 'maybe' } })).status).toBe(400);
  });

  it('applies no link and takes no decision while the overrides file is unreadable', async () => {
    const { id } = await linkOf(OLD);
    await t.server.close();
    // The file and its last good copy both unreadable: the overrides fail closed (a readable
    // backup would be served instead, decisions included).
    const damaged = '{"version": 1, "overrides": {"x": {"links": "oops"';
    await writeFile(join(t.config.STATE_DIR, 'metadata-overrides.json'), damaged);
    await writeFile(join(t.config.STATE_DIR, 'metadata-overrides.json.bak'), damaged);
    let second: RunningServer | undefined;
    try {
      second = await startServer(t.config);
      url = second.url;
      const list = await call('GET', '/api/admin/links', { token: ADMIN_TOKEN });
      expect(list.body.available).toBe(false);
      expect(await replacedNotice()).toBe(false);
      const refused = await call('PUT', `/api/admin/links/${id}`, { token: ADMIN_TOKEN, body: { decision: 'confirmed' } });
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('LINKS_UNAVAILABLE');
    } finally {
      await second?.close();
      // t.close() closes the first server again: give it a live one.
      t = { ...t, close: async () => undefined };
    }
  });
});
