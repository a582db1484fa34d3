/**
 * The fee of a procedure as typed entries, parsed once at ingest from the channel table's
 * fee cells, their notes and, where the catalogue writes the fee there, the rows'
 * descriptions. The catalogue's cell is often not the fee: `Miễn phí(Lệ phí cấp giấy phép
 * lái xe: 135.000 đồng/lần …)` holds a real amount, `Miễn phí(Mức lệ phí cụ thể do Hội đồng
 * nhân dân tỉnh … quyết định …)` a fee the province sets, `800,000 Việt Nam Đồng(áp dụng mức
 * phí 400.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 …)` a lower rate for a
 * while. Each entry says what applies, to which channels, between which dates, and what it
 * is for; which one applies on a given day is decided when answering (core/answer).
 */
import { readClause, splitClauses, type FeeClause, type MoneyAmount } from './fee-clauses.ts';
import type { Channel, ChannelRow } from './procedure-tables.ts';

/** The body that sets the amount, when the catalogue leaves it to the province. */
export type FeeSetter = 'HĐND tỉnh';

/** One typed fee statement of a procedure. */
export interface FeeEntry {
  /** `lệ phí` or `phí` when the text says which. */
  kind?: 'lệ phí' | 'phí';
  /** The amount, in the currency's unit; absent for a percentage, a waiver, the HĐND or a reference. */
  amount?: number;
  currency?: 'VND' | 'USD';
  /** What it is counted per: `đồng/lần`, `đồng/hồ sơ`, `USD/thẻ`. */
  unit?: string;
  /** The amount as the catalogue writes it (`135.000 đồng/lần`, `70,000 Việt Nam Đồng`). */
  amountText?: string;
  /** `bằng 50% mức thu`: a share of the usual rate. */
  percent?: number;
  /** `Mức phí giảm 20%`: how much below the usual rate. */
  percentOff?: number;
  /** ISO dates the entry applies from / to (inclusive), when the catalogue dates it. */
  validFrom?: string;
  validTo?: string;
  /** Channels it applies to. */
  channels: Channel[];
  /** What or whom it is for, as written before the amount (`Cấp lại do mất, hỏng`). */
  condition?: string;
  /** The whole clause it was read from, verbatim (for quoting). */
  note?: string;
  /** The province's Hội đồng nhân dân sets the amount. */
  decidedBy?: FeeSetter;
  /** No amount is due: a waiver (dated) or an exemption (for `condition`). */
  free?: true;
  /** The regulation the clause names (`64/2025/TT-BTC`), when it names one. */
  regulation?: string;
  /** Paid only on request (a copy of the result): not the procedure's own fee. */
  onRequest?: true;
  /** Where it was read: the fee cell, its note, or the row's description. */
  source: 'cell' | 'note' | 'description';
}

/** The fee cell of one channel as the catalogue writes it. */
export interface ChannelFee {
  channel: Channel;
  cell: 'free' | 'amount' | 'unknown';
  /** `Miễn phí`, `70.000 đồng`. */
  cellText?: string;
  /** The cell's note, one pair of brackets removed. */
  note?: string;
  /**
   * No amount applies on this channel: the cell says `Miễn phí` and nothing in its note or
   * description names an amount, a share of a rate, the HĐND or a regulation setting the fee.
   */
  free: boolean;
  /** `Miễn phí(Chưa quy định.)`: the catalogue says no rate is set yet; its note says so. */
  unset?: true;
  /**
   * The cell's amount is not the fee as written in its note (`40 Việt Nam Đồng` beside
   * `40.000đ`), or the time cell ran into it: the note's amounts are the ones to say.
   */
  cellUnreliable?: true;
}

/** The typed fee of a procedure. */
export interface ProcedureFees {
  channels: ChannelFee[];
  entries: FeeEntry[];
}

