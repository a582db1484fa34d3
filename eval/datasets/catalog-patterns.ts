/**
 * The catalog traps a citizen's answer can fall into, detected in one record: fees written
 * `Miễn phí(…)` with the real amount in the note, fees decided by the HĐND, reductions or
 * waivers with an end date, no cơ quan but a cấp, times without a unit, channels that
 * differ, empty paper counts, quotes in titles. Each regex was checked by reading the
 * records it finds (see eval/datasets/README.md); the census counts them catalog-wide.
 */
import type { CatalogRecord } from './catalog-records.ts';
import { splitChannelRows, type ChannelRowCell } from './catalog-channels.ts';

/** A money amount inside a note: `135.000 đồng/lần`, `40.000đồng`, `06 triệu đồng`, `200 USD`, `250.000 đ/lần`. */
const MONEY = /(?<![\d.,])(\d[\d.,]*)\s*(?:triệu\s+)?(?:đồng|vnđ|vnd|usd|đ(?!\p{L}))/giu;
/** The HĐND named as the one who sets the fee; `kể từ ngày Hội đồng nhân dân … thông qua` is a deadline, not a fee. */
const HDND = /(?<!ngày\s)(?:Hội đồng nhân dân|HĐND)/iu;
/** The end of a dated rate: `đến hết ngày 31/12/2025`, `đến 30/6/2026`. */
const END_DATE = /đến\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/giu;
/** Words that make a dated clause a fee clause (checked around it, as is a money amount). */
const FEE_WORDS = /phí|miễn|mức thu/iu;
/** A waiver (`Miễn phí kể từ ngày 07/4/2026 đến 30/6/2026`, also the crawl's `Miễ phí`, `Miễnphí`, `Miễn kể từ`) rather than a lower rate. */
const WAIVER = /Miễ(?:n)?\s*(?:lệ\s+)?phí\s+(?:kể\s+)?từ|Miễn\s+kể\s+từ/iu;
/**
 * A paper counted `0 bản chính` with no copy after it: the catalog's way of listing a note
 * (`Số lượng hồ sơ: 01 (một) bộ.0 bản chính`) as a paper, which answers render as
 * `0 bản chính, 0 bản sao`. `0 bản chính,1 bản sao` (a copy only) is a real count.
 */
const EMPTY_COUNT = /(?<!\d)0\s*bản chính(?!\s*,?\s*0*[1-9]\d*\s*bản sao)/gu;
const NO_INFO = /^(?:|Không có thông tin)$/u;

/** A dated fee clause: its end date (ISO) and whether it waives the fee or lowers it. */
export interface DatedFee {
  end: string;
  kind: 'waiver' | 'reduction';
  snippet: string;
}

export interface RecordPatterns {
  code: string;
  rows: ChannelRowCell[];
  /** `Miễn phí(` anywhere in the channel table (the plain-string count of round 1). */
  freeParenText: boolean;
  /** Fee cells parsed as `Miễn phí` with a note in parentheses. */
  freeWithNoteRows: number;
  /** Non-zero money amounts written in the notes of `Miễn phí(…)` cells. */
  freeNoteAmounts: string[];
  /** Where the HĐND is named for the fee, when it is. */
  hdnd?: 'free-note' | 'amount-note' | 'elsewhere';
  datedFees: DatedFee[];
  /** `co_quan_thuc_hien` empty or `Không có thông tin` while `cap_thuc_hien` names a level. */
  noOfficeButLevel: boolean;
  /** Rows whose time is a bare number (`Trực tiếp1Miễn phí`), and those where it is `0`. */
  bareTimeRows: number;
  zeroTimeRows: number;
  /** Rows where digits run into the fee amount, so the time cannot be told apart. */
  gluedRows: number;
  /** Between distinct channels: the fee cell (note left out), the fee with its note, the time. */
  feeDiffers: boolean;
  /** The same, leaving out cells that say `Không có thông tin`: free against an amount, or two amounts. */
  knownFeeDiffers: boolean;
  feeOrNoteDiffers: boolean;
  timeDiffers: boolean;
  emptyCounts: number;
  titleQuotes: boolean;
  titleStartsWithThuTuc: boolean;
  /** `((` in the channel table: a note the crawl wrapped twice. */
  doubleParen: boolean;
}

