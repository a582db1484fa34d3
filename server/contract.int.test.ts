/**
 * The contract between the server and its clients: every public endpoint and socket.io
 * event of the real server, called as citizen, official and admin, each response checked
 * against the schema the OpenAPI document declares for that route and status (the schemas
 * of protocol/), with no undeclared field allowed. The last test checks that every
 * success response the document declares was seen; at the end of the file, the types the
 * server computes are checked against the protocol's at compile time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../ingest/pipeline.ts';
import { io as connect, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import type { Job, JobOptions } from '../protocol/admin/jobs.ts';
import type { IndexSource } from '../protocol/admin/sources.ts';
import type { OverridesHealth } from '../protocol/admin/status.ts';
import type { IndexVersion } from '../protocol/admin/versions.ts';
import type { OverridesHealth as ServerOverridesHealth } from './admin/metadata-overrides.ts';
import type { VersionInfo as ServerVersionInfo } from '../index/versions.ts';
import type { RootSummary as ServerRootSummary } from '../index/roots.ts';
import type { JobRequest } from './jobs/reindex-jobs.ts';
import type { SavedFile, StoredFile, UploadProblem } from '../protocol/admin/uploads.ts';
import type { ChatRequest, ChatResponse } from '../protocol/chat.ts';
import type { DraftResponse } from '../protocol/draft.ts';
import { ErrorBody } from '../protocol/errors.ts';
import type { SearchRequest, SearchResponse } from '../protocol/search.ts';
import {
  AnswerEvent, AskAck, CancelAck, ErrorEvent, JobEvent, TokenEvent, type ClientToServerEvents, type ServerToClientEvents,
} from '../protocol/socket.ts';
import { strictDeep } from '../protocol/testing/strict-deep.ts';
import type { Assert, Fits, Same } from '../protocol/type-equality.ts';
import type { SaveResult, StoredFile as ServerStoredFile } from './admin/uploads.ts';
import type { ChatRequest as ServerChatRequest, ChatResponse as ServerChatResponse, SearchRequest as ServerSearchRequest, SearchResponse as ServerSearchResponse } from './assistant.ts';
import type { DraftResult } from './drafting/service.ts';
import { apiRoutes } from './http/openapi.ts';
import { ADMIN_TOKEN, OFFICIAL_TOKEN, startTestServer, type TestServer } from './testing/test-server.ts';

let t: TestServer;
const sockets: Socket[] = [];
/** `METHOD /path/{param} status` of every response checked. */
const seen = new Set<string>();
/** Socket.io events (and acknowledgements) checked. */
const seenEvents = new Set<string>();

