import { mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditQuery, AuditRecord } from '../../core/audit/types.ts';
import { PII_VARIANTS } from '../../core/guard/testing/pii-variants.ts';
import { JsonlAuditSink, type JsonlAuditOptions } from './jsonl-audit.ts';
import { WITHHELD_TEXT } from './redact-free-text.ts';

let dir: string;
let counter = 0;

/** A citizen's answered exchange; override what the test is about. */
function record(over: Partial<AuditRecord> = {}): AuditRecord {
  counter++;
  return {
    id: `r${counter}`, time: '2025-03-04T08:00:00.000Z', role: 'citizen', user: 'u-7f3a9c',
    question: 'Lệ phí đăng ký thường trú là bao nhiêu?', retrieved: [{ docId: '1.000178', score: 0.82 }],
    decisions: [{ guard: 'personal-data', action: 'allow' }], outcome: 'answered', answerChars: 120,
    citations: ['1.000178'], latencyMs: 35, answerer: 'extractive', ...over,
  };
}

function sink(options: Partial<JsonlAuditOptions> = {}): JsonlAuditSink {
  return new JsonlAuditSink({ dir, ...options });
}

async function ids(s: JsonlAuditSink, q: AuditQuery = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const r of s.query(q)) out.push(r.id);
  return out;
}

