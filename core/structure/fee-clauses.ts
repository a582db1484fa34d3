/**
 * Reading the free text of a fee note (`Miễn phí(- Lệ phí cấp giấy phép lái xe: 135.000
 * đồng/lần. - … trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu
 * lệ phí là 115.000 đồng/lần cấp.)`): its clauses, and in each the money amounts with their
 * unit, a percentage of the usual rate, the dates a rate or waiver applies between, a waiver
 * or exemption, the HĐND setting the rate, the regulation it refers to, and the channels it
 * names. Pure text work; procedure-fees.ts turns clauses into typed fee entries.
 */
import { foldDiacritics } from '../text/fold.ts';
import { findDocumentNumbers } from './document-numbers.ts';
import { toIsoDate } from './vietnamese-date.ts';
import type { Channel } from './channels.ts';

/** One money amount as written in a fee text. */
export interface MoneyAmount {
  /** The value in the currency's unit; absent when the digits fit no convention (`10.000.0000`). */
  value?: number;
  currency: 'VND' | 'USD';
  /** What it is counted per, after the currency: `đồng/lần`, `USD/thẻ`, `đồng/hồ sơ`. */
  unit?: string;
  /** The amount as written, unit included: `135.000 đồng/lần`. */
  text: string;
  start: number;
  end: number;
  /** The dates this amount applies between, when the clause dates it (see {@link readClause}). */
  validFrom?: string;
  validTo?: string;
  /** The regulation the clause names for this amount. */
  regulation?: string;
}

/** What one clause of a fee text says. */
export interface FeeClause {
  /** The clause, tidied (list markers and outer brackets removed). */
  text: string;
  amounts: MoneyAmount[];
  /** `bằng 50% mức thu …`: a share of the usual rate. */
  percent?: number;
  /** `Mức phí giảm 20%`: how much lower than the usual rate. */
  percentOff?: number;
  validFrom?: string;
  validTo?: string;
  /** A waiver for everyone for a while (`Miễn phí từ ngày … đến …`). */
  waiver: boolean;
  /** An exemption (`Miễn lệ phí cho người thuộc hộ nghèo …`, `Không thu lệ phí …`). */
  exemption: boolean;
  /** The Hội đồng nhân dân sets the rate. */
  hdnd: boolean;
  /** Document numbers the clause names (`64/2025/TT-BTC`). */
  regulations: string[];
  /** Channels the clause names (`trực tuyến` …), folded match, typos such as `trực tuyển` included. */
  channels: Channel[];
  /** `lệ phí` or `phí` when the clause says which. */
  kind?: 'lệ phí' | 'phí';
  /** `(nếu có yêu cầu)`: an extra paid only on request (a copy of the result). */
  onRequest: boolean;
}

