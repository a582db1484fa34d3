/**
 * The day a question is asked, as answers count days: the calendar date in Vietnam
 * (UTC+7 all year, no daylight saving), so a question at 23:30 UTC on 31 December is
 * asked on 1 January there and gets the rate of the new year.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `instant` in Vietnam. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `s` is an ISO calendar date `YYYY-MM-DD`. */
export function isIsoDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/u.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}