/** A row description that states the fee (`Phí: 500.000 đồng/hồ sơ …`, `Phí, lệ phí (nếu có): Hội đồng nhân dân …`). */
const FEE_STATEMENT = /^(?:Phí|Lệ phí|Mức (?:lệ )?phí|Mức thu|Phí, lệ phí)(?:\s*\(nếu có\))?\s*[:.]/u;
/** A clause that only points at a regulation for the rate. */
const REFERENCE = /mức thu|mức phí|biểu phí|thực hiện theo|theo quy định|áp dụng mức/iu;
const LABEL_END = /[\s:,;–-]+(?:(?:là|bằng|thu|nộp)[\s:]*)?$/u;

/** Whether a note amount is the cell's amount (equal, or the cell dropped its thousands). */
function sameAmount(cell: number | undefined, note: MoneyAmount): boolean {
  if (cell === undefined || note.value === undefined) return false;
  return note.value === cell || note.value === cell * 1000 || note.value === cell * 1_000_000;
}

/** Words before an amount that only name the fee (`Phí:`, `áp dụng mức phí`), not what it is for. */
const GENERIC_LABEL = /^(?:phí|lệ phí|nộp|mức phí|mức thu|mức lệ phí|(?:áp dụng )?mức (?:thu )?(?:lệ )?phí|áp dụng mức thu(?: lệ phí)?)(?: là)?$/iu;
/** A bracket after an amount that says whom it is for (`(Đối với cảng hàng không quốc tế)`, `(Cấp lần đầu)`). */
const AFTER_CONDITION = /^\s*\(((?:đối với|trường hợp|cấp|riêng|áp dụng cho)[^()]{2,120})\)/iu;

/** What an amount is for: a bracket right after it that says so, else the clause's words before it. */
function conditionOf(clause: string, amount: MoneyAmount, previousEnd: number): string | undefined {
  const after = AFTER_CONDITION.exec(clause.slice(amount.end));
  if (after?.[1]) return after[1].trim();
  let before = clause.slice(previousEnd, amount.start);
  // The previous amount's own bracket is not this one's condition.
  if (previousEnd > 0) before = before.replace(/^\s*\([^()]*\)/u, '');
  // Inside a bracket opened before the amount (`/hồ sơ (áp dụng mức phí 1.750.000 …`): its words only.
  const open = before.lastIndexOf('(');
  if (open >= 0 && before.indexOf(')', open) < 0) before = before.slice(open + 1);
  before = before.replace(/^[\s,;:()+*-]+/u, '').replace(LABEL_END, '').trim();
  if (!before || before.length > 160 || !/\p{L}/u.test(before) || GENERIC_LABEL.test(before)) return undefined;
  return before;
}

