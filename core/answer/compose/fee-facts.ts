/**
 * What a procedure's fee is on the day the question is asked, from its typed entries
 * (core/structure/procedure-fees.ts): per channel, the rate in force that day (a reduction
 * or waiver still running applied with its end date, an ended one said to have ended, and
 * the usual rate said instead), the HĐND setting the rate, exemptions and extras. "Miễn
 * phí" is said only when no amount applies. Every figure and date is one the catalogue
 * writes (amounts as written, dates as d/m/yyyy): the answer is checked against its quote.
 */
import cues from '../../../prompts/cues/fee-notes.vi.json' with { type: 'json' };
import type { FeeEntry, ProcedureFees } from '../../structure/procedure-facts.ts';
import type { Channel } from '../../structure/procedure-tables.ts';
import { vietnameseDate } from '../ground/citations.ts';
import { fill, MESSAGES_VI } from '../messages.ts';
import { clip } from './sentences.ts';
import { anyOf } from '../understand/phrase-match.ts';
import { LINE_MAX_CHARS } from '../tuning.ts';

const M = MESSAGES_VI.fee;

/** Where an entry stands on the day asked. */
export type FeeStatus = 'usual' | 'running' | 'ended' | 'upcoming';

/** An entry's standing on `asOf` (ISO): ended after its end date, upcoming before its start, running between, usual when undated. */
export function feeStatus(e: Pick<FeeEntry, 'validFrom' | 'validTo'>, asOf: string): FeeStatus {
  if (e.validTo && e.validTo < asOf) return 'ended';
  if (e.validFrom && e.validFrom > asOf) return 'upcoming';
  return e.validTo ? 'running' : 'usual';
}

/** The fee of a group of channels that read the same on the day asked. */
export interface FeeGroup {
  channels: Channel[];
  /** What applies now, one statement per line. */
  now: string[];
}

/** A side statement (an ended or coming rate, an exemption, an extra) and the channels it concerns. */
export interface FeeNote {
  channels: Channel[];
  text: string;
}

export interface FeeOnDay {
  groups: FeeGroup[];
  /**
   * When the question names channels: the procedure's other channels whose fee reads
   * differently that day, grouped the same way (a citizen asking about one way of applying
   * learns what the other costs).
   */
  elsewhere: FeeGroup[];
  notes: FeeNote[];
  /** Whether some channel's fee is not known from the catalogue (the answer then points to the desk). */
  unknown: boolean;
  /** Whether the province's HĐND sets the fee on some channel. */
  hdnd: boolean;
}

const date = (iso: string): string => vietnameseDate(iso) ?? iso;

function period(e: FeeEntry): string {
  if (e.validFrom && e.validTo) return fill(M.between, { from: date(e.validFrom), to: date(e.validTo) });
  if (e.validTo) return fill(M.until, { to: date(e.validTo) });
  return e.validFrom ? fill(M.from, { from: date(e.validFrom) }) : '';
}

/** `200.000 đồng/lần/người`: the amount as written, with its unit when the text left it apart. */
function amountOf(e: FeeEntry): string {
  const text = (e.amountText ?? '').trim();
  if (!e.unit || text.includes('/')) return text;
  return `${text}/${e.unit.replace(/^(?:đồng|USD)\//u, '')}`;
}

const isAmount = (e: FeeEntry): boolean => e.amountText !== undefined && !e.onRequest;
const isShare = (e: FeeEntry): boolean => e.percent !== undefined || e.percentOff !== undefined;
const isWaiver = (e: FeeEntry): boolean => !!e.free && (e.validFrom !== undefined || e.validTo !== undefined);
/** A description's words on the fee that state no amount, rate, exemption or setter. */
const isPlainNote = (e: FeeEntry): boolean => e.source === 'description' && !isAmount(e) && !isShare(e) && !e.free && !e.decidedBy && !e.regulation && !e.onRequest && !!e.note;
const isReference = (e: FeeEntry): boolean => !!e.regulation && !isAmount(e) && !isShare(e) && !e.free && !e.decidedBy && !e.onRequest;
/** Whether several amounts were read from one clause (a formula, a list in one sentence): it is then shown whole. */
const sharedClause = (e: FeeEntry, all: readonly FeeEntry[]): boolean => !!e.note && all.filter((x) => x.note === e.note && isAmount(x)).length > 1;

