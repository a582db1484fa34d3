/**
 * Vietnamese dates: `ngày 04 tháng 6 năm 2026`, `04/6/2021`, `04-06-2021`, `04.06.2021`.
 */

const WORDED = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/u;

/** ISO `YYYY-MM-DD` when the parts make a real calendar date, else undefined. */
export function toIsoDate(day: number, month: number, year: number): string | undefined {
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return undefined;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parse the first date written in `s` (worded or numeric, day first) to ISO.
 * Returns undefined when there is none or it is not a valid calendar date (`31/4/2025`).
 */
export function parseVietnameseDate(s: string): string | undefined {
  const worded = WORDED.exec(s);
  const numeric = NUMERIC.exec(s);
  const first = worded && numeric ? (worded.index <= numeric.index ? 'w' : 'n') : worded ? 'w' : numeric ? 'n' : undefined;
  if (first === 'w' && worded) return toIsoDate(Number(worded[1]), Number(worded[2]), Number(worded[3]));
  if (first === 'n' && numeric) return toIsoDate(Number(numeric[1]), Number(numeric[3]), Number(numeric[4]));
  return undefined;
}

/** The place-and-date line of a document (`Quảng Ngãi, ngày 04 tháng 6 năm 2026`). */
export interface PlaceDate {
  place: string;
  date?: string;
  /** Offset of the line in the searched text. */
  index: number;
}

const PLACE_DATE = /(?:^|\n)[ \t]*([\p{Lu}][\p{L}.]*(?:[ \t]+[\p{L}.]+){0,4}),[ \t]*ngày[ \t]+([\d. ]*)[ \t]*tháng[ \t]+([\d. ]*)[ \t]*năm[ \t]+(\d{4})/u;

/** Find the place-date line; the date is absent when it was left blank for signing. */
export function findPlaceDate(text: string): PlaceDate | undefined {
  const m = PLACE_DATE.exec(text);
  if (!m) return undefined;
  const place = (m[1] ?? '').trim();
  const day = Number((m[2] ?? '').replace(/\D/g, ''));
  const month = Number((m[3] ?? '').replace(/\D/g, ''));
  const date = day && month ? toIsoDate(day, month, Number(m[4])) : undefined;
  const result: PlaceDate = { place, index: m.index };
  if (date) result.date = date;
  return result;
}