function entriesOfClause(c: FeeClause, channels: Channel[], source: FeeEntry['source']): FeeEntry[] {
  const base = {
    ...(c.kind ? { kind: c.kind } : {}), channels: c.channels.length > 0 ? c.channels : channels, note: c.text, source,
    ...(c.onRequest ? { onRequest: true as const } : {}),
  };
  const regulation = c.regulations[0];
  const out: FeeEntry[] = [];
  if (c.hdnd) out.push({ ...base, decidedBy: 'HĐND tỉnh' });
  if (c.waiver || (c.exemption && c.amounts.length === 0)) {
    const head = c.text.search(/Miễ|miễn|Không thu|không thu|được miễn/u);
    // `Sát hạch thực hành (Miễn kể từ …)`: what is waived; not a unit (`đồng/lần/người (Miễn …`) or amounts.
    const before = head > 0 ? c.text.slice(0, head).replace(/[\s(:,;–-]+$/u, '').replace(/^[\s(]+/u, '').trim() : '';
    // An exemption is for whom its whole clause says; a waiver, for what its words before it name.
    const condition = c.exemption ? c.text : before && c.amounts.length === 0 && !/^(?:đồng|VNĐ)?\s*\//u.test(before) ? before : undefined;
    out.push({
      ...base, free: true,
      ...(condition ? { condition } : {}),
      ...(c.waiver && c.validFrom ? { validFrom: c.validFrom } : {}), ...(c.waiver && c.validTo ? { validTo: c.validTo } : {}),
      ...(regulation ? { regulation } : {}),
    });
  }
  if (c.percent !== undefined || c.percentOff !== undefined) {
    out.push({
      ...base, ...(c.percent !== undefined ? { percent: c.percent } : {}), ...(c.percentOff !== undefined ? { percentOff: c.percentOff } : {}),
      ...(c.validFrom ? { validFrom: c.validFrom } : {}), ...(c.validTo ? { validTo: c.validTo } : {}),
      ...(regulation ? { regulation } : {}),
    });
  }
  let previousEnd = 0;
  for (const a of c.amounts) {
    const condition = conditionOf(c.text, a, previousEnd);
    previousEnd = a.end;
    out.push({
      ...base,
      ...(a.value !== undefined ? { amount: a.value } : {}), currency: a.currency, ...(a.unit ? { unit: a.unit } : {}), amountText: a.text,
      ...(a.validFrom ? { validFrom: a.validFrom } : {}), ...(a.validTo ? { validTo: a.validTo } : {}),
      ...(condition ? { condition } : {}),
      ...(a.regulation ? { regulation: a.regulation } : {}),
    });
  }
  if (out.length === 0 && regulation && c.kind && REFERENCE.test(c.text)) {
    out.push({ ...base, regulation, ...(c.validFrom ? { validFrom: c.validFrom } : {}), ...(c.validTo ? { validTo: c.validTo } : {}) });
  }
  // A description's words on paying, kept as a note of the channel.
  if (out.length === 0 && source === 'description') out.push({ ...base });
  return out;
}

/**
 * A heading clause (`* Theo quy định tại Thông tư 64/2025/TT-BTC (kể từ ngày 01/7/2025 đến
 * hết ngày 31/12/2026).`) dates and sources the amounts of the clause after it (`+ 03 triệu
 * đồng/Giấy chứng nhận.`); it states nothing of its own.
 */
function carryHeadings(clauses: FeeClause[]): FeeClause[] {
  return clauses.map((c, i) => {
    const prev = clauses[i - 1];
    const heading = prev && prev.amounts.length === 0 && prev.percent === undefined && !prev.waiver && !prev.hdnd && (prev.validTo !== undefined || prev.regulations.length > 0);
    if (!heading || c.amounts.length === 0 || c.amounts.some((a) => a.validTo || a.validFrom)) return c;
    return {
      ...c,
      amounts: c.amounts.map((a) => ({ ...a, ...(prev.validFrom ? { validFrom: prev.validFrom } : {}), ...(prev.validTo ? { validTo: prev.validTo } : {}), ...(prev.regulations[0] && !a.regulation ? { regulation: prev.regulations[0] } : {}) })),
    };
  });
}

/** Whether a clause only heads the next one (see {@link carryHeadings}). */
function isHeading(c: FeeClause, next: FeeClause | undefined): boolean {
  return !!next && next.amounts.length > 0 && c.amounts.length === 0 && c.percent === undefined && !c.waiver && !c.hdnd && (c.validTo !== undefined || c.regulations.length > 0);
}

/** A description clause about paying (`trả phí theo quy định`), read when the fee cell says nothing. */
const PAYING = /(?<!\p{L})phí(?!\p{L})/u;

/**
 * The fee clauses of a row's description: those that state the fee; and when the cell has
 * no information, those that speak of paying (`Trả kết quả qua dịch vụ bưu chính, trả phí theo quy định`).
 */
function descriptionClauses(description: string | undefined, cellUnknown: boolean): string[] {
  if (!description || !PAYING.test(description)) return [];
  return splitClauses(description).filter((c) => FEE_STATEMENT.test(c) || (cellUnknown && PAYING.test(c)));
}

/** A key that is equal for the same statement read from two rows. */
function entryKey(e: FeeEntry): string {
  const { channels: _channels, ...rest } = e;
  return JSON.stringify(rest);
}

/** Parse the fee of every channel row into typed entries (see the module comment). */
export function parseProcedureFees(rows: readonly ChannelRow[]): ProcedureFees {
  const entries = new Map<string, FeeEntry>();
  const add = (e: FeeEntry): void => {
    const key = entryKey(e);
    const known = entries.get(key);
    if (known) known.channels = [...new Set([...known.channels, ...e.channels])];
    else entries.set(key, { ...e, channels: [...e.channels] });
  };
  const channels: ChannelFee[] = [];
  // The channels of a record mostly repeat one note: each text is read once.
  const readings = new Map<string, FeeClause[]>();
  for (const row of rows) {
    const own: FeeEntry[] = [];
    const currency = row.fee.currency ?? 'VND';
    const read = (texts: string[]): FeeClause[] => {
      const key = `${currency}\u0000${texts.join('\u0000')}`;
      let clauses = readings.get(key);
      if (!clauses) readings.set(key, clauses = carryHeadings(texts.map((t) => readClause(t, currency))));
      return clauses;
    };
    const clauses = [
      ...read(splitClauses(row.fee.note ?? '')).map((clause) => ({ clause, source: 'note' as const })),
      ...read(descriptionClauses(row.description, row.fee.kind === 'unknown')).map((clause) => ({ clause, source: 'description' as const })),
    ];
    clauses.forEach(({ clause, source }, i) => {
      if (!isHeading(clause, clauses[i + 1]?.clause)) own.push(...entriesOfClause(clause, [row.channel], source));
    });
    const noted = clauses.flatMap(({ clause }) => clause.amounts);
    const cellInNote = row.fee.kind === 'amount' && noted.some((a) => sameAmount(row.fee.value, a));
    if (row.fee.kind === 'amount' && !cellInNote && !row.glued) {
      // A note that starts with the unit continues the cell: `200,000 VNĐ(đồng/lần/người …`.
      const unit = /^\(?(?:đồng|VNĐ)?\s*\/\s*([\p{L}/ ]{2,30}?)(?=\s*[(.;,]|$)/u.exec(row.fee.note ?? '')?.[1]?.trim();
      own.push({
        ...(row.fee.value !== undefined ? { amount: row.fee.value } : {}), currency, amountText: row.fee.amount ?? '',
        ...(unit ? { unit: `${currency === 'USD' ? 'USD' : 'đồng'}/${unit}` } : {}),
        ...(own.some((e) => e.kind === 'lệ phí') ? { kind: 'lệ phí' as const } : own.some((e) => e.kind === 'phí') ? { kind: 'phí' as const } : {}),
        channels: [row.channel], source: 'cell',
      });
    }
    for (const e of own) add(e);
    // `Miễn phí(Chưa quy định.)`: no rate is set yet, which is not the same as free.
    const unset = /chưa\s+(?:có\s+)?quy\s+định/iu.test(row.fee.note ?? '');
    const charged = unset || own.some((e) => e.amount !== undefined || e.amountText !== undefined || e.percent !== undefined || e.percentOff !== undefined || e.decidedBy !== undefined || (e.regulation !== undefined && !e.free && !e.onRequest));
    channels.push({
      channel: row.channel,
      cell: row.fee.kind,
      ...(row.fee.kind === 'free' ? { cellText: 'Miễn phí' } : row.fee.amount ? { cellText: row.fee.amount } : {}),
      ...(row.fee.note ? { note: row.fee.note } : {}),
      free: row.fee.kind === 'free' && !charged,
      ...(unset ? { unset: true as const } : {}),
      ...((row.fee.kind === 'amount' && (row.glued || (cellInNote && !noted.some((a) => a.value === row.fee.value)))) ? { cellUnreliable: true as const } : {}),
    });
  }
  const list = [...entries.values()];
  // A cell that dropped its thousands (`800 Việt Nam Đồng` beside `800,000` on the other channels) is not a rate.
  const cellAmounts = list.filter((e) => e.source === 'cell' && e.amount !== undefined);
  const dropped = cellAmounts.filter((e) => cellAmounts.some((o) => o !== e && (o.amount === e.amount! * 1000 || o.amount === e.amount! * 1_000_000)));
  for (const e of dropped) {
    for (const c of channels) if (e.channels.includes(c.channel) && c.cell === 'amount') c.cellUnreliable = true;
  }
  return { channels, entries: list.filter((e) => !dropped.includes(e)) };
}
