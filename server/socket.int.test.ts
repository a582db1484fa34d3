/**
 * The socket.io chat against the real server: streamed tokens then the final answer with
 * citations, acknowledgements, Vietnamese errors, cancel, auth, connection limits, a
 * conversation resumed after reconnecting, and a client that disconnects mid-stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { ADMIN_TOKEN, INTERNAL_MARKER, OFFICIAL_TOKEN, startTestServer, type TestServer } from './testing/test-server.ts';

let t: TestServer;
const open: Socket[] = [];

beforeAll(async () => {
  t = await startTestServer({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000', SOCKET_MAX_PER_IP: '30' });
});

afterAll(async () => {
  for (const s of open) s.disconnect();
  await t?.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function client(auth: Record<string, string> = {}): Socket {
  const s = connect(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
  open.push(s);
  return s;
}

async function connected(s: Socket): Promise<Socket> {
  if (s.connected) return s;
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

/** Ask and collect the streamed tokens, the `answer` event and the acknowledgement. */
async function ask(s: Socket, payload: Json): Promise<{ tokens: string[]; answer?: Json; ack: Json }> {
  const tokens: string[] = [];
  let answer: Json | undefined;
  const onToken = (e: Json) => {
    if (!payload.requestId || e.requestId === payload.requestId) tokens.push(e.text as string);
  };
  const onAnswer = (e: Json) => {
    answer = e;
  };
  s.on('token', onToken);
  s.on('answer', onAnswer);
  const ack = await s.timeout(20_000).emitWithAck('ask', payload) as Json;
  s.off('token', onToken);
  s.off('answer', onAnswer);
  return { tokens, ...(answer ? { answer } : {}), ack };
}

describe('socket.io chat', () => {
  it('streams tokens, then the answer with citations, and acknowledges with the same response', async () => {
    const s = await connected(client());
    const r = await ask(s, { message: 'Đăng ký khai sinh cần những giấy tờ gì?', requestId: 'r1' });
    expect(r.ack.ok).toBe(true);
    expect(r.ack.requestId).toBe('r1');
    expect(r.tokens.length).toBeGreaterThan(1);
    expect(r.tokens.join('')).toContain(r.ack.answer.slice(0, 40));
    expect(r.ack.citations.length).toBeGreaterThan(0);
    expect(r.answer).toMatchObject({ requestId: 'r1', conversationId: r.ack.conversationId, refused: false });
  });

  it('resumes the conversation on a new connection with the same conversationId', async () => {
    const a = await connected(client());
    const first = await ask(a, { message: 'Đăng ký thường trú cần giấy tờ gì?' });
    a.disconnect();
    const b = await connected(client());
    const follow = await ask(b, { message: 'thời hạn giải quyết bao lâu?', conversationId: first.ack.conversationId });
    expect(follow.ack.ok).toBe(true);
    expect(follow.ack.conversationId).toBe(first.ack.conversationId);
    expect(follow.ack.citations[0]?.docId).toBe(first.ack.citations[0].docId);
  });

  it('answers bad payloads with { ok: false, code, message } in Vietnamese, also as an error event', async () => {
    const s = await connected(client());
    const errors: Json[] = [];
    s.on('error', (e: Json) => errors.push(e));
    const r = await ask(s, { question: 'thiếu trường message' });
    expect(r.ack).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(r.ack.message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i);
    const tooLong = await ask(s, { message: 'x'.repeat(3000) });
    expect(tooLong.ack.code).toBe('BAD_REQUEST');
    expect(errors.length).toBe(2);
  });

  it('keeps internal documents from citizens and gives them to officials', async () => {
    const question = { message: 'Tổ công tác đặc biệt Sông Vệ gồm bao nhiêu cán bộ?' };
    const citizen = await ask(await connected(client()), question);
    expect(JSON.stringify(citizen)).not.toContain('tài liệu nội bộ');
    const official = await ask(await connected(client({ token: OFFICIAL_TOKEN })), question);
    expect(official.ack.refused).toBe(false);
    expect(JSON.stringify(official.ack.citations)).toContain(INTERNAL_MARKER.slice(0, 30));
  });

  it('refuses a connection with a bad token with a Vietnamese reason', async () => {
    const s = client({ token: 'sai-ma-truy-cap-0123456789' });
    const err = await new Promise<Error & { data?: Json }>((resolve) => s.once('connect_error', resolve));
    expect(err.data).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(err.data?.message).toContain('mã truy cập');
  });

  it('limits concurrent connections per IP', async () => {
    const many = Array.from({ length: 40 }, () => client());
    const outcomes = await Promise.all(many.map((s) => new Promise<string>((resolve) => {
      s.once('connect', () => resolve('ok'));
      s.once('connect_error', (e: Error & { data?: Json }) => resolve(e.data?.code ?? 'error'));
    })));
    expect(outcomes.filter((o) => o === 'TOO_MANY_CONNECTIONS').length).toBeGreaterThan(0);
    for (const s of many) s.disconnect();
    // Slots are released on disconnect: a new connection works again.
    await new Promise((r) => setTimeout(r, 200));
    await connected(client());
  });

  it('cancels an answer in flight and survives a client that disconnects mid-stream', async () => {
    const s = await connected(client());
    const pending = s.timeout(20_000).emitWithAck('ask', { message: 'Cấp hộ chiếu phổ thông cần giấy tờ gì?', requestId: 'c1' }) as Promise<Json>;
    const cancelled = await s.timeout(5_000).emitWithAck('cancel', { requestId: 'c1' }) as Json;
    const ack = await pending;
    // The extractive answer may finish before the cancel arrives; either way the reply is well formed.
    if (cancelled.ok) expect(ack).toMatchObject({ ok: false, code: 'CANCELLED' });
    else expect(ack.ok).toBe(true);

    const quitter = await connected(client());
    quitter.emit('ask', { message: 'Đăng ký kết hôn cần giấy tờ gì?' });
    quitter.disconnect();
    const after = await ask(await connected(client()), { message: 'Đăng ký kết hôn cần giấy tờ gì?' });
    expect(after.ack.ok).toBe(true);
  });

  it('sends admins re-index job updates', async () => {
    const admin = await connected(client({ token: ADMIN_TOKEN }));
    const updates: Json[] = [];
    admin.on('job', (j: Json) => updates.push(j));
    const res = await fetch(`${t.url}/api/admin/reindex`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(202);
    const { job } = await res.json() as Json;
    const deadline = Date.now() + 60_000;
    while (!updates.some((u) => u.id === job.id && (u.status === 'succeeded' || u.status === 'failed')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const last = updates.filter((u) => u.id === job.id).at(-1);
    expect(last?.status).toBe('succeeded');
    // Citizens are not told about jobs.
    const citizen = await connected(client());
    const seen: Json[] = [];
    citizen.on('job', (j: Json) => seen.push(j));
    await fetch(`${t.url}/api/admin/reindex`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    await new Promise((r) => setTimeout(r, 500));
    expect(seen).toEqual([]);
  });
});
