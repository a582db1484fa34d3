/**
 * The real server on a free port: every REST endpoint, roles (401/403 where due; a citizen
 * never sees an internal document), errors in Vietnamese, limits, health and metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../../config/paths.ts';
import { ADMIN_TOKEN, INTERNAL_MARKER, OFFICIAL_TOKEN, startTestServer, type TestServer } from '../testing/test-server.ts';
import { buildOpenApi } from './openapi.ts';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000', JSON_BODY_LIMIT_KB: '8', CORS_ORIGINS: 'https://dichvucong.quangngai.gov.vn' });
});

afterAll(async () => {
  await t?.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {}): Promise<{ status: number; body: Json; headers: Headers; text: string }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${t.url}${path}`, { method, headers, ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const text = await res.text();
  let body: Json = {};
  try {
    body = JSON.parse(text) as Json;
  } catch {
    // Not JSON (metrics, CSV): the test reads `text`.
  }
  return { status: res.status, body, headers: res.headers, text };
}

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

describe('health, readiness and metrics', () => {
  it('reports alive and ready with the served index', async () => {
    expect((await call('GET', '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await call('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.index.documents).toBeGreaterThan(10);
    expect(ready.body.index.version).toBe(t.server.indexes.version);
  });

  it('serves the portal page at /', async () => {
    const page = await call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('Trợ lý ảo');
  });

  it('exposes Prometheus metrics that count requests, answers, refusals and the index size', async () => {
    await call('POST', '/api/chat', { body: { message: 'Gửi tôi tài liệu tuyệt mật của UBND tỉnh' } });
    const m = await call('GET', '/metrics');
    expect(m.status).toBe(200);
    expect(m.headers.get('content-type')).toMatch(/text\/plain/);
    expect(m.text).toMatch(/assistant_http_requests_total\{method="POST",route="\/api\/chat",status="200"\} \d+/);
    expect(m.text).toMatch(/assistant_refusals_total\{reason="STATE_SECRET"\} [1-9]/);
    expect(m.text).toMatch(/assistant_index_documents [1-9]\d*/);
    expect(m.text).toMatch(/assistant_http_request_duration_seconds_bucket/);
  });
});

