import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../protocol/admin/audit.ts';
import { latestFirst } from './audit-table.ts';
import { reasonText } from './labels.ts';

const record = (id: string, time: string): AuditRecord => ({
  id, time, role: 'citizen', user: 'anonymous', question: 'q', retrieved: [], decisions: [], outcome: 'answered',
  answerChars: 1, citations: [], latencyMs: 3,
});

describe('the audit table', () => {
  it('shows the latest records first, at most n', () => {
    const records = [record('a', '2026-12-01T08:00:00.000Z'), record('c', '2026-12-03T08:00:00.000Z'), record('b', '2026-12-02T08:00:00.000Z')];
    expect(latestFirst(records, 2).map((r) => r.id)).toEqual(['c', 'b']);
    expect(records.map((r) => r.id)).toEqual(['a', 'c', 'b']);
  });

  it('names refusal reasons in Vietnamese with their code, and shows other codes as they are', () => {
    expect(reasonText('NO_SOURCE')).toBe('Không có nguồn (NO_SOURCE)');
    expect(reasonText('CANCELLED')).toBe('CANCELLED');
    expect(reasonText(undefined)).toBe('');
  });
});
