/** Dates and numbers as Vietnamese readers write them. */

/** An ISO instant in Vietnam's time zone, e.g. `14:05:09 7/12/2026`; unparsable input as is. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}

/** A number with Vietnamese grouping (`1.234`). */
export function formatNumber(n: number): string {
  return Number(n).toLocaleString('vi-VN');
}

/** An ISO date (`2021-06-04…`) day first: `04/06/2021`; anything else as is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