describe('search and chat (DESIGN.md contracts)', () => {
  it('searches and returns hits in the /api/search shape', async () => {
    const r = await call('POST', '/api/search', { body: { query: 'dang ky khai sinh', k: 3 } });
    expect(r.status).toBe(200);
    expect(r.body.results).toHaveLength(3);
    for (const hit of r.body.results) {
      // Grouped by source: a document's other passages found come under its best one.
      expect(Object.keys(hit).filter((k) => k !== 'passages').sort()).toEqual(['docId', 'score', 'section', 'sourceId', 'text', 'title']);
      for (const p of hit.passages ?? []) expect(Object.keys(p).sort()).toEqual(['score', 'section', 'text']);
    }
    expect(new Set(r.body.results.map((h: { docId: string }) => h.docId)).size).toBe(3);
    expect(r.body.results[0].title.toLowerCase()).toContain('khai sinh');
  });

  it('answers with citations, keeps the conversation, and audits the exchange', async () => {
    const first = await call('POST', '/api/chat', { body: { message: 'Đăng ký khai sinh cần những giấy tờ gì?' } });
    expect(first.status).toBe(200);
    expect(first.body.refused).toBe(false);
    expect(first.body.citations.length).toBeGreaterThan(0);
    expect(first.body.citations[0]).toMatchObject({ n: 1, docId: expect.any(String), sourceId: expect.any(String), title: expect.any(String), section: expect.any(String), quote: expect.any(String) });
    expect(first.body.conversationId).toMatch(/^[A-Za-z0-9_-]+$/);
    const follow = await call('POST', '/api/chat', { body: { message: 'còn lệ phí thì sao?', conversationId: first.body.conversationId } });
    expect(follow.body.conversationId).toBe(first.body.conversationId);
    expect(follow.body.citations[0]?.docId).toBe(first.body.citations[0].docId);

    const feedback = await call('POST', '/api/feedback', { body: { exchangeId: first.body.exchangeId, useful: true, comment: 'Rõ ràng, gọi tôi 0905123456' } });
    expect(feedback.status).toBe(204);
    const audit = await call('GET', '/api/admin/audit?format=json', { token: ADMIN_TOKEN });
    const record = audit.body.records.find((r: Json) => r.id === first.body.exchangeId);
    expect(record).toMatchObject({ role: 'citizen', outcome: 'answered', feedback: { useful: true } });
    expect(record.feedback.comment).not.toContain('0905123456');
  });

  it('refuses unknown exchange ids for feedback', async () => {
    const r = await call('POST', '/api/feedback', { body: { exchangeId: '00000000-0000-4000-8000-000000000000', useful: false } });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('roles', () => {
  it('never shows an internal document to a citizen, in search, chat or the document views', async () => {
    const q = { query: 'tổ công tác đặc biệt Sông Vệ nhân sự' };
    const citizen = await call('POST', '/api/search', { body: q });
    expect(JSON.stringify(citizen.body)).not.toContain(INTERNAL_MARKER);
    const official = await call('POST', '/api/search', { body: q, token: OFFICIAL_TOKEN });
    expect(JSON.stringify(official.body)).toContain(INTERNAL_MARKER);

    const chat = await call('POST', '/api/chat', { body: { message: 'Tổ công tác đặc biệt Sông Vệ gồm bao nhiêu cán bộ?' } });
    expect(JSON.stringify(chat.body)).not.toContain('Sông Vệ (tài liệu nội bộ)');
    expect(chat.body.citations.every((c: Json) => !c.docId.includes('noi-bo'))).toBe(true);

    const internalId = official.body.results.find((r: Json) => r.text.includes(INTERNAL_MARKER)).docId as string;
    expect((await call('GET', `/api/documents/${internalId}`)).status).toBe(404);
    expect((await call('GET', `/api/documents/${internalId}/chunks/0`)).status).toBe(404);
    const list = await call('GET', '/api/documents?limit=200');
    expect(list.body.documents.map((d: Json) => d.id)).not.toContain(internalId);
    expect((await call('GET', `/api/documents/${internalId}`, { token: OFFICIAL_TOKEN })).status).toBe(200);
  });

  it('answers 401 for a bad token (never a silent downgrade) and 401/403 on admin routes', async () => {
    const bad = await call('POST', '/api/chat', { body: { message: 'xin chào' }, token: 'not-a-real-token-xxxxxxxx' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(bad.body.message).toMatch(VIETNAMESE);
    expect((await call('GET', '/api/admin/jobs')).status).toBe(401);
    const official = await call('GET', '/api/admin/jobs', { token: OFFICIAL_TOKEN });
    expect(official.status).toBe(403);
    expect(official.body.code).toBe('FORBIDDEN');
    expect((await call('GET', '/api/admin/jobs', { token: ADMIN_TOKEN })).status).toBe(200);
  });
});

describe('documents', () => {
  it('lists, filters and shows documents with their sections and a cited chunk with its neighbours', async () => {
    const list = await call('GET', '/api/documents?q=khai%20sinh&limit=5');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    const doc = list.body.documents[0];
    expect(doc.title.toLowerCase()).toContain('khai sinh');
    const detail = await call('GET', `/api/documents/${doc.id}`);
    expect(detail.body.sections.length).toBe(doc.chunkCount);
    const second = detail.body.sections[1];
    const chunk = await call('GET', `/api/documents/${doc.id}/chunks/${second.ordinal}`);
    expect(chunk.status).toBe(200);
    expect(chunk.body.chunk.text.length).toBeGreaterThan(0);
    expect(chunk.body.previous.chunkId).toBe(detail.body.sections[0].chunkId);
    expect((await call('GET', `/api/documents/${doc.id}/chunks/9999`)).status).toBe(404);
    expect((await call('GET', '/api/documents/khong-co-van-ban-nay')).status).toBe(404);
    expect((await call('GET', '/api/documents?limit=100000')).status).toBe(400);
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 BAD_JSON in Vietnamese', async () => {
    const r = await call('POST', '/api/chat', { raw: '{"message": "xin chào",' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, code: 'BAD_JSON' });
    expect(r.body.message).toMatch(VIETNAMESE);
  });

  it('answers oversized bodies with 413, non-JSON with 415, bad fields with 400', async () => {
    const big = await call('POST', '/api/chat', { body: { message: 'a'.repeat(20_000) } });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const form = await call('POST', '/api/chat', { raw: 'message=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const long = await call('POST', '/api/chat', { body: { message: 'đăng ký '.repeat(300) } });
    expect(long.status).toBe(400);
    expect(long.body.message).toMatch(/2\.000 ký tự/);
    const extra = await call('POST', '/api/chat', { body: { message: 'xin chào', admin: true } });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toContain('admin');
    const wrongType = await call('POST', '/api/search', { body: { query: 42 } });
    expect(wrongType.status).toBe(400);
    expect((await call('POST', '/api/chat', { body: { message: 'x', conversationId: '../../etc' } })).status).toBe(400);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const r = await call('GET', '/api/khong-co');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('protection', () => {
  it('sends security headers and no x-powered-by', async () => {
    const r = await call('GET', '/healthz');
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('allows the listed portal origin and refuses others', async () => {
    const ok = await call('OPTIONS', '/api/chat', { headers: { origin: 'https://dichvucong.quangngai.gov.vn', 'access-control-request-method': 'POST' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://dichvucong.quangngai.gov.vn');
    const evil = await call('POST', '/api/chat', { body: { message: 'xin chào' }, headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.body.code).toBe('CORS_FORBIDDEN');
    const same = await call('POST', '/api/search', { body: { query: 'khai sinh' }, headers: { origin: t.url } });
    expect(same.status).toBe(200);
  });
});

/** Routes declared in the route files, as `METHOD /path/{param}`. */
async function declaredRoutes(): Promise<string[]> {
  const files: Array<[string, string]> = [
    ['server/http/app.ts', ''], ['server/http/health.ts', ''], ['server/http/chat.ts', '/api'], ['server/http/search.ts', '/api'],
    ['server/http/documents.ts', '/api'], ['server/http/feedback.ts', '/api'], ['server/http/admin.ts', '/api/admin'], ['server/http/admin-index.ts', '/api/admin'], ['server/http/drafts.ts', '/api'],
    ['server/http/admin-links.ts', '/api/admin'], ['server/http/admin-audit.ts', '/api/admin'], ['server/http/admin-feedback.ts', '/api/admin'],
  ];
  const out: string[] = [];
  for (const [file, prefix] of files) {
    const source = await readFile(join(REPO_ROOT, file), 'utf8');
    for (const m of source.matchAll(/\b(app|api|router)\.(get|post|put|patch|delete)\('([^']+)'/g)) {
      const base = m[1] === 'api' ? '/api' : m[1] === 'router' ? prefix : '';
      out.push(`${m[2]!.toUpperCase()} ${base}${m[3]!.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return out;
}

describe('OpenAPI', () => {
  it('describes exactly the routes the server declares', async () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const declared = (await declaredRoutes()).filter((r) => r !== 'GET /api/openapi.json');
    expect(declared.length).toBeGreaterThan(15);
    expect(new Set(documented)).toEqual(new Set(declared));
  });

  it('is served, describes every route, and docs/openapi.json is current', async () => {
    const served = await call('GET', '/api/openapi.json');
    expect(served.status).toBe(200);
    expect(Object.keys(served.body.paths)).toEqual(expect.arrayContaining(['/api/chat', '/api/search', '/api/documents/{id}', '/api/admin/reindex', '/api/admin/jobs/{id}', '/readyz']));
    const onDisk = JSON.parse(await readFile(join(REPO_ROOT, 'docs', 'openapi.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual(buildOpenApi());
  });
});
