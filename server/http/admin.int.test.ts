/**
 * Admin endpoints against the real server: upload → re-index → answer from the new
 * document, metadata changes that apply at once, delete, jobs, the audit trail (JSON and
 * CSV) and usage statistics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { docIdFor } from '../../core/ids.ts';
import { ADMIN_TOKEN, OFFICIAL_TOKEN, startTestServer, type TestServer } from '../testing/test-server.ts';
import { callApi, type CallOptions, type Json } from '../testing/call-api.ts';

let t: TestServer;
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

beforeAll(async () => {
  t = await startTestServer({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000', METRICS_TOKEN: METRICS_TOKEN });
});

afterAll(async () => {
  await t?.close();
});

const call = (method: string, path: string, opts: CallOptions = {}) => callApi(t.url, method, path, opts);

async function waitForJob(id: string): Promise<Json> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await call('GET', `/api/admin/jobs/${id}`, { token: ADMIN_TOKEN });
    if (r.body.status === 'succeeded' || r.body.status === 'failed') return r.body;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${r.body.status}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** Wait until the server serves a version other than `before`. */
async function waitForVersion(before: string | undefined): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (t.server.indexes.version === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

const NEW_DOC = [
  'THÔNG BÁO',
  'Về lịch tiếp công dân định kỳ tại xã Trà Phong Thử Nghiệm',
  '1. Ủy ban nhân dân xã Trà Phong Thử Nghiệm tiếp công dân định kỳ vào sáng thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ.',
  '2. Địa điểm tiếp công dân: Hội trường Ủy ban nhân dân xã Trà Phong Thử Nghiệm.',
  '',
].join('\n');

function form(files: Array<[string, string | Uint8Array]>, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [name, content] of files) f.append('files', new Blob([content]), name);
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe('upload → re-index → answer', () => {
  let docId: string;

  it('stores an upload, re-indexes without stopping answers, and answers from the new document', async () => {
    const question = { message: 'Xã Trà Phong Thử Nghiệm tiếp công dân vào thời gian nào?' };
    const before = await call('POST', '/api/chat', { body: question });
    expect(JSON.stringify(before.body.citations)).not.toContain('Trà Phong');

    const version = t.server.indexes.version;
    const up = await call('POST', '/api/admin/documents', { token: ADMIN_TOKEN, form: form([['Thông báo lịch tiếp công dân.txt', NEW_DOC]], { metadata: JSON.stringify({ type: 'thông báo' }) }) });
    expect(up.status).toBe(201);
    expect(up.body.files[0].fileName).toBe('Thông báo lịch tiếp công dân.txt');
    docId = up.body.files[0].docId as string;

    // Answers keep coming while the job runs.
    const during = await Promise.all([1, 2, 3].map(() => call('POST', '/api/chat', { body: { message: 'Đăng ký khai sinh cần giấy tờ gì?' } })));
    expect(during.map((r) => r.status)).toEqual([200, 200, 200]);

    const job = await waitForJob(up.body.job.id as string);
    expect(job.status).toBe('succeeded');
    expect(job.summary.added).toBe(1);
    await waitForVersion(version);
    expect(t.server.indexes.version).not.toBe(version);

    const after = await call('POST', '/api/chat', { body: question });
    expect(after.body.refused).toBe(false);
    expect(after.body.answer).toContain('thứ Năm');
    expect(after.body.citations[0].docId).toBe(docId);
    expect((await call('GET', `/api/documents/${docId}`)).status).toBe(200);
    expect((await call('GET', '/api/admin/uploads', { token: ADMIN_TOKEN })).body.files.map((f: Json) => f.docId)).toContain(docId);
  });

  it('applies metadata at once: an internal document disappears for citizens without re-indexing', async () => {
    const version = t.server.indexes.version;
    const patched = await call('PATCH', `/api/admin/documents/${docId}`, { token: ADMIN_TOKEN, body: { audience: 'internal' } });
    expect(patched.status).toBe(200);
    expect(patched.body.audience).toBe('internal');
    expect(t.server.indexes.version).toBe(version);
    expect((await call('GET', `/api/documents/${docId}`)).status).toBe(404);
    const search = await call('POST', '/api/search', { body: { query: 'tiếp công dân xã Trà Phong Thử Nghiệm' } });
    expect(search.body.results.map((r: Json) => r.docId)).not.toContain(docId);
    const official = await call('POST', '/api/search', { body: { query: 'tiếp công dân xã Trà Phong Thử Nghiệm' }, token: OFFICIAL_TOKEN });
    expect(official.body.results[0].docId).toBe(docId);

    const bad = await call('PATCH', `/api/admin/documents/${docId}`, { token: ADMIN_TOKEN, body: { audience: 'everyone' } });
    expect(bad.status).toBe(400);
    expect((await call('PATCH', '/api/admin/documents/khong-co', { token: ADMIN_TOKEN, body: { status: 'expired' } })).status).toBe(404);
    expect((await call('PATCH', `/api/admin/documents/${docId}`, { token: OFFICIAL_TOKEN, body: { audience: 'public' } })).status).toBe(403);
    await call('PATCH', `/api/admin/documents/${docId}`, { token: ADMIN_TOKEN, body: { audience: 'public' } });
    expect((await call('GET', `/api/documents/${docId}`)).status).toBe(200);
  });

  it('refuses a second file of the same name unless replace=true, and bad uploads with nothing stored', async () => {
    const dup = await call('POST', '/api/admin/documents', { token: ADMIN_TOKEN, form: form([['Thông báo lịch tiếp công dân.txt', NEW_DOC]], { reindex: 'false' }) });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toMatch(/trùng|cùng tên/);
    const before = await readdir(t.config.UPLOAD_DIR);
    const mixed = await call('POST', '/api/admin/documents', { token: ADMIN_TOKEN, form: form([['tot.txt', NEW_DOC], ['hong.pdf', 'không phải PDF']], { reindex: 'false' }) });
    expect(mixed.status).toBe(422);
    expect(mixed.body.code).toBe('PDF_CORRUPT');
    expect(await readdir(t.config.UPLOAD_DIR)).toEqual(before);
    const exe = await call('POST', '/api/admin/documents', { token: ADMIN_TOKEN, form: form([['setup.exe', 'MZ']], { reindex: 'false' }) });
    expect(exe.status).toBe(415);
    const none = await call('POST', '/api/admin/documents', { token: ADMIN_TOKEN, form: form([], { reindex: 'false' }) });
    expect(none.status).toBe(400);
    const json = await call('POST', '/api/admin/documents', { token: ADMIN_TOKEN, body: { files: [] } });
    expect(json.status).toBe(415);
  });

  it('deletes an uploaded document and re-indexes; shipped documents cannot be deleted', async () => {
    const version = t.server.indexes.version;
    const del = await call('DELETE', `/api/admin/documents/${docId}`, { token: ADMIN_TOKEN });
    expect(del.status).toBe(202);
    const job = await waitForJob(del.body.job.id as string);
    expect(job.summary.removed).toBe(1);
    await waitForVersion(version);
    expect((await call('GET', `/api/documents/${docId}`)).status).toBe(404);

    const shipped = (await call('GET', '/api/documents?limit=200', { token: ADMIN_TOKEN })).body.documents.find((d: Json) => d.sourceId.startsWith('quang-ngai/'));
    const refused = await call('DELETE', `/api/admin/documents/${shipped.id}`, { token: ADMIN_TOKEN });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOT_DELETABLE');
    expect(refused.body.message).toContain('kho văn bản có sẵn (corpora/)');
    expect(refused.body.origin).toBe('shipped');
  });
});

describe('deleting one record of an uploaded JSONL file', () => {
  const record = (id: string, subject: string) => JSON.stringify({ id, title: `Thông báo ${id}`, text: `Thông báo ${id}: ${subject} tại xã Ba Động Thử Nghiệm.` });
  const records = [record('TB-BD-01', 'lịch tiêm chủng mở rộng'), record('TB-BD-02', 'lịch thu gom rác thải'), record('TB-BD-03', 'lịch cắt điện luân phiên')];

  it('removes that record only: the file is rewritten without it, the other records stay indexed', async () => {
    const up = await call('POST', '/api/admin/documents', { token: ADMIN_TOKEN, form: form([['thong-bao-ba-dong.jsonl', `${records.join('\n')}\n`]]) });
    expect(up.status).toBe(201);
    expect(up.body.files[0]).toMatchObject({ kind: 'records', check: 'passed', documents: 3 });
    await waitForJob(up.body.job.id as string);
    await waitForVersion(undefined);
    const ids = ['TB-BD-01', 'TB-BD-02', 'TB-BD-03'].map(docIdFor);
    const served = () => ids.filter((id) => t.server.indexes.current.state.docs.has(id));
    const deadline = Date.now() + 10_000;
    while (served().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(served()).toEqual(ids);

    const version = t.server.indexes.version;
    const del = await call('DELETE', `/api/admin/documents/${ids[1]}`, { token: ADMIN_TOKEN });
    expect(del.status).toBe(202);
    expect(del.body).toMatchObject({ fileName: 'thong-bao-ba-dong.jsonl', removed: 'record', lines: [2] });
    const job = await waitForJob(del.body.job.id as string);
    expect(job).toMatchObject({ status: 'succeeded', options: { expectedRemovals: [ids[1]] }, summary: { removed: 1, added: 0, updated: 0 } });
    await waitForVersion(version);
    expect(served()).toEqual([ids[0], ids[2]]);
    expect(await readFile(join(t.config.UPLOAD_DIR, 'thong-bao-ba-dong.jsonl'), 'utf8')).toBe(`${records[0]}\n${records[2]}\n`);
    expect((await call('DELETE', `/api/admin/documents/${ids[1]}`, { token: ADMIN_TOKEN })).status).toBe(404);
  });

  it('answers 409 with why for a record of a file the server did not receive as an upload', async () => {
    // The test corpus's TTHC slice is a CORPUS_PATHS file: its records are not the admin API's to delete.
    const procedure = [...t.server.indexes.current.state.docs.values()].find((d) => d.file.endsWith('tthc.jsonl'))!;
    const refused = await call('DELETE', `/api/admin/documents/${procedure.id}`, { token: ADMIN_TOKEN });
    expect(refused).toMatchObject({ status: 409, body: { code: 'NOT_DELETABLE', origin: 'corpus_paths' } });
    expect(refused.body.message).toContain('CORPUS_PATHS');
    expect(refused.body.message).toContain('bản ghi trong một tệp JSONL');
  });
});

describe('jobs', () => {
  it('starts one job at a time and reports progress and result', async () => {
    const first = await call('POST', '/api/admin/reindex', { token: ADMIN_TOKEN, body: {} });
    expect(first.status).toBe(202);
    const second = await call('POST', '/api/admin/reindex', { token: ADMIN_TOKEN, body: {} });
    if (second.status === 409) expect(second.body.job.id).toBe(first.body.job.id);
    else expect(second.status).toBe(202); // the first (a no-op) had already finished
    const done = await waitForJob(first.body.job.id as string);
    expect(done).toMatchObject({ status: 'succeeded', kind: 'reindex' });
    expect(done.progress.percent).toBe(100);
    const list = await call('GET', '/api/admin/jobs', { token: ADMIN_TOKEN });
    expect(list.body.jobs.map((j: Json) => j.id)).toContain(first.body.job.id);
    expect((await call('GET', '/api/admin/jobs/khong-co', { token: ADMIN_TOKEN })).status).toBe(404);
    expect((await call('POST', '/api/admin/reindex', { token: ADMIN_TOKEN, body: { rebuild: 'yes' } })).status).toBe(400);
  });
});

describe('cancelling and removing', () => {
  it('cancels a running job, which leaves the served version as it was', async () => {
    const version = t.server.indexes.version;
    const started = await call('POST', '/api/admin/reindex', { token: ADMIN_TOKEN, body: { rebuild: true } });
    expect(started.status).toBe(202);
    const cancelled = await call('DELETE', `/api/admin/jobs/${started.body.job.id}`, { token: ADMIN_TOKEN });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'failed', error: { code: 'JOB_CANCELLED' } });
    expect(cancelled.body.error.message).toMatch(/hủy/);
    expect(t.server.indexes.version).toBe(version);
    expect((await call('DELETE', `/api/admin/jobs/${started.body.job.id}`, { token: ADMIN_TOKEN })).status).toBe(404);
  });

  it('removes a stored upload by file name, and answers 404 for unknown or unsafe names', async () => {
    const up = await call('POST', '/api/admin/documents', { token: ADMIN_TOKEN, form: form([['tam-thoi.txt', NEW_DOC]], { reindex: 'false' }) });
    expect(up.status).toBe(201);
    expect(await readdir(t.config.UPLOAD_DIR)).toContain('tam-thoi.txt');
    const del = await call('DELETE', '/api/admin/uploads/tam-thoi.txt', { token: ADMIN_TOKEN });
    expect(del.status).toBe(202);
    expect(await readdir(t.config.UPLOAD_DIR)).not.toContain('tam-thoi.txt');
    await waitForJob(del.body.job.id as string);
    expect((await call('DELETE', '/api/admin/uploads/khong-co.txt', { token: ADMIN_TOKEN })).status).toBe(404);
    expect((await call('DELETE', `/api/admin/uploads/${encodeURIComponent('../state/jobs.json')}`, { token: ADMIN_TOKEN })).status).toBeGreaterThanOrEqual(400);
    expect(await readdir(t.config.STATE_DIR)).toContain('jobs.json');
  });
});