/** Detect every pattern in one record. */
export function recordPatterns(record: CatalogRecord): RecordPatterns {
  const table = record.cach_thuc_thuc_hien;
  const rows = splitChannelRows(table);
  const freeNotes = rows.filter((r) => r.fee.kind === 'free' && r.fee.note !== undefined).map((r) => r.fee.note ?? '');
  return {
    code: record.ma_thu_tuc,
    rows,
    freeParenText: table.includes('Miễn phí('),
    freeWithNoteRows: freeNotes.length,
    freeNoteAmounts: [...new Set(freeNotes.flatMap(moneyAmounts))],
    hdnd: hdndPlace(table, rows),
    datedFees: datedFees(table),
    noOfficeButLevel: NO_INFO.test(record.co_quan_thuc_hien.trim()) && record.cap_thuc_hien.trim() !== '',
    bareTimeRows: rows.filter((r) => r.time.shape === 'bare').length,
    zeroTimeRows: rows.filter((r) => r.time.shape === 'bare' && Number(r.time.text) === 0).length,
    gluedRows: rows.filter((r) => r.time.shape === 'glued').length,
    feeDiffers: channelsDiffer(rows, feeKey),
    knownFeeDiffers: channelsDiffer(rows.filter((r) => r.fee.kind === 'free' || r.fee.kind === 'amount'), feeKey),
    feeOrNoteDiffers: channelsDiffer(rows, (r) => `${r.fee.kind}:${digits(r.fee.text)}:${squash(r.fee.note ?? '')}`),
    timeDiffers: channelsDiffer(rows, (r) => `${r.time.shape}:${squash(r.time.text)}`),
    emptyCounts: [...record.thanh_phan_ho_so.matchAll(EMPTY_COUNT)].length,
    titleQuotes: /[“”"«»]/u.test(record.ten_thu_tuc),
    titleStartsWithThuTuc: /^\s*thủ tục\s/iu.test(record.ten_thu_tuc),
    doubleParen: table.includes('(('),
  };
}

/** Non-zero money amounts in a text, as written. */
export function moneyAmounts(text: string): string[] {
  return [...text.matchAll(MONEY)].filter((m) => /[1-9]/u.test(m[1] ?? '')).map((m) => m[0].trim());
}

function hdndPlace(table: string, rows: ChannelRowCell[]): RecordPatterns['hdnd'] {
  if (!HDND.test(table)) return undefined;
  if (rows.some((r) => r.fee.kind === 'free' && HDND.test(r.fee.note ?? ''))) return 'free-note';
  if (rows.some((r) => r.fee.kind === 'amount' && HDND.test(r.fee.note ?? ''))) return 'amount-note';
  return 'elsewhere';
}

/** Dated fee clauses of a channel table, each end date once. */
export function datedFees(table: string): DatedFee[] {
  const out = new Map<string, DatedFee>();
  for (const m of table.matchAll(END_DATE)) {
    const at = m.index ?? 0;
    const around = table.slice(Math.max(0, at - 300), at + m[0].length + 150);
    if (!FEE_WORDS.test(around) && moneyAmounts(around).length === 0) continue;
    const end = `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
    const before = table.slice(Math.max(0, at - 160), at);
    const kind = WAIVER.test(before) ? 'waiver' : 'reduction';
    const previous = out.get(end);
    if (!previous || (previous.kind === 'waiver' && kind === 'reduction')) {
      out.set(end, { end, kind, snippet: table.slice(Math.max(0, at - 140), at + m[0].length + 60).replace(/\s+/gu, ' ') });
    }
  }
  return [...out.values()];
}

/** Whether the channels (each the set of its rows' keys) do not all agree; false with fewer than two channels. */
function channelsDiffer(rows: ChannelRowCell[], key: (r: ChannelRowCell) => string): boolean {
  const byChannel = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = byChannel.get(r.channel) ?? new Set<string>();
    set.add(key(r));
    byChannel.set(r.channel, set);
  }
  const signatures = new Set([...byChannel.values()].map((s) => [...s].sort().join('|')));
  return byChannel.size > 1 && signatures.size > 1;
}

const feeKey = (r: ChannelRowCell): string => `${r.fee.kind}:${digits(r.fee.text)}`;
const digits = (s: string): string => s.replace(/[^\d]/gu, '') + (/USD/u.test(s) ? 'USD' : '');
const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim().toLowerCase();
