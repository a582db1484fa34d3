/**
 * Census of the TTHC catalog's traps: how many records carry each pattern that an answer
 * about fee, place or time must handle. A cross-check for the ingest parser (its typed
 * fields should find as many), and the source of the figures in docs/BENCHMARKS.md.
 *
 *   npx tsx eval/datasets/catalog-census.ts                      # the table
 *   npx tsx eval/datasets/catalog-census.ts --as-of 2025-06-01   # expired/running on another day
 *   npx tsx eval/datasets/catalog-census.ts --examples hdnd_fee  # codes and text behind one line
 *   npx tsx eval/datasets/catalog-census.ts --json
 */
import { configFromEnvironment } from '../../config/environment.ts';
import { datasetPaths } from '../../config/paths.ts';
import { parseArgs } from 'node:util';
import { runAsMain } from '../../ingest/run-main.ts';
import { loadCatalogRecords, type CatalogRecord } from './catalog-records.ts';
import { recordPatterns, type RecordPatterns } from './catalog-patterns.ts';

/** The day the trap set is asked on, and the census's default: a fixed date so the pinned counts do not move. */
export const CENSUS_AS_OF = '2026-12-07';

export interface CensusLine {
  key: string;
  label: string;
  /** Records with the pattern. */
  records: number;
  /** Channel rows or occurrences with it, where that means something. */
  rows?: number;
  /** The first few ma_thu_tuc, for reading. */
  examples: string[];
  /** A short text per example, for `--examples`. */
  snippets: string[];
}

interface LineSpec {
  key: string;
  label: string;
  has: (p: RecordPatterns, r: CatalogRecord) => boolean;
  rows?: (p: RecordPatterns, r: CatalogRecord) => number;
  snippet: (p: RecordPatterns, r: CatalogRecord) => string;
}

const cut = (s: string, n = 160): string => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/gu, ' ');
const freeNote = (p: RecordPatterns): string => cut(p.rows.find((r) => r.fee.kind === 'free' && r.fee.note !== undefined)?.fee.note ?? '');
const allExpired = (p: RecordPatterns, asOf: string): boolean => p.datedFees.length > 0 && p.datedFees.every((d) => d.end < asOf);
const anyRunning = (p: RecordPatterns, asOf: string): boolean => p.datedFees.some((d) => d.end >= asOf);
const cells = (p: RecordPatterns): string => cut(p.rows.map((r) => `${r.channel}: ${r.time.text || '—'} | ${r.fee.text}${r.fee.note !== undefined ? `(${cut(r.fee.note, 40)})` : ''}`).join(' ; '), 260);