/** A money amount written in a note (`40.000 đồng`, `200 USD`, `1,5 triệu đồng`). */
const NOTE_AMOUNT = /\d[\d.,]*\s*(?:triệu\s+)?(?:đồng|đ\b|vnđ|usd)/iu;
/** Cue phrases as a pattern that allows any run of spaces between their words. */
const phrases = (list: readonly string[]): RegExp => new RegExp(anyOf(list).replace(/ /gu, String.raw`\s+`), 'iu');
/** Words of a charge: a service price, a rate or a tariff (prompts/cues/fee-notes.vi.json). */
const NOTE_CHARGE = phrases(cues.chargeWords);
/** Words that waive: the note then explains the waiver. */
const NOTE_WAIVER = phrases(cues.waiverWords);

/**
 * Whether the note of a `Miễn phí(…)` cell names what is charged (an amount or a service
 * price) without waiving it: the channel is then never said to be free.
 */
export function chargeNote(note: string): boolean {
  return (NOTE_AMOUNT.test(note) || NOTE_CHARGE.test(note)) && !NOTE_WAIVER.test(note);
}

/** A condition that only names a channel (`Nộp trực tiếp`): the answer already says the channel. */
const CHANNEL_ONLY = /^(?:nộp\s+)?(?:hồ\s+sơ\s+)?(?:trực\s+tiếp|trực\s+tuyến|qua\s+dịch\s+vụ\s+bưu\s+chính|qua\s+bưu\s+chính)$/iu;

/** One usual amount: `Cấp lại do mất, hỏng: 300.000 VNĐ`, or its whole clause when it holds several. */
function usualLine(e: FeeEntry, all: readonly FeeEntry[]): string {
  if (sharedClause(e, all)) return clip(e.note!, LINE_MAX_CHARS).replace(/[.;,]$/u, '');
  return e.condition && e.condition.length <= 160 && !CHANNEL_ONLY.test(e.condition) ? `${e.condition}: ${amountOf(e)}` : amountOf(e);
}

/** How a dated entry is named in a sentence. */
function describe(e: FeeEntry): string {
  const when = period(e);
  if (isShare(e)) {
    const share = e.percent !== undefined ? fill(M.share, { percent: String(e.percent) }) : fill(M.shareOff, { percent: String(e.percentOff) });
    return `${share} (${when})`;
  }
  if (isWaiver(e)) {
    const what = e.kind ? fill(M.waiverOf, { kind: e.kind }) : M.waiver;
    return `${what}${e.condition ? ` ${fill(M.forCase, { condition: e.condition })}` : ''} (${when})`;
  }
  if (isAmount(e)) return `${fill(M.rate, { amount: amountOf(e) })} (${when})`;
  return `${fill(M.byRegulation, { regulation: e.regulation ?? '' })} (${when})`;
}

function unique(lines: string[]): string[] {
  return [...new Set(lines)];
}

/** Dated entries of one clause named together (`160.000/hộ chiếu, 320.000đ/hộ chiếu (áp dụng đến hết ngày 31/12/2023)`). */
function describeAll(entries: readonly FeeEntry[]): string {
  const amounts = entries.filter(isAmount);
  if (amounts.length > 1 && amounts.every((a) => a.validTo === amounts[0]!.validTo && a.validFrom === amounts[0]!.validFrom)) {
    return `${fill(M.rate, { amount: amounts.map(amountOf).join(', ') })} (${period(amounts[0]!)})`;
  }
  return unique(entries.map(describe)).join('; ');
}

/**
 * Running entries said together per period: `mức 160.000/hộ chiếu; trường hợp cấp lại …:
 * 320.000đ/hộ chiếu (áp dụng đến hết ngày 31/12/2023)`.
 */
function describeRunning(running: readonly FeeEntry[]): string[] {
  const periods = new Map<string, FeeEntry[]>();
  for (const e of running) {
    const key = `${e.validFrom ?? ''}|${e.validTo ?? ''}|${isAmount(e) ? 'amount' : 'other'}`;
    periods.set(key, [...(periods.get(key) ?? []), e]);
  }
  const out: string[] = [];
  for (const group of periods.values()) {
    if (group.length > 1 && group.every(isAmount)) {
      const amounts = unique(group.map((e) => (e.condition && e.condition.length <= 160 && !CHANNEL_ONLY.test(e.condition) ? `${e.condition}: ${amountOf(e)}` : amountOf(e))));
      out.push(`${fill(M.rate, { amount: amounts.join('; ') })} (${period(group[0]!)})`);
    } else out.push(...group.map(describe));
  }
  return unique(out);
}

