import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../core/audit/types.ts';
import { auditFileName, parseAuditFileName } from './audit-files.ts';
import { JsonlAuditSink } from './jsonl-audit.ts';

let dir: string;

function record(id: string, time: string): AuditRecord {
  return {
    id, time, role: 'citizen', user: 'u-7f3a9c', question: 'Lệ phí đăng ký thường trú là bao nhiêu?',
    retrieved: [], decisions: [{ guard: 'personal-data', action: 'allow' }], outcome: 'answered',
    answerChars: 10, citations: [], latencyMs: 5, answerer: 'extractive',
  };
}

async function all(s: JsonlAuditSink): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for await (const r of s.query({})) out.push(r);
  return out;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-nodes-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('audit file names', () => {
  it('tell the day, segment and node apart, whatever the node name', () => {
    for (const node of ['', 'node-a', 'web1.example.gov.vn', 'host-3000', 'a.1']) {
      for (const segment of [0, 1, 12]) {
        const name = auditFileName('2026-12-07', segment, node || undefined);
        expect(parseAuditFileName(name)).toEqual({ name, day: '2026-12-07', segment, node });
      }
    }
    expect(auditFileName('2026-12-07', 0)).toBe('audit-2026-12-07.jsonl');
    expect(auditFileName('2026-12-07', 2, 'node-a')).toBe('audit-2026-12-07.2@node-a.jsonl');
    expect(parseAuditFileName('audit-2026-12-07.jsonl.corrupt')).toBeUndefined();
  });
});

describe('one audit trail from several nodes', () => {
  it('keeps each node in its own files and reads every node\'s records, merged by time', async () => {
    const a = new JsonlAuditSink({ dir, node: 'node-a' });
    const b = new JsonlAuditSink({ dir, node: 'node-b' });
    await a.append(record('a1', '2025-03-04T08:00:00.000Z'));
    await b.append(record('b1', '2025-03-04T08:00:01.000Z'));
    await a.append(record('a2', '2025-03-04T08:00:02.000Z'));
    await b.append(record('b2', '2025-03-04T08:00:03.000Z'));
    expect((await readdir(dir)).sort()).toEqual(['audit-2025-03-04@node-a.jsonl', 'audit-2025-03-04@node-b.jsonl']);
    for (const reader of [a, b]) expect((await all(reader)).map((r) => r.id)).toEqual(['a1', 'b1', 'a2', 'b2']);
    // Feedback given through the other node is merged; the latest (by time) wins across nodes.
    await b.recordFeedback('a1', { useful: false });
    await new Promise((r) => setTimeout(r, 5));
    await a.recordFeedback('a1', { useful: true });
    expect((await all(b)).find((r) => r.id === 'a1')?.feedback).toEqual({ useful: true });
    await Promise.all([a.close(), b.close()]);
  });

  it('loses nothing of the other nodes when one is cut off mid-line, and writes no line across another\'s', async () => {
    const a = new JsonlAuditSink({ dir, node: 'node-a' });
    const b = new JsonlAuditSink({ dir, node: 'node-b' });
    // Many appends at once from both nodes.
    await Promise.all(Array.from({ length: 400 }, (_, i) => (i % 2 ? a : b).append(record(`r${i}`, new Date(Date.UTC(2025, 2, 4, 8, 0, 0, i)).toISOString()))));
    // Node a dies in the middle of a line.
    await appendFile(join(dir, 'audit-2025-03-04@node-a.jsonl'), '{"v":1,"type":"record","id":"torn","ti');
    const records = await all(b);
    expect(records).toHaveLength(400);
    expect(b.corruptLines).toBe(1);
    // Node a, restarted, starts a new line; the torn one stays the only loss (it was in flight).
    const restarted = new JsonlAuditSink({ dir, node: 'node-a' });
    await restarted.append(record('after', '2025-03-04T09:00:00.000Z'));
    expect((await all(b)).map((r) => r.id)).toContain('after');
    expect((await all(b))).toHaveLength(401);
    await Promise.all([a.close(), b.close(), restarted.close()]);
  });
});
