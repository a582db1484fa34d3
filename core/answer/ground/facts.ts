/**
 * Checkable facts in Vietnamese text: money, durations, dates, percentages, document
 * numbers and other numbers. An answer may only state a fact that a source states, so
 * both sides are reduced to one normal form before comparing: `20.000 đồng`, `20,000 VNĐ`
 * and `20000đ` are all `20000 đồng`; `ngày 04 tháng 6 năm 2026` and `4/6/2026` are both
 * `04/06/2026`; `03 ngày` is `3 ngày`. Citation markers `[n]` are not facts.
 */
import { findDocumentNumbers } from '../../structure/document-numbers.ts';
import { MIN_FACT_NUMBER } from '../tuning.ts';

export type FactKind = 'money' | 'duration' | 'date' | 'percent' | 'document' | 'number';

interface Fact {
  kind: FactKind;
  /** Comparison key, unique per kind. */
  key: string;
  /** The normal form shown to callers. */
  text: string;
  start: number;
  end: number;
}

/** A number as written: thousands grouped by `.`, `,` or a space; decimals by `,` or `.`. */
const NUM = String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)*`;
/** `07 (bảy) ngày`, `20.000 (hai mươi nghìn) đồng`: the amount spelt out in brackets. */
const SPELT = String.raw`(?:\s*\([^()\d\n]{1,60}\))?`;
const SCALE = String.raw`nghìn|ngàn|triệu|tỷ|tỉ`;
const SCALES: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };
/** `đồng` that is a currency, not `đồng chí`, `đồng thời`, `đồng ý` …. */
const CURRENCY = String.raw`(?:đồng(?!\s+(?:chí|thời|ý|bộ|bào|đội|nghiệp|hương|hành|tình|nhất|tiền))|vnđ|vnd|đ(?!\/c))(?![\p{L}\d])`;
const NOT_AFTER = String.raw`(?<![\p{L}\d.,])`;

const MARKERS = /\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]/gu;
const WORDED_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})(?!\d)/giu;
const WORDED_DAY_MONTH = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\d)/giu;
const WORDED_MONTH_YEAR = /tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})(?!\d)/giu;
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])/gu;
const NUMERIC_MONTH_YEAR = /(?<![\d/.-])(\d{1,2})\/(\d{4})(?![\d/])/gu;
const PERCENT = new RegExp(String.raw`${NOT_AFTER}(${NUM})\s*(?:%|phần\s+trăm)`, 'giu');
const MONEY = new RegExp(String.raw`${NOT_AFTER}(${NUM})${SPELT}\s*(?:(${SCALE})\s*)?${CURRENCY}`, 'giu');
const DURATION = new RegExp(
  String.raw`${NOT_AFTER}(${NUM})${SPELT}\s*(ngày\s+làm\s+việc|ngày|tuần|tháng|năm|giờ|phút)(?![\p{L}\d])(?!\s*\d)`,
  'giu',
);
const SCALED = new RegExp(String.raw`${NOT_AFTER}(${NUM})\s*(${SCALE})(?![\p{L}])`, 'giu');
const BARE = /(?<![\p{L}\d.,])\d+(?:[.,]\d+)*/gu;
const DIGIT_TOKEN = /\d+(?:[.,]\d+)*/gu;

/**
 * The value of a number as Vietnamese (or English) texts write it: `20.000` and `20,000`
 * and `20 000` are twenty thousand, `1,5` and `1.5` are one and a half, `1.500.000,5`
 * mixes both. Undefined when the groups fit no convention (`0255.3822.123`).
 */
function parseNumber(raw: string): number | undefined {
  const s = raw.replace(/[\u00a0\u202f]/g, ' ');
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(?: \d{3})+$/.test(s)) return Number(s.replace(/ /g, ''));
  const grouped = /^(\d{1,3})((?:([.,])\d{3})+)(?:([.,])(\d+))?$/.exec(s);
  if (grouped && grouped[1] !== '0') {
    const sep = grouped[3];
    const decimalSep = grouped[4];
    if (decimalSep === sep) return undefined;
    const whole = `${grouped[1]}${(grouped[2] ?? '').split(sep ?? '').join('')}`;
    return Number(decimalSep ? `${whole}.${grouped[5]}` : whole);
  }
  const decimal = /^(\d+)[.,](\d+)$/.exec(s);
  if (decimal) return Number(`${decimal[1]}.${decimal[2]}`);
  return undefined;
}

/** Shortest exact decimal form, no grouping: 20000, 1.5. */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

function pad2(s: string): string {
  return s.replace(/^0+(?=\d)/, '').padStart(2, '0');
}

function isDayMonth(day: string | undefined, month: string | undefined): boolean {
  const d = Number(day);
  const m = Number(month);
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

function noMarkers(text: string): string {
  return text.normalize('NFC').replace(MARKERS, (m) => ' '.repeat(m.length));
}

/** Matches of the given patterns on the parts of `text` no earlier fact has taken. */
class Scanner {
  readonly facts: Fact[] = [];

  constructor(private readonly text: string) {}

  scan(re: RegExp, make: (m: RegExpExecArray) => Omit<Fact, 'start' | 'end'> | undefined): void {
    re.lastIndex = 0;
    for (const m of this.text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (this.facts.some((f) => start < f.end && end > f.start)) continue;
      const fact = make(m as RegExpExecArray);
      if (fact) this.facts.push({ ...fact, start, end });
    }
  }
}

function scanFacts(input: string): Fact[] {
  const text = noMarkers(input);
  const s = new Scanner(text);
  const date = (d: string, mo: string, y: string) => {
    const value = `${pad2(d)}/${pad2(mo)}/${y}`;
    return { kind: 'date' as const, key: value, text: value };
  };
  const monthYear = (mo: string, y: string) => {
    const value = `${pad2(mo)}/${y}`;
    return { kind: 'date' as const, key: value, text: value };
  };
  s.scan(WORDED_DATE, (m) => date(m[1] ?? '', m[2] ?? '', m[3] ?? ''));
  s.scan(NUMERIC_DATE, (m) => (isDayMonth(m[1], m[3]) ? date(m[1] ?? '', m[3] ?? '', m[4] ?? '') : undefined));
  s.scan(WORDED_DAY_MONTH, (m) => {
    const value = `${pad2(m[1] ?? '')}/${pad2(m[2] ?? '')}`;
    return { kind: 'date', key: value, text: value };
  });
  s.scan(WORDED_MONTH_YEAR, (m) => monthYear(m[1] ?? '', m[2] ?? ''));
  s.scan(NUMERIC_MONTH_YEAR, (m) => (Number(m[1]) >= 1 && Number(m[1]) <= 12 ? monthYear(m[1] ?? '', m[2] ?? '') : undefined));
  for (const ref of findDocumentNumbers(text)) {
    if (s.facts.some((f) => ref.start < f.end && ref.end > f.start)) continue;
    s.facts.push({ kind: 'document', key: ref.number.toUpperCase(), text: ref.number, start: ref.start, end: ref.end });
  }
  s.scan(PERCENT, (m) => {
    const value = parseNumber(m[1] ?? '');
    if (value === undefined) return undefined;
    const text = `${formatNumber(value)}%`;
    return { kind: 'percent', key: text, text };
  });
  s.scan(MONEY, (m) => {
    const value = parseNumber(m[1] ?? '');
    if (value === undefined) return undefined;
    const amount = formatNumber(Math.round(value * (SCALES[(m[2] ?? '').toLowerCase()] ?? 1)));
    return { kind: 'money', key: amount, text: `${amount} đồng` };
  });
  s.scan(DURATION, (m) => {
    const value = parseNumber(m[1] ?? '');
    if (value === undefined) return undefined;
    const unit = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const text = `${formatNumber(value)} ${unit}`;
    return { kind: 'duration', key: text, text };
  });
  s.scan(SCALED, (m) => {
    const value = parseNumber(m[1] ?? '');
    if (value === undefined) return undefined;
    const text = formatNumber(Math.round(value * (SCALES[(m[2] ?? '').toLowerCase()] ?? 1)));
    return { kind: 'number', key: text, text };
  });
  s.scan(BARE, (m) => {
    const value = parseNumber(m[0]);
    if (value === undefined) {
      const digits = m[0].replace(/\D/g, '');
      return { kind: 'number', key: digits, text: digits };
    }
    if (value < MIN_FACT_NUMBER) return undefined;
    const text = formatNumber(value);
    return { kind: 'number', key: text, text };
  });
  return s.facts.sort((a, b) => a.start - b.start);
}

/** A checkable fact found in a text: its kind, normal form and span. */
export interface FoundFact {
  kind: FactKind;
  /** The normal form ({@link extractFacts}). */
  text: string;
  start: number;
  end: number;
}

/** Every checkable fact of `text` with its kind and span, in order (citation markers ignored). */
export function findFacts(text: string): FoundFact[] {
  return scanFacts(text).map((f) => ({ kind: f.kind, text: f.text, start: f.start, end: f.end }));
}

/**
 * The checkable facts of `text`, in order of appearance, each once, in normal form:
 * money as `20000 đồng` (`1,5 triệu đồng` → `1500000 đồng`), durations as `7 ngày làm việc`
 * or `3 ngày` (leading zeros dropped), dates as `04/06/2026` (also `06/2026` for a month
 * and `15/06` for a day without year), percentages as `1.5%`, document numbers as written
 * (`83/KH-UBND`), and any other number of value 10 or more as plain digits (`2026`,
 * `1500000` for `1,5 triệu`). Numbers below 10 outside those forms (list items, `Điều 5`)
 * are not facts. Citation markers `[n]` are ignored.
 */
export function extractFacts(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const fact of scanFacts(text)) {
    if (seen.has(fact.text)) continue;
    seen.add(fact.text);
    out.push(fact.text);
  }
  return out;
}

/** What a set of sources supports: their facts, and every number they write anywhere. */
interface Support {
  facts: Set<string>;
  numbers: Set<string>;
}

function supportOf(sources: string[]): Support {
  const facts = new Set<string>();
  const numbers = new Set<string>();
  for (const source of sources) {
    const text = noMarkers(source);
    for (const f of scanFacts(text)) {
      facts.add(`${f.kind}:${f.key}`);
      if (f.kind === 'money') numbers.add(f.key);
      if (f.kind === 'number') numbers.add(f.key);
      if (f.kind === 'duration' && f.key.endsWith(' ngày làm việc')) facts.add(`duration:${f.key.replace(/ làm việc$/, '')}`);
      const full = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(f.key);
      if (f.kind === 'date' && full) {
        facts.add(`date:${full[2]}/${full[3]}`);
        facts.add(`date:${full[1]}/${full[2]}`);
      }
    }
    // Any number written anywhere (inside a date, a document number, a code) may be repeated bare.
    for (const m of text.matchAll(DIGIT_TOKEN)) {
      const value = parseNumber(m[0]);
      if (value !== undefined) {
        numbers.add(formatNumber(value));
        continue;
      }
      // `04.06.2021`, `0255.3822.123`: the whole digit string and each group.
      numbers.add(m[0].replace(/\D/g, ''));
      for (const part of m[0].split(/[.,]/)) numbers.add(formatNumber(Number(part)));
    }
  }
  return { facts, numbers };
}

function supported(fact: Fact, support: Support): boolean {
  if (support.facts.has(`${fact.kind}:${fact.key}`)) return true;
  // `Lệ phí: 20.000` (a table cell without the unit) supports `20.000 đồng`.
  if (fact.kind === 'money' || fact.kind === 'number') return support.numbers.has(fact.key);
  return false;
}

/**
 * The facts of `answer` (as {@link extractFacts} writes them) that none of `sources`
 * states, compared in normal form. A source's `7 ngày làm việc` supports an answer's
 * `7 ngày` (not the reverse); a source's full date supports its month (`06/2026`); a bare
 * number in the answer is supported by the same number written anywhere in a source
 * (also inside a date or a document number); money is supported by the same amount with
 * or without a currency unit.
 */
export function unsupportedFacts(answer: string, sources: string[]): string[] {
  const support = supportOf(sources);
  const out: string[] = [];
  for (const fact of scanFacts(answer)) {
    if (!supported(fact, support) && !out.includes(fact.text)) out.push(fact.text);
  }
  return out;
}
