import { describe, expect, it } from 'vitest';
import { lastDays } from './charts.ts';

describe('lastDays', () => {
  it('keeps the last 31 days in date order with their total and busiest day', () => {
    const perDay: Record<string, number> = {};
    for (let d = 1; d <= 40; d++) perDay[`2026-${d <= 31 ? '10' : '11'}-${String(d <= 31 ? d : d - 31).padStart(2, '0')}`] = d;
    const { days, total, max } = lastDays(perDay);
    expect(days).toHaveLength(31);
    expect(days[0]).toEqual(['2026-10-10', 10]);
    expect(days.at(-1)).toEqual(['2026-11-09', 40]);
    expect(total).toBe((10 + 40) * 31 / 2);
    expect(max).toBe(40);
  });

  it('is empty for no days', () => {
    expect(lastDays({})).toEqual({ days: [], total: 0, max: 0 });
  });
});