/** The ended entries that ended last. */
function latestEnded(ended: readonly FeeEntry[]): FeeEntry[] {
  const last = ended.reduce((a, e) => (e.validTo! > a ? e.validTo! : a), '');
  return ended.filter((e) => e.validTo === last);
}

interface ChannelReading {
  now: string[];
  notes: string[];
  unknown: boolean;
  hdnd: boolean;
}

/** The fee of one channel on `asOf`; `usualElsewhere` gives the usual amounts of the other channels. */
function readChannel(fees: ProcedureFees, channel: Channel, asOf: string, usualElsewhere: () => { lines: string[]; channels: Channel[] }): ChannelReading {
  const cells = fees.channels.filter((c) => c.channel === channel);
  const entries = fees.entries.filter((e) => e.channels.includes(channel));
  const status = (e: FeeEntry): FeeStatus => feeStatus(e, asOf);
  const usual = entries.filter((e) => isAmount(e) && status(e) === 'usual');
  const running = entries.filter((e) => (isAmount(e) || isShare(e) || isWaiver(e) || isReference(e)) && status(e) === 'running');
  const ended = entries.filter((e) => (isAmount(e) || isShare(e) || isWaiver(e) || isReference(e)) && status(e) === 'ended');
  const upcoming = entries.filter((e) => (isAmount(e) || isShare(e) || isWaiver(e) || isReference(e)) && status(e) === 'upcoming');
  const hdnd = entries.some((e) => e.decidedBy);
  const now: string[] = [];
  const notes: string[] = [];
  const usualLines = unique(usual.map((e) => usualLine(e, entries)));
  const usualAmounts = unique(usual.map(amountOf));
  let unknown = false;
  if (hdnd) {
    now.push(M.hdnd);
    if (usualLines.length > 0) now.push(fill(M.catalogueRate, { amount: usualLines.join('; ') }));
    // The catalogue's own words on who sets it ("… theo quy định của Hội đồng nhân dân cấp tỉnh").
    for (const e of entries.filter((x) => x.decidedBy && x.note)) notes.push(fill(M.catalogueSays, { text: clip(e.note!, LINE_MAX_CHARS).replace(/[.;,]$/u, '') }));
  } else if (running.length > 0) {
    now.push(...describeRunning(running).map((what) => fill(M.runningNow, { what })));
    if (usualLines.length > 0) now.push(fill(M.usualRate, { amount: usualLines.join('; ') }));
  } else if (usualLines.length > 0) {
    now.push(...usualLines);
  } else if (cells.some((c) => c.unset && c.note)) {
    // `Miễn phí(Chưa quy định.)`: what the catalogue says of the rate, not "free".
    now.push(clip(cells.find((c) => c.unset && c.note)!.note!, LINE_MAX_CHARS));
  } else if (ended.length > 0) {
    // Only ended rates on this channel: say they ended, and what the other channels still show.
    const elsewhere = usualElsewhere();
    const what = fill(M.ended, { what: describeAll(latestEnded(ended)) });
    if (elsewhere.lines.length > 0) now.push(`${what}; ${fill(M.onlyElsewhere, { amount: elsewhere.lines.join('; '), channels: channelNames(elsewhere.channels) })}`);
    else {
      now.push(what);
      unknown = true;
    }
  } else if (entries.some(isReference)) {
    now.push(...unique(entries.filter(isReference).map((e) => clip(e.note ?? fill(M.byRegulation, { regulation: e.regulation ?? '' }), LINE_MAX_CHARS))));
  } else if (cells.some((c) => c.free && c.note && chargeNote(c.note))) {
    // `Miễn phí(Giá dịch vụ kiểm định … theo Thông tư …)`: the note names what is charged, so not "free".
    now.push(fill(M.catalogueSays, { text: clip(cells.find((c) => c.free && c.note && chargeNote(c.note))!.note!, LINE_MAX_CHARS).replace(/[.;,]$/u, '') }));
  } else if (cells.some((c) => c.free)) {
    const note = cells.find((c) => c.free && c.note)?.note;
    now.push(note ? `${M.free} (${clip(note, LINE_MAX_CHARS)})` : M.free);
  } else if (cells.some((c) => c.cell === 'amount' && c.cellText)) {
    now.push(fill(M.catalogueWrites, { cell: cells.find((c) => c.cellText)!.cellText! }));
    unknown = true;
  } else {
    // What the row's description says of paying (`trả phí theo quy định`) is all there is.
    const said = unique(entries.filter(isPlainNote).map((e) => clip(e.note!, LINE_MAX_CHARS)));
    unknown = said.length === 0;
    now.push(...(unknown ? [M.unknown] : said));
  }
  // An ended rate is said to have ended, unless a newer one runs now (then it is history).
  if (ended.length > 0 && running.length === 0 && (usualLines.length > 0 || hdnd || cells.some((c) => c.unset))) {
    const what = describeAll(latestEnded(ended));
    const instead = usualAmounts.length > 0 && usualAmounts.length <= 3 ? fill(M.endedNow, { amount: usualAmounts.join('; ') }) : '';
    notes.push(`${fill(M.ended, { what })}${instead}`);
  }
  for (const e of upcoming) notes.push(fill(M.upcoming, { what: describe(e) }));
  for (const e of entries.filter((x) => x.free && !isWaiver(x))) notes.push(clip(e.condition ?? e.note ?? '', LINE_MAX_CHARS));
  for (const e of entries.filter((x) => x.onRequest || isPlainNote(x))) {
    if (e.note && !now.includes(clip(e.note, LINE_MAX_CHARS))) notes.push(clip(e.note, LINE_MAX_CHARS));
  }
  return { now: unique(now), notes: unique(notes.filter(Boolean)), unknown, hdnd };
}