function lineSpecs(asOf: string): LineSpec[] {
  return [
    { key: 'records', label: 'records in the catalog', has: () => true, snippet: (_p, r) => cut(r.ten_thu_tuc, 80) },
    { key: 'table_unsplit', label: 'channel table with no row found', has: (p) => p.rows.length === 0, snippet: (_p, r) => cut(r.cach_thuc_thuc_hien) },
    { key: 'free_paren_text', label: 'fee text "Miễn phí(" anywhere in the table', has: (p) => p.freeParenText, snippet: freeNote },
    { key: 'free_note', label: 'fee cell "Miễn phí(…)" (parsed), rows', has: (p) => p.freeWithNoteRows > 0, rows: (p) => p.freeWithNoteRows, snippet: freeNote },
    { key: 'free_note_amount', label: '… whose note holds a money amount', has: (p) => p.freeNoteAmounts.length > 0, snippet: (p) => p.freeNoteAmounts.slice(0, 4).join('; ') },
    { key: 'free_note_amount_flat', label: '… round 1\'s reading: note up to its first "("', has: (_p, r) => ROUND1_FREE_AMOUNT.test(r.cach_thuc_thuc_hien), snippet: freeNote },
    { key: 'hdnd_fee', label: 'fee decided by the HĐND', has: (p) => p.hdnd !== undefined, snippet: (p, r) => `[${p.hdnd}] ${cut(hdndContext(r.cach_thuc_thuc_hien))}` },
    { key: 'hdnd_in_free_note', label: '… named in a "Miễn phí(…)" note', has: (p) => p.hdnd === 'free-note', snippet: freeNote },
    { key: 'hdnd_in_amount_note', label: '… named in the note of an amount', has: (p) => p.hdnd === 'amount-note', snippet: (_p, r) => cut(hdndContext(r.cach_thuc_thuc_hien)) },
    { key: 'hdnd_elsewhere', label: '… named in the description only', has: (p) => p.hdnd === 'elsewhere', snippet: (_p, r) => cut(hdndContext(r.cach_thuc_thuc_hien)) },
    { key: 'hdnd_flat', label: '… round 1\'s reading: "Miễn phí(" note up to its first "("', has: (_p, r) => ROUND1_HDND.test(r.cach_thuc_thuc_hien), snippet: freeNote },
    { key: 'dated_fee', label: 'fee rate or waiver with an end date', has: (p) => p.datedFees.length > 0, snippet: (p) => p.datedFees.map((d) => `${d.end} ${d.kind}`).join(', ') },
    { key: 'dated_fee_expired', label: `… all ended before ${asOf}`, has: (p) => allExpired(p, asOf), snippet: (p) => cut(p.datedFees[0]?.snippet ?? '') },
    { key: 'dated_fee_running', label: `… one still running on ${asOf}`, has: (p) => anyRunning(p, asOf), snippet: (p) => cut(p.datedFees.find((d) => d.end >= asOf)?.snippet ?? '') },
    { key: 'dated_reduction', label: '… a lower rate (not a waiver)', has: (p) => p.datedFees.some((d) => d.kind === 'reduction'), snippet: (p) => cut(p.datedFees.find((d) => d.kind === 'reduction')?.snippet ?? '') },
    { key: 'dated_waiver', label: '… a waiver ("Miễn phí từ … đến …")', has: (p) => p.datedFees.some((d) => d.kind === 'waiver'), snippet: (p) => cut(p.datedFees.find((d) => d.kind === 'waiver')?.snippet ?? '') },
    { key: 'dated_fee_flat', label: '… round 1\'s reading: "đến hết ngày d/m/yyyy" exactly', has: (_p, r) => ROUND1_END_DATE.test(r.cach_thuc_thuc_hien), snippet: (p) => cut(p.datedFees[0]?.snippet ?? '') },
    { key: 'no_office_level', label: 'no cơ quan thực hiện but a cấp thực hiện', has: (p) => p.noOfficeButLevel, snippet: (_p, r) => `${r.cap_thuc_hien} | thẩm quyền: ${r.co_quan_co_tham_quyen || '—'}` },
    { key: 'no_office_commune', label: '… the cấp includes Cấp xã', has: (p, r) => p.noOfficeButLevel && r.cap_thuc_hien.includes('Cấp xã'), snippet: (_p, r) => cut(r.ten_thu_tuc, 90) },
    { key: 'no_office_authority', label: '… with a cơ quan có thẩm quyền instead', has: (p, r) => p.noOfficeButLevel && !!r.co_quan_co_tham_quyen?.trim(), snippet: (_p, r) => r.co_quan_co_tham_quyen ?? '' },
    { key: 'time_bare', label: 'time written as a bare number, rows', has: (p) => p.bareTimeRows > 0, rows: (p) => p.bareTimeRows, snippet: cells },
    { key: 'time_zero', label: '… the number is 0', has: (p) => p.zeroTimeRows > 0, rows: (p) => p.zeroTimeRows, snippet: cells },
    { key: 'time_glued', label: 'time digits glued to the fee amount, rows', has: (p) => p.gluedRows > 0, rows: (p) => p.gluedRows, snippet: cells },
    { key: 'fee_differs', label: 'channels whose fee differs', has: (p) => p.feeDiffers, snippet: cells },
    { key: 'fee_known_differs', label: '… both known (free or an amount)', has: (p) => p.knownFeeDiffers, snippet: cells },
    { key: 'fee_note_differs', label: 'channels whose fee or its note differs', has: (p) => p.feeOrNoteDiffers, snippet: cells },
    { key: 'time_differs', label: 'channels whose time differs', has: (p) => p.timeDiffers, snippet: cells },
    { key: 'empty_counts', label: 'papers "0 bản chính" with no copy, occurrences', has: (p) => p.emptyCounts > 0, rows: (p) => p.emptyCounts, snippet: (_p, r) => cut(emptyCountContext(r.thanh_phan_ho_so)) },
    { key: 'title_quotes', label: 'title with quotation marks', has: (p) => p.titleQuotes, snippet: (_p, r) => r.ten_thu_tuc },
    { key: 'title_thu_tuc', label: 'title starting "Thủ tục …"', has: (p) => p.titleStartsWithThuTuc, snippet: (_p, r) => cut(r.ten_thu_tuc, 100) },
    { key: 'double_paren', label: 'note wrapped twice "((…"', has: (p) => p.doubleParen, snippet: (_p, r) => cut(r.cach_thuc_thuc_hien.slice(Math.max(0, r.cach_thuc_thuc_hien.indexOf('((') - 30))) },
  ];
}

