import { describe, expect, it } from 'vitest';
import { isIsoDay, vietnamDay } from './as-of.ts';

describe('vietnamDay', () => {
  it('counts the day in Vietnam (UTC+7): 23:30 UTC on 31 December is already 1 January', () => {
    expect(vietnamDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(vietnamDay(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vietnamDay(new Date('2026-12-07T10:00:00+07:00'))).toBe('2026-12-07');
  });

  it('tells an ISO day from anything else', () => {
    expect(isIsoDay('2026-12-07')).toBe(true);
    expect(isIsoDay('07/12/2026')).toBe(false);
    expect(isIsoDay('2026-13-40')).toBe(false);
  });
});