/** `nộp trực tiếp, nộp trực tuyến` */
export function channelNames(channels: readonly Channel[]): string {
  return channels.map((c) => (MESSAGES_VI.procedure.channel as Record<string, string>)[c] ?? c.toLowerCase()).join(', ');
}

/** Channels whose fee reads the same, grouped. */
function groupReadings(readings: ReadonlyMap<Channel, ChannelReading>): FeeGroup[] {
  const groups: FeeGroup[] = [];
  for (const [channel, r] of readings) {
    const key = r.now.join('\n');
    const group = groups.find((g) => g.now.join('\n') === key);
    if (group) group.channels.push(channel);
    else groups.push({ channels: [channel], now: r.now });
  }
  return groups;
}

/**
 * The fee on `asOf` of the channels asked (all the procedure's channels when `asked` is
 * empty or names none it has), channels that read the same grouped together.
 */
export function feeOnDay(fees: ProcedureFees, asOf: string, asked: readonly Channel[] = []): FeeOnDay {
  const all = [...new Set(fees.channels.map((c) => c.channel))];
  const shown = asked.some((c) => all.includes(c)) ? all.filter((c) => asked.includes(c)) : all;
  const readings = new Map<Channel, ChannelReading>();
  const usualOf = (c: Channel): string[] => {
    const entries = fees.entries.filter((e) => e.channels.includes(c));
    return unique(entries.filter((e) => isAmount(e) && feeStatus(e, asOf) === 'usual').map((e) => usualLine(e, entries)));
  };
  for (const channel of shown) {
    readings.set(channel, readChannel(fees, channel, asOf, () => {
      const others = all.filter((c) => c !== channel && usualOf(c).length > 0);
      return { lines: unique(others.flatMap(usualOf)), channels: others };
    }));
  }
  const groups = groupReadings(readings);
  const elsewhere: FeeGroup[] = [];
  if (shown.length < all.length) {
    const others = new Map<Channel, ChannelReading>();
    for (const channel of all.filter((c) => !shown.includes(c))) {
      others.set(channel, readChannel(fees, channel, asOf, () => ({ lines: [], channels: [] })));
    }
    const said = new Set(groups.map((g) => g.now.join('\n')));
    elsewhere.push(...groupReadings(others).filter((g) => !said.has(g.now.join('\n'))));
  }
  const notes: FeeNote[] = [];
  for (const [channel, r] of readings) {
    for (const text of r.notes) {
      const note = notes.find((n) => n.text === text);
      if (note) note.channels.push(channel);
      else notes.push({ channels: [channel], text });
    }
  }
  const values = [...readings.values()];
  return { groups, elsewhere, notes, unknown: values.some((r) => r.unknown), hdnd: values.some((r) => r.hdnd) };
}
