import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminActionRecord, AuditRecord } from '../../core/audit/types.ts';
import { JsonlAuditSink } from './jsonl-audit.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-admin-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const action = (over: Partial<AdminActionRecord> = {}): AdminActionRecord => ({
  id: `a-${Math.random()}`, time: '2026-12-07T03:00:00.000Z', user: '0123456789abcdef', action: 'document.delete',
  targets: ['1.001193'], outcome: 'ok', status: 202, ...over,
});

const exchange = (id: string): AuditRecord => ({
  id, time: '2026-12-07T02:00:00.000Z', role: 'citizen', user: 'anonymous', question: 'Đăng ký khai sinh cần gì?',
  retrieved: [], decisions: [], outcome: 'answered', answerChars: 10, citations: [], latencyMs: 1,
});

async function list<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('JsonlAuditSink admin actions', () => {
  it('stores admin actions beside exchanges, filters them, and redacts their free text', async () => {
    let corrupt = 0;
    const sink = new JsonlAuditSink({ dir, onCorruptLine: () => corrupt++ });
    await sink.append(exchange('e1'));
    await sink.appendAdminAction(action({ action: 'document.upload', targets: ['don-cua-ong-a-0912345678.pdf'], detail: 'ghi chú: gọi 0912345678' }));
    await sink.appendAdminAction(action({ outcome: 'error', code: 'NOT_DELETABLE', status: 409, user: '10.0.0.1' }));
    await sink.appendAdminAction(action({ action: 'reindex.start', time: '2026-12-08T03:00:00.000Z', targets: [] }));

    const all = await list(sink.adminActions({}));
    expect(all.map((a) => a.action)).toEqual(['document.upload', 'document.delete', 'reindex.start']);
    expect(JSON.stringify(all)).not.toContain('0912345678');
    expect(all[1]).toMatchObject({ user: 'unknown', code: 'NOT_DELETABLE' });
    expect((await list(sink.adminActions({ outcome: 'error' }))).map((a) => a.action)).toEqual(['document.delete']);
    expect((await list(sink.adminActions({ from: '2026-12-08T00:00:00.000Z' }))).map((a) => a.action)).toEqual(['reindex.start']);
    expect(await list(sink.adminActions({ limit: 1 }))).toHaveLength(1);
    // Exchanges and admin actions do not mix, and admin lines are not taken for corrupt ones.
    expect((await list(sink.query({}))).map((r) => r.id)).toEqual(['e1']);
    expect(corrupt).toBe(0);
    await expect(sink.appendAdminAction(action({ action: 'nope' as never }))).rejects.toThrow(/unknown admin action/);
    await sink.close();
  });

  it('merges the latest handled mark into the feedback, and keeps it across sinks', async () => {
    const sink = new JsonlAuditSink({ dir, now: () => new Date('2026-12-07T04:00:00.000Z') });
    await sink.append(exchange('e1'));
    await sink.recordFeedback('e1', { useful: false, comment: 'thiếu mẫu đơn' });
    await sink.markFeedbackHandled('e1', { handled: true, by: 'abcdef0123456789' });
    await expect(sink.markFeedbackHandled('missing', { handled: true, by: 'abcdef0123456789' })).rejects.toThrow(/no audit record/);
    await sink.close();
    const [r] = await list(new JsonlAuditSink({ dir }).query({}));
    expect(r?.feedback).toEqual({ useful: false, comment: 'thiếu mẫu đơn', handled: { by: 'abcdef0123456789', at: '2026-12-07T04:00:00.000Z' } });

    const later = new JsonlAuditSink({ dir, now: () => new Date('2026-12-07T05:00:00.000Z') });
    await later.markFeedbackHandled('e1', { handled: false, by: 'abcdef0123456789' });
    const [again] = await list(later.query({}));
    expect(again?.feedback).toEqual({ useful: false, comment: 'thiếu mẫu đơn' });
    const text = (await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')))).join('');
    expect(text.match(/"type":"feedback-handled"/g)).toHaveLength(2);
  });
});
