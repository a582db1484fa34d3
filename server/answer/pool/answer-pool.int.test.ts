/**
 * Answer workers (ANSWER_WORKERS=2) give the same answers as the main thread, stream over
 * socket.io, apply admin metadata at once, follow re-indexing, and survive a dying worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { ExtractiveAnswerer } from '../../../core/answer/extractive-answerer.ts';
import { Assistant } from '../../assistant.ts';
import { ADMIN_TOKEN, OFFICIAL_TOKEN, startTestServer, type TestServer } from '../../testing/test-server.ts';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ ANSWER_WORKERS: '2', RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000' });
});

afterAll(async () => {
  await t?.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function post(path: string, body: unknown, token?: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${t.url}${path}`, {
    method: path.startsWith('/api/admin/documents/') ? 'PATCH' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() as Json };
}

const QUESTIONS = [
  'Đăng ký khai sinh cần những giấy tờ gì?',
  'dang ky thuong tru mat bao lau',
  'Lệ phí cấp hộ chiếu phổ thông là bao nhiêu?',
  'Kế hoạch thực hiện chiến lược trí tuệ nhân tạo có mục tiêu gì?',
  'Thủ tục nuôi cá sấu trên sao Hỏa cần gì?',
];

describe('answer workers', () => {
  it('run as worker threads and answer exactly like the main thread', async () => {
    expect(t.server.pool?.workers.length).toBe(2);
    const local = new Assistant(t.server.indexes.current, new ExtractiveAnswerer());
    for (const message of QUESTIONS) {
      const remote = await post('/api/chat', { message });
      const here = await local.chat({ message }, { role: 'citizen' });
      expect(remote.status).toBe(200);
      expect({ ...remote.body, conversationId: '', exchangeId: '' }).toEqual({ ...here, conversationId: '', exchangeId: '' });
    }
  });

  it('stream over socket.io', async () => {
    const s = connect(t.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    const tokens: string[] = [];
    s.on('token', (e: Json) => tokens.push(e.text as string));
    const ack = await s.timeout(20_000).emitWithAck('ask', { message: QUESTIONS[0] }) as Json;
    s.disconnect();
    expect(ack.ok).toBe(true);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join('')).toContain(ack.answer.slice(0, 30));
  });

  it('apply an admin metadata change at once', async () => {
    const q = { message: 'Đăng ký khai sinh cần những giấy tờ gì?' };
    const before = await post('/api/chat', q);
    const docId = before.body.citations[0].docId as string;
    expect((await post(`/api/admin/documents/${docId}`, { audience: 'internal' }, ADMIN_TOKEN)).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      // Several requests, so both workers are asked.
      const after = await post('/api/chat', q);
      expect(after.body.citations.map((c: Json) => c.docId)).not.toContain(docId);
    }
    const official = await post('/api/chat', q, OFFICIAL_TOKEN);
    expect(official.body.citations[0].docId).toBe(docId);
    await post(`/api/admin/documents/${docId}`, { audience: 'public' }, ADMIN_TOKEN);
  });

  it('replace a worker that dies, and keep answering', async () => {
    const pool = t.server.pool!;
    const [first] = pool.workers;
    await first!.terminate();
    const deadline = Date.now() + 30_000;
    while (pool.workers.includes(first!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(pool.workers).not.toContain(first);
    expect(pool.workers.length).toBe(2);
    for (let i = 0; i < 6; i++) {
      const r = await post('/api/chat', { message: QUESTIONS[i % 3]! });
      expect(r.status).toBe(200);
      expect(r.body.citations.length).toBeGreaterThan(0);
    }
  });

  it('load a re-indexed version before it is served', async () => {
    const version = t.server.indexes.version;
    const form = new FormData();
    form.append('files', new Blob([[
      'THÔNG BÁO',
      'Về lịch tiếp công dân định kỳ tại xã Ba Tơ Thử Nghiệm',
      '1. Ủy ban nhân dân xã Ba Tơ Thử Nghiệm tiếp công dân định kỳ vào sáng thứ Sáu hằng tuần, từ 7 giờ 30 đến 11 giờ.',
      '',
    ].join('\n')]), 'lich-tiep-cong-dan-ba-to.txt');
    const up = await fetch(`${t.url}/api/admin/documents`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: form });
    expect(up.status).toBe(201);
    const deadline = Date.now() + 60_000;
    while (t.server.indexes.version === version && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(t.server.indexes.version).not.toBe(version);
    const message = 'Xã Ba Tơ Thử Nghiệm tiếp công dân vào thời gian nào?';
    for (let i = 0; i < 4; i++) {
      const r = await post('/api/chat', { message });
      expect(r.body.answer).toContain('thứ Sáu');
      expect(r.body.citations[0].sourceId).toBe('lich-tiep-cong-dan-ba-to.txt');
    }
  });
});
