/**
 * A procedure's processing time per channel from its typed fields (core/structure/
 * procedure-times.ts), with its unit: as the cell writes it, or for a bare number the unit
 * its record states elsewhere (said so, with the sentence), or the number as given with no
 * unit invented, beside the sentence of the steps that says when the result comes.
 */
import type { ChannelTime } from '../../structure/procedure-facts.ts';
import type { Channel } from '../../structure/procedure-tables.ts';
import { unsupportedFacts } from '../ground/facts.ts';
import { fill, MESSAGES_VI } from '../messages.ts';

const M = MESSAGES_VI.time;

/** The time of a group of channels that read the same. */
export interface TimeGroup {
  channels: Channel[];
  value: string;
}

export interface TimeOnChannels {
  groups: TimeGroup[];
  /** Where a unit came from, or the steps' sentence for a number without one; each once. */
  notes: string[];
  /** Some asked channel has no time in the catalogue. */
  unknown: boolean;
  /** Some channel's time is a bare number whose unit the record does not state. */
  noUnit: boolean;
}

function valueOf(t: ChannelTime): string | undefined {
  if (t.value !== undefined && t.unit) return `${t.value} ${t.unit}`;
  if (t.value !== undefined) return fill(M.noUnit, { value: String(t.value) });
  return t.text || undefined;
}

/**
 * The time as the answer may state it: a unit recovered from the record's text is kept only
 * when its sentence states that number with that unit as a duration, so a field parsed by an
 * older ingest (which read "ngày 01 tháng 10" as "1 tháng") is shown as the bare number.
 */
function checked(t: ChannelTime): ChannelTime {
  if (t.unitFrom !== 'text' || t.value === undefined || !t.unit || !t.evidence) return t;
  if (unsupportedFacts(`${t.value} ${t.unit}`, [t.evidence]).length === 0) return t;
  const { unit: _unit, unitFrom: _from, evidence: _evidence, ...bare } = t;
  return bare;
}

/** The times of the channels asked (all when `asked` names none the procedure has), grouped. */
export function timeOnChannels(given: readonly ChannelTime[], asked: readonly Channel[] = []): TimeOnChannels {
  const times = given.map(checked);
  const all = [...new Set(times.map((t) => t.channel))];
  const shown = asked.some((c) => all.includes(c)) ? times.filter((t) => asked.includes(t.channel)) : times;
  const groups: TimeGroup[] = [];
  const notes: string[] = [];
  let unknown = false;
  for (const t of shown) {
    const value = valueOf(t);
    if (!value) {
      unknown = true;
      continue;
    }
    const group = groups.find((g) => g.value === value);
    if (group) {
      if (!group.channels.includes(t.channel)) group.channels.push(t.channel);
    } else groups.push({ channels: [t.channel], value });
    const note = t.evidence && (t.unitFrom === 'text' ? fill(M.unitFromSteps, { value: String(t.value), evidence: t.evidence }) : fill(M.stepsSay, { evidence: t.evidence }));
    if (note && !notes.includes(note)) notes.push(note);
  }
  return { groups, notes, unknown: unknown || groups.length === 0, noUnit: shown.some((t) => t.value !== undefined && !t.unit) };
}
