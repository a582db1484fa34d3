/**
 * The fee, time and place parts of a procedure answer, read from the document's typed
 * fields (`DocumentRecord.procedure`, parsed at ingest) rather than from its text: the fee
 * that applies on the day asked, the time with its unit, the level and office. Each line
 * is cited to the field's section, whose text (written from the same fields at ingest)
 * holds every figure and date the line states.
 */
import type { ProcedureFacts } from '../../structure/procedure-facts.ts';
import type { Channel } from '../../structure/procedure-tables.ts';
import { withMark } from '../ground/citations.ts';
import { fill, MESSAGES_VI } from '../messages.ts';
import { channelNames, feeOnDay } from './fee-facts.ts';
import { placeLines } from './place-facts.ts';
import { timeOnChannels } from './time-facts.ts';

const M = MESSAGES_VI.procedure;

/** What the fact fields need of the answer being composed. */
export interface FactContext {
  /** The procedure's name as shown (procedureDisplayName). */
  name: string;
  facts: ProcedureFacts;
  /** The day asked, ISO. */
  asOf: string;
  /** Channels the question names. */
  channels: readonly Channel[];
  /** Cite every chunk of the field with one of `labels`; its number, or undefined when it has none. */
  citeField(labels: readonly string[]): number | undefined;
}

/** Lines of one part, and what the answer should add after it. */
export interface FactLines {
  lines: string[];
  /** Some value is unknown: point to the one-stop desk. */
  askDesk: boolean;
  /** The province's HĐND sets the fee (look for its resolution). */
  hdnd?: boolean;
  /** The time is unknown for some channel asked (add related deadlines). */
  timeUnknown?: boolean;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A sentence: its own end mark kept (also inside a closing bracket or quote), else a full stop. */
function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…:][)”]?$/u.test(t) ? t : `${t}.`;
}

/** A value followed by more words: without its own end mark. */
function bare(s: string): string {
  return s.trim().replace(/[.;,]$/u, '');
}

/** ` khi nộp trực tuyến` when a statement holds for some of the procedure's channels only; nothing when for all. */
function when(channels: readonly Channel[], all: readonly Channel[]): string {
  return channels.length > 0 && channels.length < new Set(all).size ? fill(M.when, { channels: channelNames(channels) }) : '';
}

/** The fee on the day asked, per group of channels that agree, then what ended, comes, or is exempted. */
export function feeFactLines(ctx: FactContext): FactLines | undefined {
  if (ctx.facts.fees.channels.length === 0) return undefined;
  const n = ctx.citeField(['Lệ phí']);
  if (n === undefined) return undefined;
  const day = feeOnDay(ctx.facts.fees, ctx.asOf, ctx.channels);
  if (day.groups.length === 0) return undefined;
  const lines: string[] = [];
  const shown = day.groups.flatMap((g) => g.channels);
  const channels = ctx.facts.fees.channels.map((c) => c.channel);
  const only = day.groups.length === 1 ? day.groups[0] : undefined;
  if (only && only.now.length === 1) {
    lines.push(withMark(sentence(fill(M.sameWhen.fee, { name: ctx.name, when: when(only.channels, channels), value: bare(only.now[0]!) })), n));
  } else if (only) {
    lines.push(withMark(`${fill(M.introWhen.fee, { name: ctx.name, when: when(only.channels, channels) })}:`, n));
    for (const line of only.now) lines.push(withMark(`- ${sentence(capitalize(line))}`, n));
  } else {
    lines.push(withMark(`${fill(M.intro.fee, { name: ctx.name })} ${M.byChannel}:`, n));
    for (const g of day.groups) lines.push(withMark(`- ${capitalize(channelNames(g.channels))}: ${sentence(g.now.map(bare).join('; '))}`, n));
  }
  for (const g of day.elsewhere) lines.push(withMark(sentence(fill(MESSAGES_VI.fee.elsewhere, { channels: channelNames(g.channels), value: g.now.map(bare).join('; ') })), n));
  for (const note of day.notes) {
    const all = note.channels.length === shown.length;
    lines.push(withMark(sentence(all ? capitalize(note.text) : `${capitalize(channelNames(note.channels))}: ${note.text}`), n));
  }
  return { lines, askDesk: day.unknown, hdnd: day.hdnd };
}

/** The time per group of channels that agree, with its unit, and where a unit came from. */
export function timeFactLines(ctx: FactContext): FactLines | undefined {
  if (ctx.facts.times.length === 0) return undefined;
  const t = timeOnChannels(ctx.facts.times, ctx.channels);
  if (t.groups.length === 0) return undefined;
  const n = ctx.citeField(['Thời hạn giải quyết']);
  if (n === undefined) return undefined;
  const lines: string[] = [];
  const only = t.groups.length === 1 ? t.groups[0] : undefined;
  if (only) {
    lines.push(withMark(sentence(fill(M.sameWhen.time, { name: ctx.name, when: when(only.channels, ctx.facts.times.map((x) => x.channel)), value: bare(only.value) })), n));
  } else {
    lines.push(withMark(`${fill(M.intro.time, { name: ctx.name })} ${M.byChannel}:`, n));
    for (const g of t.groups) lines.push(withMark(`- ${capitalize(channelNames(g.channels))}: ${sentence(g.value)}`, n));
  }
  for (const note of t.notes) lines.push(withMark(sentence(capitalize(note)), n));
  return { lines, askDesk: t.unknown || t.noUnit, timeUnknown: t.unknown };
}

/** The level, office, address, channels and online page of the procedure. */
export function placeFactLines(ctx: FactContext): FactLines | undefined {
  const place = ctx.facts.place;
  const agency = ctx.citeField(['Cơ quan thực hiện']);
  if (agency === undefined) return undefined;
  const lines: string[] = [];
  const parts = placeLines(place, ctx.name);
  parts.forEach((part, i) => {
    const n = part.source === 'address' ? ctx.citeField(['Địa chỉ tiếp nhận']) ?? agency : agency;
    lines.push(withMark(i === 0 ? sentence(part.text) : `- ${part.source === 'url' ? part.text : sentence(part.text)}`, n));
  });
  return { lines, askDesk: false };
}
