/**
 * Drafting over the real server: only officials draft; a request with missing details is
 * answered with questions; a complete one gives a DỰ THẢO draft whose facts are cited from
 * the index, a clean format check, a downloadable .docx, and a DRAFT audit record.
 */
import { randomUUID } from 'node:crypto';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, OFFICIAL_TOKEN, startTestServer, type TestServer } from '../testing/test-server.ts';
import { startScriptedOpenAiServer } from '../answer/testing/scripted-openai-server.ts';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000' });
});

afterAll(async () => {
  await t?.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: string, path: string, opts: { body?: unknown; token?: string } = {}): Promise<{ status: number; body: Json; headers: Headers; bytes: Buffer }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.url}${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const bytes = Buffer.from(await res.arrayBuffer());
  let body: Json = {};
  try {
    body = JSON.parse(bytes.toString('utf8')) as Json;
  } catch {
    // A .docx: the test reads `bytes`.
  }
  return { status: res.status, body, headers: res.headers, bytes };
}

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;
const REQUEST = 'Soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025';
const SUBJECT = 'báo cáo kết quả chuyển đổi số năm 2025';
const FIELDS = {
  type: 'công văn',
  superiorBody: 'UBND TỈNH QUẢNG NGÃI',
  issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  issuingBodyCode: 'SKHCN',
  place: 'Quảng Ngãi',
  subject: SUBJECT,
  recipients: ['UBND các xã, phường, đặc khu'],
  signerTitle: 'GIÁM ĐỐC',
  signerName: 'Nguyễn Văn An',
  deadline: '15/12/2025',
};

