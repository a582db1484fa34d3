/**
 * Overrides fail closed (issue 12, item 7): a document an admin made internal stays
 * internal when the overrides file is damaged — served from the last good copy, or
 * hidden with every document an override ever named when no copy can be read — while
 * /readyz reports "degraded" with the reason and the admin status shows it, until an admin
 * restores the file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SPECIFICS } from './admin/messages.ts';
import { ADMIN_TOKEN, OFFICIAL_TOKEN, startTestServer, type TestServer } from './testing/test-server.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let work: string;
let t: TestServer | undefined;
let docId: string;
const QUERY = 'chiến lược trí tuệ nhân tạo';

async function call(method: string, path: string, opts: { body?: unknown; token?: string } = {}): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t!.url}${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
}

async function restart(): Promise<void> {
  await t?.close();
  // An answer worker too: it applies the same overrides as the main thread.
  t = await startTestServer({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000', ANSWER_WORKERS: '1' }, { work });
}

/** What a citizen can find of the document: its page, search hits and chat citations (answered in the worker). */
async function citizenSees(): Promise<boolean> {
  const page = await call('GET', `/api/documents/${docId}`);
  const hits = (await call('POST', '/api/search', { body: { query: QUERY, k: 10 } })).body.results as Json[];
  expect(page.status === 200).toBe(hits.some((h) => h.docId === docId));
  if (page.status !== 200) {
    const chat = await call('POST', '/api/chat', { body: { message: 'Kế hoạch thực hiện chiến lược trí tuệ nhân tạo có mục tiêu gì?' } });
    expect(chat.status).toBe(200);
    expect((chat.body.citations as Json[]).map((c) => c.docId)).not.toContain(docId);
  }
  return page.status === 200;
}

const overridesFile = () => join(t!.config.STATE_DIR, 'metadata-overrides.json');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'overrides-closed-'));
  await restart();
  const hit = (await call('POST', '/api/search', { body: { query: QUERY, k: 1 } })).body.results[0];
  docId = hit.docId as string;
  expect((await call('PATCH', `/api/admin/documents/${docId}`, { token: ADMIN_TOKEN, body: { audience: 'internal' } })).status).toBe(200);
  expect(await citizenSees()).toBe(false);
});

afterAll(async () => {
  await t?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a damaged overrides file', () => {
  it('keeps internal documents internal from the last good copy, reports degraded, and is restored by an admin', async () => {
    await t!.close();
    await writeFile(overridesFile(), '{"version": 1, "overrides": {');
    t = undefined;
    await restart();
    expect(await citizenSees()).toBe(false);
    const official = await call('GET', `/api/documents/${docId}`, { token: OFFICIAL_TOKEN });
    expect(official.body.audience).toBe('internal');

    const ready = await call('GET', '/readyz');
    expect(ready).toMatchObject({ status: 200, body: { status: 'degraded', problems: [{ code: 'OVERRIDES_CORRUPT', message: ADMIN_SPECIFICS.overridesFromBackup }] } });
    const status = await call('GET', '/api/admin/status', { token: ADMIN_TOKEN });
    expect(status.body).toMatchObject({ status: 'degraded', overrides: { mode: 'backup', count: 1 } });

    const restored = await call('POST', '/api/admin/overrides/restore', { token: ADMIN_TOKEN });
    expect(restored).toMatchObject({ status: 200, body: { mode: 'ok', count: 1 } });
    expect((await call('GET', '/readyz')).body.status).toBe('ready');
    expect((await call('POST', '/api/admin/overrides/restore', { token: ADMIN_TOKEN })).status).toBe(409);
    expect(await citizenSees()).toBe(false);
  });

  it('hides every document an override ever named when neither the file nor its backup can be read, and refuses changes until repaired', async () => {
    await t!.close();
    await writeFile(overridesFile(), 'not json at all');
    await writeFile(`${overridesFile()}.bak`, '');
    t = undefined;
    await restart();
    expect(await citizenSees()).toBe(false);
    const status = await call('GET', '/api/admin/status', { token: ADMIN_TOKEN });
    expect(status.body.overrides).toMatchObject({ mode: 'closed', hidden: 1, message: ADMIN_SPECIFICS.overridesClosed(1) });
    expect((await call('GET', '/readyz')).body).toMatchObject({ status: 'degraded', problems: [{ code: 'OVERRIDES_CORRUPT' }] });

    const patch = await call('PATCH', `/api/admin/documents/${docId}`, { token: ADMIN_TOKEN, body: { audience: 'public' } });
    expect(patch).toMatchObject({ status: 409, body: { code: 'OVERRIDES_CORRUPT' } });

    // The operator repairs the file by hand, then has it read again.
    await writeFile(overridesFile(), `${JSON.stringify({ version: 1, overrides: { [docId]: { audience: 'internal', updatedAt: '2026-12-07T08:00:00.000Z', updatedBy: 'admin' } } })}\n`);
    const reloaded = await call('POST', '/api/admin/overrides/reload', { token: ADMIN_TOKEN });
    expect(reloaded).toMatchObject({ status: 200, body: { mode: 'ok', count: 1 } });
    expect((await call('GET', '/readyz')).body.status).toBe('ready');
    expect(await citizenSees()).toBe(false);
    expect((await call('PATCH', `/api/admin/documents/${docId}`, { token: ADMIN_TOKEN, body: { audience: 'public' } })).status).toBe(200);
    expect(await citizenSees()).toBe(true);
    // The chat question of citizenSees does cite it once public: its absence above meant hidden.
    const chat = await call('POST', '/api/chat', { body: { message: 'Kế hoạch thực hiện chiến lược trí tuệ nhân tạo có mục tiêu gì?' } });
    expect((chat.body.citations as Json[]).map((c) => c.docId)).toContain(docId);
  });
});
