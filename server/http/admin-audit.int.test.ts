/**
 * Admin actions are audited (who: a pseudonym, never the token; what: the action and its
 * targets; outcome: ok or the error code), listed and exported with filters; feedback is
 * listed for admins with its question and cited documents, and the "Đã xử lý" mark is
 * stored, survives a new sink on the same files and is itself audited; stats show titles.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonlAuditSink } from '../audit/jsonl-audit.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../testing/test-server.ts';
import { ADMIN_ROUTE_ACTIONS } from './admin-audit.ts';
import { callApi, type CallOptions, type Json } from '../testing/call-api.ts';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000' });
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const call = (method: string, path: string, opts: CallOptions = {}) => callApi(t.url, method, path, opts);

const admin = (method: string, path: string, body?: unknown) => call(method, `/api/admin${path}`, { token: ADMIN_TOKEN, ...(body !== undefined ? { body } : {}) });

/** Admin actions, waited for: the record is written once the answer is sent. */
async function actions(query = ''): Promise<Json[]> {
  await new Promise((r) => setTimeout(r, 100));
  const r = await admin('GET', `/audit/actions${query}`);
  expect(r.status).toBe(200);
  return r.body.actions as Json[];
}

describe('admin actions in the audit trail', () => {
  it('names an audited action for every changing admin route', async () => {
    const dir = join(import.meta.dirname);
    const declared: string[] = [];
    for (const name of (await readdir(dir)).filter((n) => /^admin.*\.ts$/.test(n) && !n.includes('.test.'))) {
      const src = await readFile(join(dir, name), 'utf8');
      for (const m of src.matchAll(/router\.(post|put|patch|delete)\('([^']+)'/g)) declared.push(`${m[1]!.toUpperCase()} ${m[2]}`);
    }
    expect(declared.length).toBeGreaterThanOrEqual(10);
    expect(declared.filter((d) => !ADMIN_ROUTE_ACTIONS[d])).toEqual([]);
  });

  it('records who, what and the outcome of changes, successful or refused, and never the token', async () => {
    const docId = [...t.server.indexes.current.state.docs.keys()].find((id) => !id.includes('noi-bo'))!;
    expect((await admin('PATCH', `/documents/${encodeURIComponent(docId)}`, { audience: 'internal' })).status).toBe(200);
    const refused = await admin('DELETE', `/documents/${encodeURIComponent(docId)}`);
    expect(refused.status).toBe(409);
    expect((await admin('POST', '/versions/khong-co-phien-ban-nay/rollback')).status).toBe(404);
    const upload = new FormData();
    upload.append('files', new Blob(['THÔNG BÁO\nLịch tiếp công dân của xã Thử Nghiệm Kiểm Toán vào sáng thứ Hai hằng tuần.\n']), 'thong-bao-kiem-toan.txt');
    upload.append('reindex', 'false');
    const saved = await call('POST', '/api/admin/documents', { token: ADMIN_TOKEN, form: upload });
    expect(saved.status).toBe(201);
    // A citizen is refused before any route: nothing was done, nothing is recorded as an admin action.
    expect((await call('PATCH', `/api/admin/documents/${encodeURIComponent(docId)}`, { body: { audience: 'public' } })).status).toBe(401);

    const all = await actions();
    const by = (action: string) => all.filter((a) => a.action === action);
    const [patch] = by('document.metadata');
    expect(patch).toMatchObject({ outcome: 'ok', status: 200, targets: [docId], detail: 'audience=internal' });
    expect(patch!.user).toMatch(/^[0-9a-f]{16}$/);
    expect(by('document.delete')[0]).toMatchObject({ outcome: 'error', code: 'NOT_DELETABLE', status: 409, targets: [docId], user: patch!.user });
    expect(by('version.rollback')[0]).toMatchObject({ outcome: 'error', code: 'VERSION_NOT_FOUND', targets: ['khong-co-phien-ban-nay'] });
    expect(by('document.upload')[0]).toMatchObject({ outcome: 'ok', status: 201, targets: ['thong-bao-kiem-toan.txt'] });
    expect(all.filter((a) => a.detail === 'audience=public')).toEqual([]);

    // Filters and the CSV export.
    expect((await actions('?outcome=error')).every((a) => a.outcome === 'error')).toBe(true);
    expect((await actions('?action=document.metadata')).map((a) => a.action)).toEqual(['document.metadata']);
    expect(await actions(`?user=${patch!.user}&action=document.upload`)).toHaveLength(1);
    const csv = await admin('GET', '/audit/actions?format=csv&action=document.delete');
    expect(csv.text.split('\r\n')[0]).toBe('id,time,user,action,targets,outcome,code,status,detail');
    expect(csv.text).toContain('NOT_DELETABLE');
    expect((await admin('GET', '/audit/actions?action=khong-co')).status).toBe(400);

    // The token itself is nowhere in the trail.
    const files = await readdir(t.config.AUDIT_DIR);
    const trail = (await Promise.all(files.map((f) => readFile(join(t.config.AUDIT_DIR, f), 'utf8')))).join('');
    expect(trail).toContain('"type":"admin"');
    expect(trail).not.toContain(ADMIN_TOKEN);
  }, 60_000);
});

describe('feedback for admins', () => {
  it('lists feedback with its question, cited titles and comment, and keeps the "Đã xử lý" mark', async () => {
    const chat = await call('POST', '/api/chat', { body: { message: 'Đăng ký khai sinh cần giấy tờ gì?' } });
    expect(chat.status).toBe(200);
    const exchangeId = chat.body.exchangeId as string;
    expect((await call('POST', '/api/feedback', { body: { exchangeId, useful: false, comment: 'Thiếu mẫu tờ khai, gọi tôi số 0912345678' } })).status).toBe(204);

    const list = await admin('GET', '/feedback');
    expect(list.status).toBe(200);
    const item = (list.body.feedback as Json[]).find((f) => f.exchangeId === exchangeId)!;
    expect(item).toMatchObject({ question: 'Đăng ký khai sinh cần giấy tờ gì?', useful: false, outcome: chat.body.refused ? 'refused' : 'answered' });
    expect(item.comment).toContain('Thiếu mẫu tờ khai');
    expect(item.comment).not.toContain('0912345678');
    expect(item.handled).toBeUndefined();
    if (item.outcome === 'answered') {
      expect(item.citations.length).toBeGreaterThan(0);
      expect(item.citations.every((c: Json) => typeof c.title === 'string' && c.title.length > 0)).toBe(true);
    }

    const marked = await admin('PUT', `/feedback/${exchangeId}/handled`, { handled: true });
    expect(marked.body).toEqual({ exchangeId, handled: true });
    expect((await admin('PUT', '/feedback/00000000-0000-4000-8000-000000000000/handled', { handled: true })).status).toBe(404);
    expect((await admin('PUT', `/feedback/${exchangeId}/handled`, { handled: 'yes' })).status).toBe(400);

    const after = (await admin('GET', '/feedback?handled=true')).body.feedback as Json[];
    expect(after.find((f) => f.exchangeId === exchangeId)?.handled?.by).toMatch(/^[0-9a-f]{16}$/);
    expect(((await admin('GET', '/feedback?handled=false')).body.feedback as Json[]).some((f) => f.exchangeId === exchangeId)).toBe(false);

    // Stored in the trail's files: a new sink on them (a restart) sees the mark.
    const reopened = new JsonlAuditSink({ dir: t.config.AUDIT_DIR, dayOffsetMinutes: 420 });
    let seen: Json | undefined;
    for await (const r of reopened.query({})) if (r.id === exchangeId) seen = r;
    expect(seen?.feedback?.handled?.by).toBe(after.find((f) => f.exchangeId === exchangeId)?.handled?.by);

    // Clearing the mark is stored too, and both are audited admin actions.
    await admin('PUT', `/feedback/${exchangeId}/handled`, { handled: false });
    expect(((await admin('GET', '/feedback?handled=false')).body.feedback as Json[]).some((f) => f.exchangeId === exchangeId)).toBe(true);
    const marks = await actions('?action=feedback.handled');
    expect(marks.map((a) => [a.outcome, a.detail])).toEqual([['ok', 'handled=true'], ['error', 'handled=true'], ['error', 'handled=yes'], ['ok', 'handled=false']]);
    expect(marks[0]!.targets).toEqual([exchangeId]);
  }, 60_000);

  it('shows document titles beside ids in the usage stats', async () => {
    const stats = await admin('GET', '/stats');
    expect(stats.status).toBe(200);
    const top = stats.body.topDocuments as Json[];
    expect(top.length).toBeGreaterThan(0);
    for (const d of top) expect(d.title).toBe(t.server.indexes.current.document(d.docId as string)?.title);
    expect(top.some((d) => typeof d.title === 'string' && d.title.length > 0)).toBe(true);
  });
});