describe('POST /api/draft', () => {
  it('is for officials: a citizen gets 401 in Vietnamese, and unknown /api paths stay 404', async () => {
    const res = await call('POST', '/api/draft', { body: { request: REQUEST } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
    expect(res.body.message).toMatch(VIETNAMESE);
    expect((await call('GET', '/api/khong-co')).status).toBe(404);
  });

  it('refuses a body with neither a request nor a type, and unknown fields', async () => {
    const empty = await call('POST', '/api/draft', { token: OFFICIAL_TOKEN, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/request|type/);
    const unknown = await call('POST', '/api/draft', { token: OFFICIAL_TOKEN, body: { request: REQUEST, fields: { colour: 'red' } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('colour');
  });

  it('asks in Vietnamese for the issuing body, signer and the other missing details of the example request', async () => {
    const res = await call('POST', '/api/draft', { token: OFFICIAL_TOKEN, body: { request: REQUEST } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('needs_input');
    const asked = (res.body.questions as Array<{ field: string; question: string }>);
    const fields = asked.map((q) => q.field);
    expect(fields).toEqual(expect.arrayContaining(['issuingBody', 'signerName']));
    for (const q of asked) expect(q.question).toMatch(VIETNAMESE);
    expect(asked.map((q) => q.question).join(' ')).toMatch(/cơ quan/i);
    expect(asked.map((q) => q.question).join(' ')).toMatch(/ký/i);
    // What was read from the sentence is kept, so the next turn only adds what was asked.
    expect(res.body.fields.type).toBe('công văn');
  });

  it('drafts a DỰ THẢO công văn with facts cited from the index, a clean format check and a .docx', async () => {
    const res = await call('POST', '/api/draft', { token: OFFICIAL_TOKEN, body: { request: `${REQUEST}, đầu mối liên hệ 0905 123 456`, fields: FIELDS } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('drafted');
    const { id, draft, findings, docxUrl } = res.body;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(docxUrl).toBe(`/api/drafts/${id}.docx`);
    expect(draft.draftMark).toBe(true);
    expect(draft.subjectLine).toContain(SUBJECT);
    expect(findings.filter((f: Json) => f.severity === 'error')).toEqual([]);

    // The shipped Quảng Ngãi reports on chuyển đổi số are indexed: the draft cites them.
    expect(draft.citations.length).toBeGreaterThan(0);
    for (const c of draft.citations) {
      expect(c.link.startsWith(`/sources/${encodeURIComponent(c.docId)}?chunk=${encodeURIComponent(`${c.docId}#`)}`)).toBe(true);
      expect(c.quote.length).toBeGreaterThan(0);
      const doc = await call('GET', `/api/documents/${encodeURIComponent(c.docId)}`, { token: OFFICIAL_TOKEN });
      expect(doc.status).toBe(200);
    }
    expect(draft.citations.some((c: Json) => /chuyen doi so|chuyển đổi số/i.test(`${c.title} ${c.quote}`))).toBe(true);

    const file = await call('GET', docxUrl, { token: OFFICIAL_TOKEN });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="du-thao-cong-van.docx"');
    const text = (await mammoth.extractRawText({ buffer: file.bytes })).value;
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain(SUBJECT);
    expect(text).toContain('Nơi nhận');

    // A citizen cannot download it.
    expect((await call('GET', docxUrl)).status).toBe(401);

    // Audited once, as a DRAFT by an official, with the phone number redacted.
    const audit = await call('GET', '/api/admin/audit?format=json&reason=DRAFT', { token: ADMIN_TOKEN });
    expect(audit.status).toBe(200);
    const records = (audit.body.records as Json[]).filter((r) => r.id === id);
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({ role: 'official', outcome: 'answered', reason: 'DRAFT', answerChars: 0 });
    expect(record.user).not.toContain(OFFICIAL_TOKEN);
    expect(record.question).toContain('chuyển đổi số');
    expect(record.question).toContain('[số điện thoại]');
    expect(record.question).not.toMatch(/0905/);
    expect(record.citations).toEqual([...new Set(draft.citations.map((c: Json) => c.docId))]);
  });

  it('answers 404 for an unknown, malformed or path-like draft id', async () => {
    for (const path of [`/api/drafts/${randomUUID()}.docx`, '/api/drafts/not-a-uuid.docx', '/api/drafts/..%2F..%2Fjobs.docx', '/api/drafts/..%2Fdrafts%2Fx.docx']) {
      const res = await call('GET', path, { token: OFFICIAL_TOKEN });
      expect(res.status, path).toBe(404);
      expect(res.body.code, path).toBe('NOT_FOUND');
    }
  });
});

describe('POST /api/draft in a conversation: remembered agency and signer, edits as new versions', () => {
  const post = (body: Json, token = OFFICIAL_TOKEN) => call('POST', '/api/draft', { token, body });

  it('asks a Sở for its parent body (cơ quan chủ quản) and names it in the question', async () => {
    const { superiorBody: _s, ...fields } = FIELDS;
    const res = await post({ request: REQUEST, fields });
    expect(res.body.status).toBe('needs_input');
    expect(res.body.questions.map((q: Json) => q.field)).toEqual(['superiorBody']);
    expect(res.body.questions[0].question).toContain('Sở Khoa học và Công nghệ');
    expect(res.body.questions[0].question).toContain('UBND TỈNH QUẢNG NGÃI');
  });

  it('remembers the agency, its code and the signer for the next draft of the same official in the same conversation', async () => {
    const first = await post({ request: REQUEST, fields: FIELDS });
    expect(first.body.status).toBe('drafted');
    expect(first.body.version).toBe(1);
    const conversationId = first.body.conversationId as string;
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);

    const next = await post({ request: 'Hãy soạn tờ trình gửi UBND tỉnh về việc phê duyệt Đề án đầu tư trang thiết bị công nghệ thông tin', conversationId });
    expect(next.body.status).toBe('drafted');
    expect(next.body.draft.fields).toMatchObject({ type: 'tờ trình', issuingBody: FIELDS.issuingBody, issuingBodyCode: 'SKHCN', superiorBody: FIELDS.superiorBody, signerName: FIELDS.signerName });
    expect(next.body.remembered).toEqual(expect.arrayContaining(['issuingBody', 'issuingBodyCode', 'signerTitle', 'signerName']));
    expect(next.body.draft.numberLine).toBe('…/TTr-SKHCN');

    // Another official, or a new conversation, starts from nothing.
    const other = await post({ request: 'Soạn tờ trình gửi UBND tỉnh về việc phê duyệt dự toán', conversationId }, ADMIN_TOKEN);
    expect(other.body.status).toBe('needs_input');
    expect(other.body.questions.map((q: Json) => q.field)).toContain('issuingBody');
    expect(other.body.remembered).toEqual([]);
    const fresh = await post({ request: 'Soạn tờ trình gửi UBND tỉnh về việc phê duyệt dự toán' });
    expect(fresh.body.questions.map((q: Json) => q.field)).toContain('signerName');
    expect(fresh.body.conversationId).not.toBe(conversationId);
  });

  it('makes a new version for an edit typed in chat: what changed, the checker re-run, a new .docx, an audit record', async () => {
    const first = await post({ request: REQUEST, fields: FIELDS });
    const conversationId = first.body.conversationId as string;

    const v2 = await post({ request: 'thêm nơi nhận Sở Tài chính', conversationId });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ status: 'drafted', version: 2, changes: ['Đã thêm nơi nhận: Sở Tài chính.'], conversationId });
    expect(v2.body.id).not.toBe(first.body.id);
    expect(v2.body.draft.salutation).toEqual(['Kính gửi:', '- UBND các xã, phường, đặc khu;', '- Sở Tài chính.']);
    expect(v2.body.findings.filter((f: Json) => f.severity === 'error')).toEqual([]);

    const v3 = await post({ request: 'đổi thời hạn thành 30/12/2026; người ký là Phó Giám đốc Trần Thị Bình', conversationId });
    expect(v3.body.version).toBe(3);
    expect(v3.body.changes).toEqual(['Đã đổi thời hạn thành 30/12/2026.', 'Đã đổi người ký: KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC, Trần Thị Bình.']);
    expect(v3.body.draft.signature).toEqual({ authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Thị Bình' });
    const file = await call('GET', v3.body.docxUrl, { token: OFFICIAL_TOKEN });
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="du-thao-cong-van-v3.docx"');
    const text = (await mammoth.extractRawText({ buffer: file.bytes })).value;
    expect(text).toContain('30/12/2026');
    expect(text).toContain('Sở Tài chính');
    expect(text).toContain('Trần Thị Bình');
    // The first version's file is still the first version.
    const v1 = (await mammoth.extractRawText({ buffer: (await call('GET', first.body.docxUrl, { token: OFFICIAL_TOKEN })).bytes })).value;
    expect(v1).not.toContain('Sở Tài chính');

    const audit = await call('GET', '/api/admin/audit?format=json&reason=DRAFT_EDIT', { token: ADMIN_TOKEN });
    const records = (audit.body.records as Json[]).filter((r) => r.conversationId === conversationId);
    expect(records.map((r) => r.decisions[0].reason).sort()).toEqual(['v2: add-recipients', 'v3: set-deadline,set-signer']);
    expect(records.every((r) => r.role === 'official' && r.outcome === 'answered')).toBe(true);

    // A new request in the same conversation is a new draft, version 1 again.
    const again = await post({ request: 'Soạn thông báo gửi các phòng về việc lịch họp giao ban tháng 1/2027', conversationId });
    expect(again.body.status).toBe('drafted');
    expect(again.body.version).toBe(1);
  });

  it('says in Vietnamese when an edit cannot apply, is not understood, or there is no draft to edit, and changes nothing', async () => {
    const first = await post({ request: REQUEST, fields: FIELDS });
    const conversationId = first.body.conversationId as string;
    const missing = await post({ request: 'bỏ đoạn 40', conversationId });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('DRAFT_EDIT_FAILED');
    expect(missing.body.message).toMatch(/không có đoạn 40/);
    const unclear = await post({ request: 'cái này ổn rồi', conversationId });
    expect(unclear.status).toBe(422);
    expect(unclear.body.code).toBe('DRAFT_EDIT_UNCLEAR');
    expect(unclear.body.message).toMatch(VIETNAMESE);
    const none = await post({ request: 'thêm nơi nhận Sở Tài chính' });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('NO_DRAFT_TO_EDIT');
    // The draft is unchanged: the next edit makes version 2.
    expect((await post({ request: 'bỏ đoạn 2', conversationId })).body.version).toBe(2);
  });
});

describe('a drafting request sent to chat', () => {
  it('is answered with a notice saying where drafts are made, for an official, and not for a citizen', async () => {
    const message = 'Hãy soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025';
    const official = await call('POST', '/api/chat', { token: OFFICIAL_TOKEN, body: { message } });
    expect(official.status).toBe(200);
    expect(official.body.notices.join(' ')).toContain('yêu cầu soạn thảo văn bản');
    expect(official.body.notices.join(' ')).toContain('/api/draft');
    const question = await call('POST', '/api/chat', { token: OFFICIAL_TOKEN, body: { message: 'Soạn thảo văn bản là gì?' } });
    expect(question.body.notices.join(' ')).not.toContain('yêu cầu soạn thảo văn bản');
    const citizen = await call('POST', '/api/chat', { body: { message } });
    expect(citizen.body.notices.join(' ')).not.toContain('/api/draft');
  });
});

describe('POST /api/draft with an LLM configured', () => {
  it('has the body written by the model, checked against the cited facts, and the rest laid out by code', async () => {
    const llm = await startScriptedOpenAiServer([{ content: [
      'Để tổng hợp kết quả chuyển đổi số năm 2025, Sở đề nghị các đơn vị báo cáo theo các nội dung sau.',
      'Tỷ lệ hồ sơ xử lý trực tuyến đã đạt 99,9% [1].',
      '[Nội dung cần bổ sung: biểu mẫu số liệu kèm theo]',
    ].join('\n') }]);
    const s = await startTestServer({ LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'test', RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000' });
    try {
      const res = await fetch(`${s.url}/api/draft`, {
        method: 'POST', headers: { authorization: `Bearer ${OFFICIAL_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ request: REQUEST, fields: FIELDS }),
      });
      const body = await res.json() as Json;
      expect(body.status).toBe('drafted');
      expect(body.writtenBy).toBe('llm');
      const texts = (body.draft.body as Json[]).map((p) => p.text as string);
      expect(texts[0]).toContain('Sở đề nghị các đơn vị báo cáo');
      // 99,9% is in no retrieved passage: the sentence is dropped, never shown as a fact.
      expect(texts.join('\n')).not.toContain('99,9%');
      expect(texts).toContain('[Nội dung cần bổ sung: biểu mẫu số liệu kèm theo]');
      expect(body.draft.subjectLine).toContain(SUBJECT);
      expect(body.draft.draftMark).toBe(true);
    } finally {
      await s.close();
      await llm.close();
    }
  });
});
