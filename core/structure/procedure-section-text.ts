/**
 * The readable text of a procedure's fee, time and place sections, written from its typed
 * facts (procedure-facts.ts). It is what a citation quotes, so it keeps the catalogue's own
 * words and figures: each fee cell once per group of channels that agree, each note once
 * with the channels it belongs to, the time with the unit the record gives it, the bodies
 * the steps name when the catalogue names no cơ quan.
 */
import type { ChannelFee, ChannelTime, ProcedureFacts, ProcedurePlace } from './procedure-facts.ts';
import type { Channel } from './procedure-tables.ts';

const NO_INFO = 'Không có thông tin';

/** Channels in the order first seen, each once; lower case when they are a trailing list. */
function channelList(channels: readonly Channel[], lower = false): string {
  const list = [...new Set(channels)].join(', ');
  return lower ? list.toLowerCase() : list;
}

/** Values grouped by the channels that share them, in first-seen order. */
function grouped<T>(items: readonly T[], value: (t: T) => string | undefined, channel: (t: T) => Channel): Array<{ value: string; channels: Channel[] }> {
  const groups = new Map<string, Channel[]>();
  for (const item of items) {
    const v = value(item);
    if (v === undefined) continue;
    const list = groups.get(v) ?? [];
    if (!list.includes(channel(item))) list.push(channel(item));
    groups.set(v, list);
  }
  return [...groups.entries()].map(([v, channels]) => ({ value: v, channels }));
}

/** `X (trực tuyến, trực tiếp)` when every channel agrees, else `Trực tuyến: X; Trực tiếp: Y`. */
function byChannel(groups: Array<{ value: string; channels: Channel[] }>): string {
  if (groups.length === 1 && groups[0]) return `${groups[0].value} (${channelList(groups[0].channels, true)})`;
  return groups.map((g) => `${channelList(g.channels)}: ${g.value}`).join('; ');
}

function cellText(c: ChannelFee): string {
  return c.cell === 'free' ? 'Miễn phí' : c.cell === 'amount' && c.cellText ? c.cellText : NO_INFO;
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…][)”]?$/u.test(t) ? t : `${t}.`;
}

/** The `Lệ phí` section: the cells by channel, then each note and fee statement once with its channels. */
export function feeSectionText(facts: ProcedureFacts): string | undefined {
  const cells = facts.fees.channels;
  if (cells.length === 0) return undefined;
  const all = cells.map((c) => c.channel);
  const lines = [sentence(`Phí, lệ phí: ${byChannel(grouped(cells, cellText, (c) => c.channel))}`)];
  const notes = grouped(cells, (c) => c.note, (c) => c.channel);
  for (const n of notes) {
    const who = notes.length === 1 && n.channels.length === new Set(all).size ? '' : ` (${channelList(n.channels, true)})`;
    lines.push(sentence(`Ghi chú${who}: ${n.value}`));
  }
  const described = facts.fees.entries.filter((e) => e.source === 'description' && e.note);
  for (const d of grouped(described, (e) => e.note, (e) => e.channels[0]!)) {
    const channels = [...new Set(described.filter((e) => e.note === d.value).flatMap((e) => e.channels))];
    lines.push(sentence(`Mô tả (${channelList(channels, true)}): ${d.value}`));
  }
  return lines.join('\n');
}

/** A time as written for the section: `7 ngày làm việc`, `5 (không ghi đơn vị)`, or the cell's words. */
function timeText(t: ChannelTime): string | undefined {
  if (t.value !== undefined && t.unitFrom === 'cell' && t.unit) return `${t.value} ${t.unit}`;
  if (t.value !== undefined) return `${t.value} (không ghi đơn vị)`;
  return t.text || undefined;
}

/** The `Thời hạn giải quyết` section: the time by channel, then the record's sentence that gives a bare number its unit. */
export function timeSectionText(facts: ProcedureFacts): string | undefined {
  const times = facts.times;
  const groups = grouped(times, timeText, (t) => t.channel);
  if (groups.length === 0) return undefined;
  const lines = [sentence(byChannel(groups))];
  for (const evidence of new Set(times.map((t) => t.evidence).filter((e): e is string => !!e))) {
    lines.push(`Trình tự thực hiện ghi: “${evidence.replace(/[“”]/gu, '"')}”`);
  }
  return lines.join('\n');
}

const LEVEL_NAMES: Record<ProcedurePlace['levels'][number], string> = {
  'cấp xã': 'Cấp xã', 'cấp huyện': 'Cấp huyện', 'cấp tỉnh': 'Cấp tỉnh', 'cấp bộ': 'Cấp bộ', 'cơ quan khác': 'Cơ quan khác',
};

/** The `Cơ quan thực hiện` section: level, bodies, the bodies the steps name when no cơ quan is given, the portal page. */
export function placeSectionText(place: ProcedurePlace): string | undefined {
  const parts = [
    place.levels.length > 0 && `Cấp thực hiện: ${place.levels.map((l) => LEVEL_NAMES[l]).join(', ')}.`,
    place.office ? `Cơ quan thực hiện: ${sentence(place.office)}` : 'Cơ quan thực hiện: danh mục không ghi.',
    place.competentAuthority && `Cơ quan có thẩm quyền: ${sentence(place.competentAuthority)}`,
    place.delegatedAuthority && `Cơ quan được ủy quyền: ${sentence(place.delegatedAuthority)}`,
    place.coordinatingAuthority && `Cơ quan phối hợp: ${sentence(place.coordinatingAuthority)}`,
    !place.office && place.stepOffices.length > 0 && `Nơi tiếp nhận, giải quyết nêu trong Trình tự thực hiện: ${place.stepOffices.join('; ')}.`,
    place.portalUrl && `Trang thủ tục trên Cổng Dịch vụ công quốc gia: ${place.portalUrl}`,
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  if (!place.office && place.levels.length === 0 && place.stepOffices.length === 0 && !place.competentAuthority) return undefined;
  return parts.join(' ');
}
