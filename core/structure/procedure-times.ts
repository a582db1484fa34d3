/**
 * The processing time of a procedure per submission channel, with its unit. The catalogue
 * writes `7 Ngày làm việc`, `1 Giờ`, but also a bare `5` (313 records): the unit is then
 * recovered from the record's own text when it states that number with a unit ("trong thời
 * hạn 05 ngày làm việc kể từ …", in Trình tự thực hiện or the row's description), else the
 * number is kept as given, never with an invented unit, and the sentence of the steps that
 * says when the result is returned is kept beside it.
 */
import type { Channel, ChannelRow } from './procedure-tables.ts';

/** Units as the answer writes them. */
export type TimeUnit = 'ngày làm việc' | 'ngày' | 'giờ làm việc' | 'giờ' | 'tháng' | 'năm' | 'tuần' | 'phút';

/** The processing time of one channel. */
export interface ChannelTime {
  channel: Channel;
  value?: number;
  unit?: TimeUnit;
  /** The cell as written: `7 Ngày làm việc`, `5`, or words (`Không phải trả kết quả …`). */
  text: string;
  /** Where the unit comes from: the cell, or the record's text for a bare number. */
  unitFrom?: 'cell' | 'text';
  /**
   * The sentence of the record the unit was recovered from, verbatim; or, for a bare number
   * whose unit the record does not state, the sentence of the steps about when the result is returned.
   */
  evidence?: string;
  /** The time cell ran into the fee amount; the time was split off using the fee's note. */
  glued?: true;
}

const UNITS: readonly TimeUnit[] = ['ngày làm việc', 'ngày', 'giờ làm việc', 'giờ', 'tháng', 'năm', 'tuần', 'phút'];
const UNIT_WORDS = String.raw`ngày\s+làm\s+việc|ngày|giờ\s+làm\s+việc|giờ|tháng|năm|tuần|phút`;
/** A sentence of the steps that says when the result comes, for a number without a unit. */
const RESULT_TIME = /(?:trả\s+kết\s+quả|giải\s+quyết|cấp\s+giấy|thời\s+hạn)[^.;]*?(?:\d+\s*(?:giờ|ngày)|trong\s+ngày|ngày\s+làm\s+việc\s+tiếp\s+theo)|(?:\d+\s*(?:giờ|ngày)|trong\s+ngày|ngày\s+làm\s+việc\s+tiếp\s+theo)[^.;]*?trả\s+kết\s+quả/iu;
const EVIDENCE_MAX_CHARS = 320;

function unitOf(written: string): TimeUnit | undefined {
  const u = written.toLowerCase().replace(/\s+/gu, ' ');
  return UNITS.find((x) => x === u);
}

/** Clauses of a text: lines, `;`-separated parts and sentences. */
function clausesOf(text: string): string[] {
  return text.split(/\n+|;\s+|(?<=[.!?])\s+(?=[\p{Lu}(\-+*])/u).map((s) => s.trim()).filter(Boolean);
}

function clipped(s: string): string {
  if (s.length <= EVIDENCE_MAX_CHARS) return s;
  const cut = s.lastIndexOf(' ', EVIDENCE_MAX_CHARS - 2);
  return `${s.slice(0, cut > 0 ? cut : EVIDENCE_MAX_CHARS - 2)} …`;
}

/**
 * The unit a record's text gives to `value` (`05 ngày làm việc` for 5): the one unit every
 * mention of the number with a unit agrees on, with the clause of its first mention.
 */
export function recoverUnit(value: number, texts: readonly string[]): { unit: TimeUnit; evidence: string } | undefined {
  const re = new RegExp(String.raw`(?<![\d.,/])0*${value}\s*(?:\([^()\d]{1,30}\)\s*)?(${UNIT_WORDS})(?![\p{L}])`, 'giu');
  const found: Array<{ unit: TimeUnit; clause: string }> = [];
  for (const text of texts) {
    for (const clause of clausesOf(text)) {
      for (const m of clause.matchAll(re)) {
        // "sau 15 giờ" is an hour of the day, "ngày 01 tháng 10" and "tháng 7 năm 2025" are dates: not durations.
        if (/(?:sau|trước|lúc|từ|ngày)\s*$/iu.test(clause.slice(0, m.index))) continue;
        if (/^\s*\d/u.test(clause.slice(m.index + m[0].length))) continue;
        const unit = unitOf(m[1] ?? '');
        if (unit) found.push({ unit, clause });
      }
    }
  }
  const units = new Set(found.map((f) => f.unit));
  if (units.size !== 1 || !found[0]) return undefined;
  return { unit: found[0].unit, evidence: clipped(found[0].clause) };
}

/** The clause of the steps that says when the result is returned, for a number the record gives no unit. */
export function resultTimeClause(texts: readonly string[]): string | undefined {
  for (const text of texts) {
    for (const clause of clausesOf(text)) if (RESULT_TIME.test(clause)) return clipped(clause);
  }
  return undefined;
}

/**
 * The time of every channel row. `texts`: the record's text that may state a unit (the
 * rows' descriptions first, then Trình tự thực hiện).
 */
export function parseProcedureTimes(rows: readonly ChannelRow[], steps?: string): ChannelTime[] {
  // The rows of a record mostly share their number and texts: each is looked up once.
  const units = new Map<string, ReturnType<typeof recoverUnit>>();
  const results = new Map<string, string | undefined>();
  const recoverOnce = (value: number, texts: string[]): ReturnType<typeof recoverUnit> => {
    const key = `${value}\u0000${texts.join('\u0000')}`;
    if (!units.has(key)) units.set(key, recoverUnit(value, texts));
    return units.get(key);
  };
  const resultOnce = (texts: string[]): string | undefined => {
    const key = texts.join('\u0000');
    if (!results.has(key)) results.set(key, resultTimeClause(texts));
    return results.get(key);
  };
  return rows.map((row): ChannelTime => {
    const texts = [row.description ?? '', steps ?? ''].filter(Boolean);
    const glued = row.glued ? { glued: true as const } : {};
    const d = row.deadline;
    if (!d) return { channel: row.channel, text: row.deadlineNote ?? '', ...glued };
    const unit = d.unit ? unitOf(d.unit) : undefined;
    if (unit) return { channel: row.channel, ...(d.value !== undefined ? { value: d.value } : {}), unit, text: d.text, unitFrom: 'cell', ...glued };
    const base = { channel: row.channel, ...(d.value !== undefined ? { value: d.value } : {}), text: d.text, ...glued };
    const recovered = d.value !== undefined && d.value > 0 ? recoverOnce(d.value, texts) : undefined;
    if (recovered) return { ...base, unit: recovered.unit, unitFrom: 'text', evidence: recovered.evidence };
    const evidence = resultOnce(texts);
    return evidence ? { ...base, evidence } : base;
  });
}