/**
 * Round 1's readings, kept to explain its figures (40, 57, 79): a note read up to its first
 * inner parenthesis misses `Miễn phí((…` and `Mức lệ phí (nếu có) theo … Hội đồng nhân dân`;
 * an end date matched only as `đến hết ngày 31/12/2025` misses `đến  hết ngày` and the
 * waivers written `từ ngày 07/4/2026 đến 30/6/2026`.
 */
const ROUND1_FREE_AMOUNT = /Miễn phí\([^()]*\d[\d.,]*\s*(?:đồng|VNĐ|đ(?![\p{L}\p{N}_])|USD)/u;
const ROUND1_HDND = /Miễn phí\([^()]*Hội đồng nhân dân/u;
const ROUND1_END_DATE = /đến hết ngày \d{1,2}\/\d{1,2}\/\d{4}/u;

function hdndContext(table: string): string {
  const at = table.search(/(?<!ngày\s)(?:Hội đồng nhân dân|HĐND)/iu);
  return table.slice(Math.max(0, at - 60), at + 90);
}

function emptyCountContext(papers: string): string {
  const at = papers.search(/(?<!\d)0\s*bản chính(?!\s*,?\s*0*[1-9]\d*\s*bản sao)/u);
  return papers.slice(Math.max(0, at - 100), at + 22);
}

/** Count every pattern over the records, as of a day (ISO `YYYY-MM-DD`) for dated fees. */
export function catalogCensus(records: CatalogRecord[], asOf = CENSUS_AS_OF, examples = 5): CensusLine[] {
  const patterns = records.map((r) => [recordPatterns(r), r] as const);
  return lineSpecs(asOf).map((spec) => {
    const hits = patterns.filter(([p, r]) => spec.has(p, r));
    const line: CensusLine = {
      key: spec.key,
      label: spec.label,
      records: hits.length,
      examples: hits.slice(0, examples).map(([p]) => p.code),
      snippets: hits.slice(0, examples).map(([p, r]) => spec.snippet(p, r)),
    };
    if (spec.rows) line.rows = hits.reduce((n, [p, r]) => n + (spec.rows?.(p, r) ?? 0), 0);
    return line;
  });
}

/** The census as a plain-text table. */
export function formatCensus(lines: CensusLine[]): string {
  const width = Math.max(...lines.map((l) => l.label.length));
  const out = [`${'pattern'.padEnd(22)} ${'what'.padEnd(width)} ${'records'.padStart(7)} ${'rows'.padStart(5)}  e.g.`];
  for (const l of lines) {
    out.push(`${l.key.padEnd(22)} ${l.label.padEnd(width)} ${String(l.records).padStart(7)} ${(l.rows === undefined ? '' : String(l.rows)).padStart(5)}  ${l.examples.slice(0, 3).join(' ')}`);
  }
  return out.join('\n');
}

runAsMain(import.meta.url, async (argv) => {
  const { values } = parseArgs({ args: argv, options: { 'as-of': { type: 'string' }, examples: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } } });
  const asOf = values['as-of'] ?? CENSUS_AS_OF;
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(asOf)) throw new Error(`--as-of must be YYYY-MM-DD, got "${asOf}"`);
  const lines = catalogCensus(await loadCatalogRecords(datasetPaths(configFromEnvironment()).tthc), asOf, Number(values.limit ?? 12));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ asOf, lines }, null, 2)}\n`);
  } else if (values.examples) {
    const line = lines.find((l) => l.key === values.examples);
    if (!line) throw new Error(`unknown pattern "${values.examples}"; one of: ${lines.map((l) => l.key).join(', ')}`);
    process.stdout.write(`${line.key}: ${line.label} — ${line.records} records\n`);
    line.examples.forEach((code, i) => process.stdout.write(`  ${code}  ${line.snippets[i] ?? ''}\n`));
  } else {
    process.stdout.write(`TTHC catalog census as of ${asOf}\n${formatCensus(lines)}\n`);
  }
  return 0;
});