const NUMBER = String.raw`\d[\d.,]*\d|\d`;
const CURRENCY = String.raw`(?:Việt Nam Đồng|VNĐ|VND|đồng|Đồng|vnđ|vnd|USD|usd|đ|Đ)(?![\p{L}])`;
/** `/lần`, `/ hộ chiếu`, `/01 Giấy chứng nhận kiểm định`: up to a bracket, clause mark or 6 words. */
const STOP = String.raw`(?:theo|áp|kể|từ|đến|cho|đối|trường|riêng|nếu|và|hoặc|tối|ngày|phí|lệ)(?![\p{L}])`;
const PER = String.raw`(?:\s*\/\s*((?!${STOP})(?:[\p{L}\d“”"]+)(?:[ \t]+(?!${STOP})[\p{L}\d“”"/]*\p{L}[\p{L}\d“”"/]*){0,5}))?`;
const MONEY = new RegExp(String.raw`(?<![\d.,/])(${NUMBER})\s*(triệu\s*)?(${CURRENCY})${PER}`, 'gu');
/** `160.000/hộ chiếu`: a grouped amount with a unit but no currency (the cell's currency applies). */
const BARE_MONEY = new RegExp(String.raw`(?<![\d.,/])(\d{1,3}(?:\.\d{3})+)(?=\s*\/\s*\p{L})${PER}`, 'gu');
const PERCENT = /bằng\s+(\d+(?:[.,]\d+)?)\s*%/iu;
const PERCENT_OFF = /giảm\s+(\d+(?:[.,]\d+)?)\s*%/iu;
const DATE = String.raw`(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;
const FROM = new RegExp(String.raw`(?:kể\s+)?từ\s+(?:kể\s+từ\s+)?ngày\s+(?:${DATE})`, 'giu');
const TO = new RegExp(String.raw`đến\s+(?:hết\s+)?(?:ngày\s+)?(?:${DATE})`, 'giu');
const WAIVER = /Miễ(?:n)?\s*(?:lệ\s+)?phí\s+(?:kể\s+)?từ|Miễn\s+(?:kể\s+)?từ/iu;
const EXEMPTION = /(?:Miễn|miễn)\s+(?:thu\s+)?(?:lệ\s+phí|phí)|được\s+miễn|Không\s+thu\s+(?:lệ\s+)?phí|không\s+thu\s+(?:lệ\s+)?phí/u;
const HDND = /(?<!ngày\s)(?:Hội đồng nhân dân|HĐND)/iu;
const ON_REQUEST = /nếu\s+có\s+yêu\s+cầu/iu;

/** Folded channel words: a clause naming one restricts its rate to that channel. */
const CHANNEL_WORDS: Array<[Channel, RegExp]> = [
  ['Trực tuyến', /\btruc tuy[eê]n\b|\bonline\b|dich vu cong truc tuyen/u],
  ['Trực tiếp', /\bnop (?:ho so )?truc tiep\b|\bhinh thuc truc tiep\b/u],
  ['Dịch vụ bưu chính', /\bbuu chinh\b/u],
];

/**
 * The value of an amount as the catalogue writes it: `135.000`, `70,000`, `1.200.000`,
 * `40.000`, `145`; undefined when the groups fit no convention (`10.000.0000`, `3000.000`).
 */
export function amountValue(digits: string): number | undefined {
  if (/^\d+$/u.test(digits)) return Number(digits);
  if (/^\d{1,3}(?:\.\d{3})+$/u.test(digits)) return Number(digits.replace(/\./gu, ''));
  if (/^\d{1,3}(?:,\d{3})+$/u.test(digits)) return Number(digits.replace(/,/gu, ''));
  return undefined;
}

function isoOf(m: RegExpExecArray): string | undefined {
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  return toIsoDate(Number(d), Number(mo), Number(y));
}

function cleanUnit(unit: string | undefined): string | undefined {
  let u = unit?.replace(/[\s"]+$/u, '').trim();
  // A quote opened and not closed (`tem “AB`) or closed and not opened is not the unit's.
  if (u && u.includes('“') !== u.includes('”')) u = u.replace(/[“”]/gu, '').trim();
  return u ? u : undefined;
}

/** The money amounts of a text, in order; `bareCurrency` is used for `160.000/hộ chiếu`. */
export function moneyAmounts(text: string, bareCurrency?: 'VND' | 'USD'): MoneyAmount[] {
  const out: MoneyAmount[] = [];
  for (const m of text.matchAll(MONEY)) {
    const base = amountValue(m[1] ?? '');
    const million = m[2] !== undefined;
    const currency = /usd/iu.test(m[3] ?? '') ? 'USD' : 'VND';
    const unit = cleanUnit(m[4]);
    const value = base === undefined ? undefined : million ? base * 1_000_000 : base;
    const start = m.index ?? 0;
    const text0 = unit ? m[0].slice(0, m[0].lastIndexOf(unit) + unit.length) : m[0].replace(/\s*\/\s*$/u, '');
    out.push({ ...(value !== undefined ? { value } : {}), currency, ...(unit ? { unit: `${currency === 'USD' ? 'USD' : 'đồng'}/${unit}` } : {}), text: text0.trim(), start, end: start + text0.length });
  }
  if (bareCurrency) {
    for (const m of text.matchAll(BARE_MONEY)) {
      const start = m.index ?? 0;
      if (out.some((a) => start < a.end && start + m[0].length > a.start)) continue;
      const unit = cleanUnit(m[2]);
      const value = amountValue(m[1] ?? '');
      const text0 = unit ? m[0].slice(0, m[0].lastIndexOf(unit) + unit.length) : m[0];
      out.push({ ...(value !== undefined ? { value } : {}), currency: bareCurrency, ...(unit ? { unit: `${bareCurrency === 'USD' ? 'USD' : 'đồng'}/${unit}` } : {}), text: text0.trim(), start, end: start + text0.length });
    }
  }
  return out.filter((a) => a.value === undefined || a.value > 0).sort((a, b) => a.start - b.start);
}

/** Drop one pair of brackets around the whole text, as often as there is one (`((…))` → `…`). */
export function unwrap(text: string): string {
  let t = text.trim();
  for (;;) {
    if (!t.startsWith('(')) return t;
    const end = closing(t, 0);
    // A bracket the crawl never closed (`(đồng/lần/người (Miễn …)04 ngày …`) is dropped too.
    if (end === t.length - 1) t = t.slice(1, -1).trim();
    else if (end < 0) t = t.slice(1).trim();
    else return t;
  }
}

function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i += 1) {
    if (s[i] === '(') depth += 1;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\u00a0';
}

/**
 * Split a fee text into clauses at top-level list marks (`- `, `+ `, `* `), semicolons, line
 * breaks and sentence ends (`. ` before a capital), never inside brackets; and before a
 * waiver (`Miễn phí từ ngày …`), which is a clause of its own even where the crawl glued it on.
 */
export function splitClauses(text: string): string[] {
  // `Đồng (Mức lệ phí cụ thể …)`: a currency word the crawl left before the note.
  const s = unwrap(text.trim().replace(/^(?:Đồng|đồng|VNĐ)\s*(?=\()/u, ''));
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  const cut = (at: number, skip: number): void => {
    parts.push(s.slice(from, at));
    from = at + skip;
  };
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i]!;
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (ch === '\n' || ch === ';') cut(i, 1);
    else if (ch === '.' && /^\s+[-+*]?\s*\p{Lu}/u.test(s.slice(i + 1, i + 4)) && !/\d/u.test(s[i - 1] ?? '')) cut(i + 1, 1);
    else if ((ch === '-' || ch === '+' || ch === '*') && isSpace(s[i + 1]) && (i === 0 || isSpace(s[i - 1])) && /^\s+[\p{L}\d]/u.test(s.slice(i + 1, i + 4))) cut(i, 1);
    else if (ch === 'M' && i > from && s.startsWith('Miễ', i) && /[\s)(]/u.test(s[i - 1] ?? '') && WAIVER.test(s.slice(i, i + 24))) cut(i, 0);
  }
  parts.push(s.slice(from));
  return parts.map((p) => unwrap(p.replace(/^[\s\-+*•]+/u, '').trim())).filter((p) => /[\p{L}\d]/u.test(p));
}

/** Top-level bracket spans of a text: `[start, end]` of each outermost `( … )`. */
function bracketSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] !== '(') continue;
    const end = closing(text, i);
    const stop = end < 0 ? text.length - 1 : end;
    spans.push([i, stop]);
    i = stop;
  }
  return spans;
}

interface DatePhrase {
  at: number;
  from?: string;
  to?: string;
}

/**
 * The dates each amount of a clause applies between. A dating phrase (`kể từ ngày … đến hết
 * ngày …`, `áp dụng đến hết ngày …`) dates the amounts of its own bracket; one in a bracket
 * holding no amount (`40.000đ/giấy thông hành (áp dụng đến hết ngày 31/12/2024 …)`), or at
 * the clause's top level, dates the clause's top-level amounts. So in `Phí: 500.000 đồng/hồ
 * sơ (áp dụng mức phí 250.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026)` only
 * 250.000 đồng is dated.
 */
function dateAmounts(text: string, amounts: MoneyAmount[], phrases: DatePhrase[]): void {
  const spans = bracketSpans(text);
  const regionOf = (at: number): number => spans.findIndex(([a, b]) => at > a && at <= b);
  const amountRegions = new Set(amounts.map((a) => regionOf(a.start)));
  for (const p of phrases) {
    // The dates of a waiver (`Miễn phí từ ngày …`) are the waiver's, not the amounts'.
    if (WAIVER.test(text.slice(Math.max(0, p.at - 16), p.at + 6))) continue;
    const region = regionOf(p.at);
    const targets = region >= 0 && amountRegions.has(region)
      ? amounts.filter((a) => regionOf(a.start) === region)
      : amounts.filter((a) => regionOf(a.start) === -1);
    for (const a of targets) {
      if (p.from && !a.validFrom) a.validFrom = p.from;
      if (p.to && !a.validTo) a.validTo = p.to;
    }
  }
  // Regulations the same way: `Phí: 500.000 đồng (áp dụng mức phí 250.000 đồng … theo Thông tư số 64/2025/TT-BTC)`.
  for (const ref of findDocumentNumbers(text)) {
    const region = regionOf(ref.start);
    const targets = region >= 0 && amountRegions.has(region)
      ? amounts.filter((a) => regionOf(a.start) === region)
      : amounts.filter((a) => regionOf(a.start) === -1);
    for (const a of targets) a.regulation ??= ref.number;
  }
}

/** The dating phrases of a text, a `từ` and the `đến` after it paired into one. */
function datePhrases(text: string): DatePhrase[] {
  const froms = [...text.matchAll(FROM)].map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length, iso: isoOf(m as RegExpExecArray) }));
  const tos = [...text.matchAll(TO)].map((m) => ({ at: m.index ?? 0, iso: isoOf(m as RegExpExecArray) }));
  const out: DatePhrase[] = [];
  const used = new Set<number>();
  for (const f of froms) {
    const to = tos.find((t, i) => !used.has(i) && t.at >= f.end && t.at - f.end < 12);
    if (to) used.add(tos.indexOf(to));
    out.push({ at: f.at, ...(f.iso ? { from: f.iso } : {}), ...(to?.iso ? { to: to.iso } : {}) });
  }
  tos.forEach((t, i) => { if (!used.has(i) && t.iso) out.push({ at: t.at, to: t.iso }); });
  return out.sort((a, b) => a.at - b.at);
}

/** Read one clause (see {@link FeeClause}). */
export function readClause(text: string, bareCurrency?: 'VND' | 'USD'): FeeClause {
  const folded = foldDiacritics(text).toLowerCase();
  const percent = PERCENT.exec(text);
  const off = PERCENT_OFF.exec(text);
  const phrases = datePhrases(text);
  const amounts = moneyAmounts(text, bareCurrency);
  dateAmounts(text, amounts, phrases);
  const first = phrases[0];
  const lower = text.toLowerCase();
  const kind = /lệ\s+phí/u.test(lower) ? 'lệ phí' : /(?<!\p{L})phí(?!\p{L})/u.test(lower) ? 'phí' : undefined;
  return {
    text,
    amounts,
    ...(percent ? { percent: Number((percent[1] ?? '').replace(',', '.')) } : {}),
    ...(off ? { percentOff: Number((off[1] ?? '').replace(',', '.')) } : {}),
    ...(first?.from ? { validFrom: first.from } : {}),
    ...(first?.to ? { validTo: first.to } : {}),
    waiver: WAIVER.test(text),
    exemption: !WAIVER.test(text) && EXEMPTION.test(text),
    hdnd: HDND.test(text),
    regulations: findDocumentNumbers(text).map((r) => r.number),
    channels: CHANNEL_WORDS.filter(([, re]) => re.test(folded)).map(([c]) => c),
    ...(kind ? { kind } : {}),
    onRequest: ON_REQUEST.test(text),
  };
}