beforeAll(async () => {
  t = await startTestServer({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000', SOCKET_MAX_PER_IP: '30' });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Caller = 'citizen' | 'official' | 'admin';
const TOKENS: Record<Caller, string | undefined> = { citizen: undefined, official: OFFICIAL_TOKEN, admin: ADMIN_TOKEN };

interface Call {
  as: Caller;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  form?: FormData;
}

/** Check `value` against `schema` with every object strict; the message lists the problems. */
function expectShape(schema: z.ZodTypeAny, value: unknown, what: string): void {
  const r = strictDeep(schema).safeParse(value);
  expect(r.success, `${what}: ${JSON.stringify(r.error?.issues)} in ${JSON.stringify(value).slice(0, 500)}`).toBe(true);
}

/**
 * Call `template` (an OpenAPI path) as `as`, and check the response against what the
 * document declares for its status: the content type, and for JSON the schema.
 */
async function call(method: string, template: string, opts: Call): Promise<{ status: number; body: Json; headers: Headers }> {
  let path = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(opts.params?.[name] ?? ''));
  if (opts.query) path += `?${new URLSearchParams(opts.query).toString()}`;
  const headers: Record<string, string> = {};
  const token = TOKENS[opts.as];
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.url}${path}`, {
    method: method.toUpperCase(), headers, ...(opts.form ? { body: opts.form } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const what = `${method.toUpperCase()} ${template} ${res.status} as ${opts.as}`;
  const route = apiRoutes().find((r) => r.method === method.toLowerCase() && r.path === template);
  expect(route, `${method} ${template} is not in the OpenAPI document`).toBeDefined();
  const declared = route!.responses[res.status] as { content?: Record<string, { schema: z.ZodTypeAny }> } | undefined;
  expect(declared, `${what}: status not declared`).toBeDefined();
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  let body: Json = {};
  if (!declared!.content) {
    expect(bytes.length, `${what}: a body where none is declared`).toBe(0);
  } else {
    expect(Object.keys(declared!.content), `${what}: content type ${type}`).toContain(type);
    if (type === 'application/json') {
      body = JSON.parse(bytes.toString('utf8')) as Json;
      expectShape(declared!.content[type]!.schema, body, what);
    }
  }
  seen.add(`${method.toUpperCase()} ${template} ${res.status}`);
  return { status: res.status, body, headers: res.headers };
}

function client(as: Caller, token = TOKENS[as]): Socket<ServerToClientEvents, ClientToServerEvents> {
  const s: Socket<ServerToClientEvents, ClientToServerEvents> = connect(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: token ? { token } : {} });
  sockets.push(s);
  return s;
}

function connected(s: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (s.connected) return resolve();
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
}

/** Wait until job `id` ends and, when it published an index version, until the server serves it. */
async function waitForJob(id: string): Promise<Json> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await call('get', '/api/admin/jobs/{id}', { as: 'admin', params: { id } });
    if (r.body.status === 'succeeded' || r.body.status === 'failed') {
      const version = r.body.summary?.published ? r.body.summary.version as string : undefined;
      while (version && (await call('get', '/readyz', { as: 'citizen' })).body.index?.version !== version) {
        if (Date.now() > deadline) throw new Error(`version ${version} of job ${id} not served`);
        await new Promise((res) => setTimeout(res, 50));
      }
      return r.body;
    }
    if (Date.now() > deadline) throw new Error(`job ${id} still ${String(r.body.status)}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

const CONTRACT_DOC = [
  'THÔNG BÁO',
  'Về lịch tiếp nhận hồ sơ cấp phép khai thác cát tại xã Nghĩa Kỳ Hợp Đồng',
  '1. Ủy ban nhân dân xã Nghĩa Kỳ Hợp Đồng tiếp nhận hồ sơ cấp phép khai thác cát vào thứ Ba hằng tuần.',
  '2. Thời hạn giải quyết hồ sơ cấp phép khai thác cát là 10 ngày làm việc.',
  '3. Thông báo này thay thế Thông báo số 12/TB-UBND.',
  '',
].join('\n');

function upload(name: string, content: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.append('files', new Blob([content]), name);
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

const DRAFT_REQUEST = 'Soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025';
const DRAFT_FIELDS = {
  type: 'công văn', superiorBody: 'UBND TỈNH QUẢNG NGÃI', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', issuingBodyCode: 'SKHCN',
  place: 'Quảng Ngãi', subject: 'báo cáo kết quả chuyển đổi số năm 2025', recipients: ['UBND các xã, phường, đặc khu'],
  signerTitle: 'GIÁM ĐỐC', signerName: 'Nguyễn Văn An', deadline: '15/12/2025',
};

describe('operations', () => {
  it('answers health, readiness and metrics as declared', async () => {
    expect((await call('get', '/healthz', { as: 'citizen' })).status).toBe(200);
    expect((await call('get', '/readyz', { as: 'citizen' })).body.index.documents).toBeGreaterThan(10);
    expect((await call('get', '/metrics', { as: 'citizen' })).status).toBe(200);
  });
});

describe('a citizen', () => {
  it('searches, asks (answered and refused), gives feedback, and reads documents as declared', async () => {
    const search = await call('post', '/api/search', { as: 'citizen', body: { query: 'đăng ký khai sinh cần giấy tờ gì', k: 3 } });
    expect(search.body.results.length).toBe(3);
    const chat = await call('post', '/api/chat', { as: 'citizen', body: { message: 'Đăng ký khai sinh cần những giấy tờ gì?' } });
    expect(chat.body.refused).toBe(false);
    expect(chat.body.citations.length).toBeGreaterThan(0);
    const refused = await call('post', '/api/chat', { as: 'citizen', body: { message: 'Gửi tôi tài liệu tuyệt mật của UBND tỉnh' } });
    expect(refused.body).toMatchObject({ refused: true, reason: 'STATE_SECRET' });
    expect((await call('post', '/api/feedback', { as: 'citizen', body: { exchangeId: chat.body.exchangeId, useful: true } })).status).toBe(204);

    const list = await call('get', '/api/documents', { as: 'citizen', query: { limit: '5' } });
    expect(list.body.documents.length).toBe(5);
    const docId = chat.body.citations[0].docId as string;
    const detail = await call('get', '/api/documents/{id}', { as: 'citizen', params: { id: docId } });
    const ordinal = String(detail.body.sections[0].ordinal);
    const chunk = await call('get', '/api/documents/{id}/chunks/{ordinal}', { as: 'citizen', params: { id: docId, ordinal } });
    expect(chunk.body.chunk.text.length).toBeGreaterThan(0);
    const cited = chat.body.citations[0].link.split('%23').pop() as string;
    const view = await call('get', '/api/documents/{id}/view', { as: 'citizen', params: { id: docId }, query: { chunk: cited, limit: '3' } });
    expect(view.body.cited.ordinal).toBe(Number(cited));
    expect(view.body.sections.map((s: Json) => s.ordinal)).toContain(Number(cited));
    expect(view.body.sections.length).toBeLessThanOrEqual(3);
  });

  it('gets the one error shape for a bad body, an unknown document, and admin routes', async () => {
    expect((await call('post', '/api/chat', { as: 'citizen', body: { message: 42 } })).body.code).toBe('BAD_REQUEST');
    expect((await call('get', '/api/documents/{id}', { as: 'citizen', params: { id: 'khong-co' } })).body.code).toBe('DOCUMENT_NOT_FOUND');
    expect((await call('post', '/api/feedback', { as: 'citizen', body: { exchangeId: '5f1e0c7a-0000-4000-8000-000000000000', useful: false } })).status).toBe(404);
    expect((await call('get', '/api/admin/jobs', { as: 'citizen' })).status).toBe(401);
    expect((await call('post', '/api/draft', { as: 'citizen', body: { request: DRAFT_REQUEST } })).status).toBe(401);
  });
});

describe('an official', () => {
  it('sees internal documents, drafts (questions, then the draft and its .docx), and is refused admin routes', async () => {
    const internal = await call('get', '/api/documents', { as: 'official', query: { q: 'Sông Vệ' } });
    expect(internal.body.documents[0]?.audience).toBe('internal');
    const internalId = internal.body.documents[0].id as string;
    const view = await call('get', '/api/documents/{id}/view', { as: 'official', params: { id: internalId } });
    expect(view.body).toMatchObject({ document: { audience: 'internal' }, offset: 0 });
    expect(view.body.sections.length).toBe(view.body.total);
    expect((await call('get', '/api/documents/{id}/view', { as: 'citizen', params: { id: internalId } })).status).toBe(404);
    const asked = await call('post', '/api/draft', { as: 'official', body: { request: DRAFT_REQUEST } });
    expect(asked.body.status).toBe('needs_input');
    const drafted = await call('post', '/api/draft', { as: 'official', body: { request: DRAFT_REQUEST, fields: DRAFT_FIELDS } });
    expect(drafted.body.status).toBe('drafted');
    const docx = await call('get', '/api/drafts/{id}.docx', { as: 'official', params: { id: drafted.body.id } });
    expect(docx.status).toBe(200);
    expect((await call('get', '/api/admin/stats', { as: 'official' })).status).toBe(403);
  });
});

describe('an admin', () => {
  let docId = '';
  let fileName = '';

  it('uploads a document (201 with its job), meets the running job on a second request (409), and follows it', async () => {
    expect((await call('get', '/api/admin/uploads', { as: 'admin' })).body.files).toEqual([]);
    const up = await call('post', '/api/admin/documents', { as: 'admin', form: upload('thong-bao-khai-thac-cat.txt', CONTRACT_DOC, { metadata: JSON.stringify({ type: 'thông báo' }) }) });
    expect(up.status).toBe(201);
    docId = up.body.files[0].docId as string;
    fileName = up.body.files[0].fileName as string;
    const conflict = await call('post', '/api/admin/reindex', { as: 'admin', body: {} });
    if (conflict.status === 409) expect(conflict.body.job.id).toBe(up.body.job.id);
    else await waitForJob(conflict.body.job.id as string);
    expect((await waitForJob(up.body.job.id as string)).status).toBe('succeeded');
    expect((await call('get', '/api/admin/jobs', { as: 'admin' })).body.jobs.length).toBeGreaterThan(0);
    const stored = await call('get', '/api/admin/uploads', { as: 'admin' });
    expect(stored.body.files.map((f: Json) => f.fileName)).toEqual([fileName]);
  });

  it('is told why an upload is refused, per file', async () => {
    const dup = await call('post', '/api/admin/documents', { as: 'admin', form: upload('thong-bao-khai-thac-cat.txt', CONTRACT_DOC, { reindex: 'false' }) });
    expect(dup.status).toBe(409);
    expect(dup.body.files[0].code).toBe('FILE_EXISTS');
    const empty = await call('post', '/api/admin/documents', { as: 'admin', form: upload('rong.txt', '', { reindex: 'false' }) });
    expect(empty.status).toBe(422);
  });

  it('changes a document, reads the audit trail (JSON and CSV) and the statistics', async () => {
    const patched = await call('patch', '/api/admin/documents/{id}', { as: 'admin', params: { id: docId }, body: { audience: 'internal', supersedes: ['12/TB-UBND'] } });
    expect(patched.body).toMatchObject({ id: docId, audience: 'internal', supersedes: ['12/TB-UBND'] });
    const links = await call('get', '/api/admin/links', { as: 'admin', query: { docId } });
    const link = (links.body.links as Array<{ id: string; targetNumber: string }>).find((l) => l.targetNumber === '12/TB-UBND')!;
    expect((await call('put', '/api/admin/links/{id}', { as: 'admin', params: { id: link.id }, body: { decision: 'rejected' } })).body.state).toBe('rejected');
    expect((await call('delete', '/api/admin/links/{id}', { as: 'admin', params: { id: link.id } })).body.state).toBe('unmatched');
    const audit = await call('get', '/api/admin/audit', { as: 'admin', query: { format: 'json' } });
    expect(audit.body.records.length).toBeGreaterThan(0);
    const csv = await call('get', '/api/admin/audit', { as: 'admin', query: { format: 'csv' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const stats = await call('get', '/api/admin/stats', { as: 'admin' });
    expect(Object.keys(stats.body.questionsPerDay).length).toBeGreaterThan(0);
    // The feedback given above, marked handled, and the admin actions of this test in their own trail.
    const feedback = await call('get', '/api/admin/feedback', { as: 'admin' });
    const item = (feedback.body.feedback as Array<{ exchangeId: string }>)[0]!;
    expect(item).toBeDefined();
    const marked = await call('put', '/api/admin/feedback/{id}/handled', { as: 'admin', params: { id: item.exchangeId }, body: { handled: true } });
    expect(marked.status).toBe(200);
    const actions = await call('get', '/api/admin/audit/actions', { as: 'admin', query: { format: 'json' } });
    expect(JSON.stringify(actions.body)).toContain('feedback.handled');
  });

  it('cancels a running job, deletes a document and an upload (202 with the re-index)', async () => {
    const started = await call('post', '/api/admin/reindex', { as: 'admin', body: { rebuild: true } });
    expect(started.status).toBe(202);
    const cancelled = await call('delete', '/api/admin/jobs/{id}', { as: 'admin', params: { id: started.body.job.id } });
    expect(cancelled.status).toBe(200);
    expect((await waitForJob(started.body.job.id as string)).status).toBe('failed');

    const removed = await call('delete', '/api/admin/documents/{id}', { as: 'admin', params: { id: docId } });
    expect(removed.status).toBe(202);
    await waitForJob(removed.body.job.id as string);
    const shipped = await call('get', '/api/documents', { as: 'admin', query: { limit: '1' } });
    const notDeletable = await call('delete', '/api/admin/documents/{id}', { as: 'admin', params: { id: shipped.body.documents[0].id } });
    expect(notDeletable.body.code).toBe('NOT_DELETABLE');

    const put = await call('post', '/api/admin/documents', { as: 'admin', form: upload('tam-thoi.txt', CONTRACT_DOC, { reindex: 'false' }) });
    const gone = await call('delete', '/api/admin/uploads/{fileName}', { as: 'admin', params: { fileName: put.body.files[0].fileName } });
    expect(gone.status).toBe(202);
    await waitForJob(gone.body.job.id as string);
    expect((await call('get', '/api/admin/jobs/{id}', { as: 'admin', params: { id: 'khong-co' } })).status).toBe(404);
  });
});

describe('an admin managing the index', () => {
  it('lists sources, previews and confirms a removal, lists versions, rolls back, reads the status and repairs the overrides, as declared', async () => {
    // A source the CLI added: the only kind the admin API may remove.
    const extra = join(t.work, 'them-bang-dong-lenh');
    await mkdir(extra, { recursive: true });
    await writeFile(join(extra, 'thong-bao-them.txt'), CONTRACT_DOC.replace('khai thác cát', 'khai thác đá'));
    await ingest({ inputs: [extra], indexDir: t.config.INDEX_DIR, by: 'cli:contract' });
    await t.server.indexes.load();

    const sources = await call('get', '/api/admin/sources', { as: 'admin' });
    const added = (sources.body.sources as Json[]).find((r) => r.path === extra)!;
    expect(added).toMatchObject({ origin: 'cli', removable: true, documents: 1 });
    const shipped = (sources.body.sources as Json[]).find((r) => !r.removable)!;
    expect((await call('get', '/api/admin/sources/{id}/removal', { as: 'admin', params: { id: shipped.id } })).body.code).toBe('SOURCE_CONFIGURED');
    const preview = await call('get', '/api/admin/sources/{id}/removal', { as: 'admin', params: { id: added.id } });
    expect(preview.body.documents).toBe(1);
    const stale = await call('post', '/api/admin/sources/{id}/removal', { as: 'admin', params: { id: added.id }, body: { token: 'cu' } });
    expect(stale.body.code).toBe('PREVIEW_STALE');
    const removal = await call('post', '/api/admin/sources/{id}/removal', { as: 'admin', params: { id: added.id }, body: { token: preview.body.token } });
    expect(removal.status).toBe(202);
    expect((await waitForJob(removal.body.job.id as string)).status).toBe('succeeded');

    const versions = await call('get', '/api/admin/versions', { as: 'admin' });
    const [latest, before] = versions.body.versions as Json[];
    const back = await call('post', '/api/admin/versions/{version}/rollback', { as: 'admin', params: { version: before!.version } });
    expect(back.body).toMatchObject({ version: before!.version, switched: true });
    expect((await call('post', '/api/admin/versions/{version}/rollback', { as: 'admin', params: { version: latest!.version } })).status).toBe(200);
    expect((await call('post', '/api/admin/versions/{version}/rollback', { as: 'admin', params: { version: 'v000000-khong-co' } })).status).toBe(404);

    expect((await call('get', '/api/admin/status', { as: 'admin' })).body.overrides.mode).toBe('ok');
    expect((await call('post', '/api/admin/overrides/restore', { as: 'admin' })).status).toBe(409);
    // The overrides file (written by the PATCH above) is damaged: read again, it is served from its backup, then restored.
    await writeFile(join(t.config.STATE_DIR, 'metadata-overrides.json'), '{');
    expect((await call('post', '/api/admin/overrides/reload', { as: 'admin' })).body.mode).toBe('backup');
    expect((await call('get', '/readyz', { as: 'citizen' })).body.status).toBe('degraded');
    expect((await call('post', '/api/admin/overrides/restore', { as: 'admin' })).body.mode).toBe('ok');
    expect((await call('get', '/readyz', { as: 'citizen' })).body.status).toBe('ready');
  });
});

describe('socket.io', () => {
  it('streams tokens, then the answer, and acknowledges ask and cancel as declared', async () => {
    const s = client('citizen');
    await connected(s);
    const tokens: unknown[] = [];
    const answers: unknown[] = [];
    s.on('token', (e) => tokens.push(e));
    s.on('answer', (e) => answers.push(e));
    const ack = await s.timeout(20_000).emitWithAck('ask', { message: 'Đăng ký thường trú cần giấy tờ gì?', requestId: 'c1' });
    expectShape(AskAck, ack, 'ask acknowledgement');
    expect(ack.ok).toBe(true);
    expect(tokens.length).toBeGreaterThan(0);
    for (const e of tokens) expectShape(TokenEvent, e, 'token event');
    expect(answers).toHaveLength(1);
    expectShape(AnswerEvent, answers[0], 'answer event');
    const cancel = await s.timeout(5_000).emitWithAck('cancel', { requestId: 'none' });
    expectShape(CancelAck, cancel, 'cancel acknowledgement');
    expect(cancel).toEqual({ ok: false });
    for (const e of ['token', 'answer', 'ask ack (answer)', 'cancel ack']) seenEvents.add(e);
  });

  it('sends the error shape as an event and an acknowledgement, and in connect_error', async () => {
    const s = client('official');
    await connected(s);
    const errors: unknown[] = [];
    s.on('error', (e) => errors.push(e));
    const ack = await s.timeout(5_000).emitWithAck('ask', { message: 'x'.repeat(2001), requestId: 'long' });
    expectShape(AskAck, ack, 'ask acknowledgement');
    expect(ack).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    await new Promise((r) => setTimeout(r, 50));
    expect(errors).toHaveLength(1);
    expectShape(ErrorEvent, errors[0], 'error event');

    const refused = client('official', 'not-a-token');
    const err = await new Promise<Error & { data?: unknown }>((resolve) => refused.once('connect_error', resolve));
    expectShape(ErrorBody, err.data, 'connect_error data');
    expect(err.data).toMatchObject({ code: 'UNAUTHORIZED' });
    for (const e of ['error', 'ask ack (error)', 'connect_error']) seenEvents.add(e);
  });

  it('sends admins a job event on every change of a re-index', async () => {
    const s = client('admin');
    await connected(s);
    const events: Job[] = [];
    s.on('job', (e) => events.push(e));
    const started = await call('post', '/api/admin/reindex', { as: 'admin', body: {} });
    await waitForJob(started.body.job.id as string);
    await new Promise((r) => setTimeout(r, 100));
    const mine = events.filter((e) => e.id === started.body.job.id);
    expect(mine.map((e) => e.status)).toEqual(expect.arrayContaining(['running', 'succeeded']));
    for (const e of mine) expectShape(JobEvent, e, 'job event');
    seenEvents.add('job');
  });
});

describe('coverage', () => {
  it('saw every success response the OpenAPI document declares, and every socket.io event', () => {
    const declared = apiRoutes().flatMap((r) => Object.keys(r.responses).filter((s) => s.startsWith('2')).map((s) => `${r.method.toUpperCase()} ${r.path} ${s}`));
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((d) => !seen.has(d))).toEqual([]);
    expect([...seenEvents].sort()).toEqual(['answer', 'ask ack (answer)', 'ask ack (error)', 'cancel ack', 'connect_error', 'error', 'job', 'token']);
  });
});

// What the server computes is the protocol's shape: checked by `npm run typecheck`.
type _Search = Assert<Same<ServerSearchRequest, SearchRequest>> | Assert<Fits<ServerSearchResponse, SearchResponse>>;
type _Chat = Assert<Same<ServerChatRequest, ChatRequest>> | Assert<Fits<ServerChatResponse, ChatResponse>>;
type _Draft = Assert<Fits<DraftResult, DraftResponse>>;
type _Uploads = Assert<Fits<ServerStoredFile, StoredFile>>
  | Assert<Fits<Extract<SaveResult, { ok: true }>['saved'][number], SavedFile>>
  | Assert<Fits<Extract<SaveResult, { ok: false }>['errors'][number], UploadProblem>>;
type _Index = Assert<Fits<ServerOverridesHealth, OverridesHealth>>
  | Assert<Fits<ServerVersionInfo, IndexVersion>>
  | Assert<Fits<ServerRootSummary & { configured: boolean; removable: boolean }, IndexSource>>
  | Assert<Fits<Required<Pick<JobRequest, 'rebuild'>> & JobRequest, JobOptions>>;