async function all(s: JsonlAuditSink, q: AuditQuery = {}): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for await (const r of s.query(q)) out.push(r);
  return out;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JsonlAuditSink append and query', () => {
  it('returns a record exactly as appended', async () => {
    const s = sink();
    const r = record({ conversationId: 'c1', reason: undefined });
    await s.append(r);
    expect(await all(s)).toEqual([JSON.parse(JSON.stringify(r))]);
  });

  it('filters by time range with from inclusive and to exclusive', async () => {
    const s = sink();
    await s.append(record({ id: 'a', time: '2025-03-03T23:59:59.000Z' }));
    await s.append(record({ id: 'b', time: '2025-03-04T00:00:00.000Z' }));
    await s.append(record({ id: 'c', time: '2025-03-05T12:00:00.000Z' }));
    await s.append(record({ id: 'd', time: '2025-03-06T00:00:00.000Z' }));
    expect(await ids(s, { from: '2025-03-04T00:00:00.000Z', to: '2025-03-06T00:00:00.000Z' })).toEqual(['b', 'c']);
    expect(await ids(s, { from: '2025-03-05T00:00:00.000Z' })).toEqual(['c', 'd']);
    expect(await ids(s, { to: '2025-03-04T00:00:00.000Z' })).toEqual(['a']);
  });

  it('filters by role, outcome and reason, and stops at the limit', async () => {
    const s = sink();
    await s.append(record({ id: 'cit-ok' }));
    await s.append(record({ id: 'off-ok', role: 'official' }));
    await s.append(record({ id: 'cit-nosrc', outcome: 'refused', reason: 'NO_SOURCE', citations: [] }));
    await s.append(record({ id: 'cit-secret', outcome: 'refused', reason: 'STATE_SECRET', citations: [] }));
    await s.append(record({ id: 'adm-err', role: 'admin', outcome: 'error', reason: 'INTERNAL' }));
    expect(await ids(s, { role: 'official' })).toEqual(['off-ok']);
    expect(await ids(s, { outcome: 'refused' })).toEqual(['cit-nosrc', 'cit-secret']);
    expect(await ids(s, { reason: 'STATE_SECRET' })).toEqual(['cit-secret']);
    expect(await ids(s, { role: 'citizen', outcome: 'answered' })).toEqual(['cit-ok']);
    expect(await ids(s, { limit: 2 })).toEqual(['cit-ok', 'off-ok']);
  });

  it('rejects a query with a time that is not ISO', async () => {
    await expect(all(sink(), { from: 'hôm qua' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('JsonlAuditSink files', () => {
  it('writes each record to the file of its own day, not of the write time', async () => {
    const s = sink();
    await s.append(record({ id: 'x', time: '2025-03-05T10:00:00.000Z' }));
    await s.append(record({ id: 'y', time: '2025-03-04T10:00:00.000Z' }));
    expect((await readdir(dir)).sort()).toEqual(['audit-2025-03-04.jsonl', 'audit-2025-03-05.jsonl']);
    const line = JSON.parse((await readFile(join(dir, 'audit-2025-03-04.jsonl'), 'utf8')).trim());
    expect(line).toMatchObject({ v: 1, type: 'record', id: 'y' });
  });

  it('uses the configured day offset for the file day (Vietnam, UTC+7)', async () => {
    const s = sink({ dayOffsetMinutes: 420 });
    await s.append(record({ id: 'early', time: '2025-03-04T18:30:00.000Z' })); // 01:30 on 5 March in Hà Nội
    expect(await readdir(dir)).toEqual(['audit-2025-03-05.jsonl']);
    expect(await ids(s, { from: '2025-03-04T18:00:00.000Z', to: '2025-03-04T19:00:00.000Z' })).toEqual(['early']);
  });

  it('reads only the files whose day overlaps the range', async () => {
    const s = sink();
    await s.append(record({ id: 'in', time: '2025-03-04T10:00:00.000Z' }));
    // A file outside the range that would break the query if it were read as a record.
    await writeFile(join(dir, 'audit-2025-01-01.jsonl'), 'garbage\n');
    expect(await ids(s, { from: '2025-03-04T00:00:00.000Z', to: '2025-03-05T00:00:00.000Z' })).toEqual(['in']);
    expect(s.corruptLines).toBe(0);
  });

  it('continues a day in .1, .2 … once a file would pass maxBytesPerFile', async () => {
    const s = sink({ maxBytesPerFile: 700 });
    for (let i = 0; i < 6; i++) await s.append(record({ id: `s${i}` }));
    const names = (await readdir(dir)).sort();
    expect(names.length).toBeGreaterThan(2);
    expect(names).toContain('audit-2025-03-04.jsonl');
    expect(names).toContain('audit-2025-03-04.1.jsonl');
    for (const name of names) {
      const text = await readFile(join(dir, name), 'utf8');
      const lines = text.trim().split('\n');
      // One line fits in 700 bytes but two do not, so every file holds exactly one record.
      expect(lines).toHaveLength(1);
    }
    expect(await ids(s)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
  });

  it('continues the last segment after a restart', async () => {
    await sink({ maxBytesPerFile: 700 }).append(record({ id: 'before' }));
    const again = sink({ maxBytesPerFile: 700 });
    await again.append(record({ id: 'after' }));
    expect((await readdir(dir)).sort()).toEqual(['audit-2025-03-04.1.jsonl', 'audit-2025-03-04.jsonl']);
    expect(await ids(again)).toEqual(['before', 'after']);
  });

  it('deletes on prune only the files older than the retention', async () => {
    const s = sink({ retentionDays: 30, maxBytesPerFile: 700 });
    await s.append(record({ id: 'old', time: '2025-01-31T10:00:00.000Z' }));
    await s.append(record({ id: 'old2', time: '2025-01-31T11:00:00.000Z' })); // lands in .1
    await s.append(record({ id: 'edge', time: '2025-02-01T10:00:00.000Z' }));
    await s.append(record({ id: 'new', time: '2025-03-03T10:00:00.000Z' }));
    const deleted = await s.prune(new Date('2025-03-03T12:00:00.000Z'));
    expect(deleted.sort()).toEqual(['audit-2025-01-31.1.jsonl', 'audit-2025-01-31.jsonl']);
    expect(await ids(s)).toEqual(['edge', 'new']);
  });
});

describe('JsonlAuditSink feedback', () => {
  it('merges the latest feedback into the record at query time, kept as separate lines', async () => {
    const s = sink({ now: () => new Date('2025-03-09T00:00:00.000Z') });
    await s.append(record({ id: 'q1' }));
    await s.append(record({ id: 'q2' }));
    await s.recordFeedback('q1', { useful: false, comment: 'Thiếu địa chỉ nộp hồ sơ' });
    await s.recordFeedback('q1', { useful: true });
    const lines = (await readFile(join(dir, 'audit-2025-03-04.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(['record', 'record', 'feedback', 'feedback']);
    expect(lines[2]).toEqual({ v: 1, type: 'feedback', id: 'q1', time: '2025-03-09T00:00:00.000Z', useful: false, comment: 'Thiếu địa chỉ nộp hồ sơ' });
    const [q1, q2] = await all(s);
    expect(q1?.feedback).toEqual({ useful: true });
    expect(q2?.feedback).toBeUndefined();
  });

  it('finds the record of an earlier process by scanning the files', async () => {
    await sink().append(record({ id: 'yesterday', time: '2025-03-03T09:00:00.000Z' }));
    const restarted = sink();
    await restarted.recordFeedback('yesterday', { useful: true, comment: 'Rất rõ ràng' });
    expect((await all(restarted))[0]?.feedback).toEqual({ useful: true, comment: 'Rất rõ ràng' });
  });

  it('rejects feedback for an unknown record, and redacts the comment of a known one', async () => {
    const s = sink();
    await s.append(record({ id: 'known' }));
    await expect(s.recordFeedback('nope', { useful: true })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await s.recordFeedback('known', { useful: false, comment: 'Sai rồi, gọi tôi số 0912345678. Nguyễn Văn An' });
    expect((await all(s))[0]?.feedback).toEqual({ useful: false, comment: 'Sai rồi, gọi tôi số [số điện thoại]. [họ tên]' });
  });
});

describe('JsonlAuditSink stats', () => {
  it('counts questions per day, refusal rates by reason, top documents and grouped not-found questions', async () => {
    const s = sink();
    await s.append(record({ time: '2025-03-04T08:00:00.000Z', citations: ['A', 'B', 'A'] }));
    await s.append(record({ time: '2025-03-04T09:00:00.000Z', citations: ['A'] }));
    await s.append(record({ time: '2025-03-05T09:00:00.000Z', citations: ['C'] }));
    await s.append(record({ time: '2025-03-05T10:00:00.000Z', outcome: 'refused', reason: 'NO_SOURCE', citations: [], question: 'Đăng ký nuôi chó mèo?' }));
    await s.append(record({ time: '2025-03-05T11:00:00.000Z', outcome: 'refused', reason: 'NO_SOURCE', citations: [], question: 'dang ky  nuoi CHO MEO' }));
    await s.append(record({ time: '2025-03-06T11:00:00.000Z', outcome: 'refused', reason: 'NO_SOURCE', citations: [], question: 'Thủ tục cấp phép bay flycam' }));
    await s.append(record({ time: '2025-03-06T12:00:00.000Z', outcome: 'refused', reason: 'STATE_SECRET', citations: [] }));
    await s.append(record({ time: '2025-03-06T13:00:00.000Z', outcome: 'error', reason: 'INTERNAL', citations: [] }));
    await s.append(record({ time: '2025-03-09T13:00:00.000Z', citations: ['Z'] })); // outside the range

    const stats = await s.stats({ from: '2025-03-04T00:00:00.000Z', to: '2025-03-07T00:00:00.000Z' });
    expect(stats.questionsPerDay).toEqual({ '2025-03-04': 2, '2025-03-05': 3, '2025-03-06': 3 });
    expect(stats.refusalRateByReason).toEqual({ NO_SOURCE: 3 / 8, STATE_SECRET: 1 / 8 });
    expect(stats.topDocuments).toEqual([{ docId: 'A', count: 2 }, { docId: 'B', count: 1 }, { docId: 'C', count: 1 }]);
    expect(stats.notFound).toEqual([
      { question: 'Đăng ký nuôi chó mèo?', count: 2 },
      { question: 'Thủ tục cấp phép bay flycam', count: 1 },
    ]);
  });

  it('keeps out-of-scope questions apart: counted under their own reason, never in the not-found list', async () => {
    const s = sink();
    await s.append(record({ time: '2025-03-05T10:00:00.000Z', outcome: 'refused', reason: 'OUT_OF_SCOPE', citations: [], question: 'Giá vàng hôm nay bao nhiêu?' }));
    await s.append(record({ time: '2025-03-05T11:00:00.000Z', outcome: 'refused', reason: 'NO_SOURCE', citations: [], question: 'Thủ tục cấp phép bay flycam' }));
    const stats = await s.stats({});
    expect(stats.refusalRateByReason).toEqual({ OUT_OF_SCOPE: 1 / 2, NO_SOURCE: 1 / 2 });
    expect(stats.notFound).toEqual([{ question: 'Thủ tục cấp phép bay flycam', count: 1 }]);
  });

  it('gives empty figures for an empty trail', async () => {
    expect(await sink().stats({})).toEqual({ questionsPerDay: {}, refusalRateByReason: {}, topDocuments: [], notFound: [] });
  });
});

describe('JsonlAuditSink robustness', () => {
  it('keeps every line whole under concurrent appends', async () => {
    const s = sink();
    const long = 'Hỏi về thủ tục '.repeat(400);
    await Promise.all(Array.from({ length: 200 }, (_, i) => s.append(record({ id: `c${i}`, question: `${long}${i}` }))));
    await s.close();
    const lines = (await readFile(join(dir, 'audit-2025-03-04.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(200);
    const parsed = lines.map((l) => JSON.parse(l) as AuditRecord);
    expect(new Set(parsed.map((r) => r.id)).size).toBe(200);
    expect(parsed.every((r) => r.question.startsWith(long))).toBe(true);
  });

  it('skips and counts a corrupt line, and a line cut short by a crash does not swallow the next append', async () => {
    const seen: Array<[string, number]> = [];
    const s = sink({ onCorruptLine: (file, line) => seen.push([file, line]) });
    await s.append(record({ id: 'first' }));
    await appendFile(join(dir, 'audit-2025-03-04.jsonl'), 'not json\n["an","array"]\n{"v":1,"type":"record","id":"half');
    const restarted = sink({ onCorruptLine: (file, line) => seen.push([file, line]) });
    await restarted.append(record({ id: 'second' }));
    expect(await ids(restarted)).toEqual(['first', 'second']);
    expect(restarted.corruptLines).toBe(3);
    expect(seen).toEqual([['audit-2025-03-04.jsonl', 2], ['audit-2025-03-04.jsonl', 3], ['audit-2025-03-04.jsonl', 4]]);
  });

  it('fsyncs every line in fsync mode and still reads them back', async () => {
    const s = sink({ durability: 'fsync' });
    await s.append(record({ id: 'durable' }));
    expect(await ids(s)).toEqual(['durable']);
  });
});

describe('JsonlAuditSink never stores personal data and never drops a record', () => {
  it.each([
    ['a 12-digit citizen id', 'CCCD của tôi là 079203001234, làm lại thế nào?', 'CCCD của tôi là [số định danh], làm lại thế nào?'],
    ['a mobile number', 'Gọi lại cho tôi 0912345678', 'Gọi lại cho tôi [số điện thoại]'],
    ['a mobile number with dots', 'SĐT 0912.345.678', 'SĐT [số điện thoại]'],
    ['a number with +84', 'liên hệ +84 912 345 678', 'liên hệ [số điện thoại]'],
    ['a name and an address', 'Tôi là Lê Văn Tám, ở thôn Phú Lộc, xã Tịnh Sơn', 'Tôi là [họ tên], ở [địa chỉ]'],
  ])('writes a question holding %s redacted', async (_kind, question, written) => {
    const s = sink();
    await s.append(record({ id: 'q', question }));
    expect((await all(s))[0]?.question).toBe(written);
  });

  it('accepts redacted questions and ordinary numbers (fees, decision numbers, dates) as they are', async () => {
    const s = sink();
    await s.append(record({ id: 'ok1', question: 'CCCD [số định danh] của tôi bị mất, SĐT [số điện thoại]' }));
    await s.append(record({ id: 'ok2', question: 'Kế hoạch số 83/KH-UBND ngày 04/6/2021, phí 200.000 đồng' }));
    expect((await all(s)).map((r) => r.question)).toEqual(['CCCD [số định danh] của tôi bị mất, SĐT [số điện thoại]', 'Kế hoạch số 83/KH-UBND ngày 04/6/2021, phí 200.000 đồng']);
  });

  it('writes a placeholder, never the text, when redaction throws, and still writes the record and the feedback', async () => {
    const s = sink({ redact: () => { throw new Error('redactor broke'); } });
    await s.append(record({ id: 'broken', question: 'Tôi là Nguyễn Văn An, CCCD 079203001234' }));
    await s.recordFeedback('broken', { useful: false, comment: 'gọi 0912345678' });
    const [r] = await all(s);
    expect(r?.question).toBe(WITHHELD_TEXT);
    expect(r?.feedback).toEqual({ useful: false, comment: WITHHELD_TEXT });
    expect(r?.decisions.at(-1)).toEqual({ guard: 'audit-redaction', action: 'redact', reason: '1 text(s) withheld: redaction failed or left personal data' });
    const files = await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')));
    expect(files.join('')).not.toMatch(/Nguyễn|079203001234|0912345678/);
  });

  it('writes a placeholder when the redactor leaves a citizen id or phone behind', async () => {
    const s = sink({ redact: (text) => text });
    await s.append(record({ id: 'leaky', question: 'SĐT 0912 345 678' }));
    expect((await all(s))[0]?.question).toBe(WITHHELD_TEXT);
  });

  it('writes a raw IP address given as the user id as unknown, with a decision saying so', async () => {
    const s = sink();
    await s.append(record({ id: 'ip', user: '203.113.7.42' }));
    const [r] = await all(s);
    expect(r?.user).toBe('unknown');
    expect(r?.decisions).toContainEqual({ guard: 'audit-redaction', action: 'redact', reason: 'user id was an IP address' });
  });

  it('redacts free text a caller adds in new fields (a drafting request, an admin note) and a conversation id that is not a UUID', async () => {
    const s = sink();
    const extra = { note: 'Đã gọi lại cho ông Trần Văn Bình 0905123456', details: { request: 'Soạn công văn gửi bà Lê Thị Hoa, email hoa.le@gmail.com' } };
    await s.append({ ...record({ id: 'admin', conversationId: '0912345678' }), ...extra } as AuditRecord);
    await s.append(record({ id: 'uuid', conversationId: '3f2a1b4c-0d5e-4f60-8a7b-123456789012' }));
    const text = (await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')))).join('');
    expect(text).not.toMatch(/Trần Văn Bình|0905123456|Lê Thị Hoa|hoa\.le@gmail\.com|"conversationId":"0912345678"/);
    expect(text).toContain('"note":"Đã gọi lại cho ông [họ tên] [số điện thoại]"');
    expect(text).toContain('"conversationId":"3f2a1b4c-0d5e-4f60-8a7b-123456789012"');
  });

  it('keeps every written form of personal data out of the files: questions, comments and notes', async () => {
    const s = sink();
    for (const [i, variant] of PII_VARIANTS.entries()) {
      await s.append({ ...record({ id: `v${i}`, question: variant.text }), note: variant.text } as AuditRecord);
      await s.recordFeedback(`v${i}`, { useful: false, comment: variant.text });
    }
    await s.close();
    const text = (await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
    expect((await all(s)).length).toBe(PII_VARIANTS.length);
    const plain = (x: string): string => x.normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));
    const written = plain(JSON.parse(`[${text.trim().split('\n').join(',')}]`).map((l: Record<string, unknown>) => JSON.stringify(l)).join('\n'));
    for (const variant of PII_VARIANTS) {
      for (const value of variant.values) {
        const digits = plain(value).replace(/\D/g, '');
        const leaked = digits.length >= 6 && !/@|at |a còng|\[at\]|\(a còng\)/i.test(value)
          ? new RegExp(digits.split('').join('[^\\d]{0,3}')).test(written)
          : written.toLowerCase().includes(plain(value).toLowerCase());
        expect(leaked, `${value} (${variant.kind})`).toBe(false);
      }
    }
  });
});
