/** CSV for the admin exports. */

/** One CSV cell; cells that a spreadsheet would run as a formula are prefixed with a quote (OWASP). */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
