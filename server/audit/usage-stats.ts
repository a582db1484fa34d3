/**
 * Usage statistics computed in one pass over audit records, whatever sink they come from.
 */
import type { AuditRecord, UsageStats } from '../../core/audit/types.ts';
import { foldDiacritics, normalizeText } from '../../core/text/index.ts';

/** Options of {@link computeUsageStats}. */
export interface UsageStatsOptions {
  /** Offset of the reporting day from UTC, in minutes (420 for Vietnam, UTC+7). */
  dayOffsetMinutes?: number;
  /** How many documents to list in `topDocuments` (default 20). */
  topDocuments?: number;
  /** How many groups to list in `notFound` (default 50). */
  notFound?: number;
}

/** `YYYY-MM-DD` of an ISO instant, shifted by `offsetMinutes` from UTC. */
export function dayOf(iso: string, offsetMinutes = 0): string {
  return new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The grouping key of a question: case, diacritics, punctuation and spacing ignored. */
export function questionKey(question: string): string {
  return foldDiacritics(normalizeText(question).toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function byCountThenName<T extends { count: number }>(name: (x: T) => string) {
  return (a: T, b: T) => b.count - a.count || name(a).localeCompare(name(b));
}

/** Questions per day, refusal rates, most cited documents and unanswered questions. */
export async function computeUsageStats(records: AsyncIterable<AuditRecord>, options: UsageStatsOptions = {}): Promise<UsageStats> {
  const offset = options.dayOffsetMinutes ?? 0;
  const perDay: Record<string, number> = {};
  const refusals = new Map<string, number>();
  const docs = new Map<string, number>();
  const notFound = new Map<string, { question: string; count: number }>();
  let total = 0;

  for await (const r of records) {
    total++;
    const day = dayOf(r.time, offset);
    perDay[day] = (perDay[day] ?? 0) + 1;
    if (r.outcome === 'refused') {
      const reason = r.reason ?? 'UNSPECIFIED';
      refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
      if (reason === 'NO_SOURCE') {
        const key = questionKey(r.question);
        const group = notFound.get(key);
        if (group) group.count++;
        else notFound.set(key, { question: r.question, count: 1 });
      }
    }
    for (const docId of new Set(r.citations)) docs.set(docId, (docs.get(docId) ?? 0) + 1);
  }

  const refusalRateByReason: Record<string, number> = {};
  for (const [reason, count] of refusals) refusalRateByReason[reason] = count / total;
  return {
    questionsPerDay: perDay,
    refusalRateByReason,
    topDocuments: [...docs].map(([docId, count]) => ({ docId, count }))
      .sort(byCountThenName((d) => d.docId)).slice(0, options.topDocuments ?? 20),
    notFound: [...notFound.values()].sort(byCountThenName((q) => q.question)).slice(0, options.notFound ?? 50),
  };
}