describe('audit trail and statistics', () => {
  it('exports the trail as CSV without personal data and with formula cells neutralised', async () => {
    await call('POST', '/api/chat', { body: { message: '=HYPERLINK("x") số CCCD của tôi là 051203004567, đăng ký thường trú cần gì?' } });
    const csv = await call('GET', '/api/admin/audit?format=csv', { token: ADMIN_TOKEN });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="nhat-ky-/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,time,role,user,conversationId,question,outcome,reason,answerer,latencyMs,answerChars,citations,retrieved,decisions,feedbackUseful,feedbackComment');
    expect(lines.length).toBeGreaterThan(3);
    expect(csv.text).not.toContain('051203004567');
    expect(csv.text).toMatch(/,"?'=HYPERLINK/);
    expect(csv.text).not.toMatch(/,"?=HYPERLINK/);

    const refused = await call('GET', '/api/admin/audit?format=json&outcome=refused', { token: ADMIN_TOKEN });
    expect(refused.body.records.every((r: Json) => r.outcome === 'refused')).toBe(true);
    expect((await call('GET', '/api/admin/audit?from=hôm-qua', { token: ADMIN_TOKEN })).status).toBe(400);
    expect((await call('GET', '/api/admin/audit', { token: OFFICIAL_TOKEN })).status).toBe(403);
  });

  it('reports usage statistics', async () => {
    await call('POST', '/api/chat', { body: { message: 'Thủ tục nuôi cá sấu trên sao Hỏa cần gì?' } });
    const stats = await call('GET', '/api/admin/stats', { token: ADMIN_TOKEN });
    expect(stats.status).toBe(200);
    const total = Object.values(stats.body.questionsPerDay as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(3);
    expect(stats.body.topDocuments.length).toBeGreaterThan(0);
    expect(stats.body.notFound.length).toBeGreaterThan(0);
  });
});

describe('metrics behind METRICS_TOKEN', () => {
  it('needs the metrics token when one is configured, and counts re-index runs', async () => {
    expect((await call('GET', '/metrics')).status).toBe(401);
    expect((await call('GET', '/metrics', { token: ADMIN_TOKEN })).status).toBe(401);
    const m = await call('GET', '/metrics', { token: METRICS_TOKEN });
    expect(m.status).toBe(200);
    expect(m.text).toMatch(/assistant_reindex_runs_total\{status="succeeded"\} [1-9]/);
  });
});
