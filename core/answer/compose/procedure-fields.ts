/**
 * Reading the per-field chunks of a procedure (core/structure/procedure.ts): which field
 * answers which intent, the field's text inside a chunk, and the `Trực tiếp: …; Trực tuyến:
 * …` values of the deadline and fee fields grouped by submission channel.
 */
import cues from '../../../prompts/cues/procedure-fields.vi.json' with { type: 'json' };
import type { Chunk } from '../../model.ts';
import type { Channel } from '../../structure/procedure-tables.ts';
import type { FieldIntent } from '../understand/intent.ts';
import { anyOf } from '../understand/phrase-match.ts';

/** Section labels that answer each intent, in the order they are shown. */
export const FIELD_LABELS: Readonly<Record<FieldIntent, readonly string[]>> = Object.freeze({
  papers: ['Thành phần hồ sơ'],
  fee: ['Lệ phí'],
  time: ['Thời hạn giải quyết'],
  place: ['Cơ quan thực hiện', 'Địa chỉ tiếp nhận'],
  steps: ['Trình tự thực hiện'],
  channels: ['Cách thức thực hiện'],
  conditions: ['Yêu cầu, điều kiện'],
  legal_basis: ['Căn cứ pháp lý'],
  result: ['Kết quả thực hiện'],
  who: ['Đối tượng thực hiện'],
});

/** Where to look when an intent's own field is absent (the channel rows carry deadline and fee). */
export const FALLBACK_LABELS: Readonly<Partial<Record<FieldIntent, readonly string[]>>> = Object.freeze({
  fee: ['Cách thức thực hiện'],
  time: ['Cách thức thực hiện'],
});

/** Label of the general-information field, cited when a field is missing. */
export const GENERAL_LABEL = 'Thông tin chung';

export const CHANNELS: readonly Channel[] = Object.freeze(['Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính']);

/** The chunks of a procedure holding `labels`, in label order then document order. */
export function fieldChunks(chunks: readonly Chunk[], labels: readonly string[]): Chunk[] {
  return labels.flatMap((label) => chunks.filter((c) => c.sectionLabel === label));
}

/** The procedure name a field chunk opens with. */
export function procedureNameOf(chunk: Pick<Chunk, 'text' | 'headingTrail'>): string {
  const first = chunk.text.split('\n', 1)[0]?.trim();
  return first || chunk.headingTrail[0] || '';
}

/** The field text of a chunk (or of a quote of it): after the name line and `Label: `. */
export function fieldText(text: string, label: string): string {
  const nl = text.indexOf('\n');
  let body = nl >= 0 ? text.slice(nl + 1) : text;
  if (body.startsWith(`${label}: `)) body = body.slice(label.length + 2);
  return body.trim();
}

/** One value of a per-channel field and the channels it applies to (empty: not stated). */
export interface ChannelValue {
  channels: Channel[];
  value: string;
}

/** Split on `separator` outside parentheses. */
function splitTopLevel(s: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i];
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && s.startsWith(separator, i)) {
      parts.push(s.slice(from, i));
      from = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(s.slice(from));
  return parts.map((p) => p.trim()).filter(Boolean);
}

const CHANNEL_PREFIX = new RegExp(`^(${CHANNELS.join('|')}): `, 'u');
const LOWER_CHANNELS = new Map(CHANNELS.map((c) => [c.toLowerCase(), c]));

/**
 * Parse `Trực tiếp: 7 ngày làm việc; Trực tuyến: 5 ngày làm việc.` or the agreeing form
 * `20.000 đồng (trực tiếp, trực tuyến).` into values with their channels. Values are kept
 * verbatim (figures and notes untouched).
 */
export function parseChannelValues(field: string): ChannelValue[] {
  const body = field.replace(/^Phí, lệ phí: /u, '').replace(/\.$/u, '').trim();
  return splitTopLevel(body, '; ').map((segment): ChannelValue => {
    const own = CHANNEL_PREFIX.exec(segment);
    if (own) return { channels: [own[1] as Channel], value: segment.slice(own[0].length).trim() };
    const tail = /\s*\(([^()]*)\)$/u.exec(segment);
    const listed = tail?.[1]?.split(',').map((s) => LOWER_CHANNELS.get(s.trim().toLowerCase()));
    if (tail && listed && listed.length > 0 && listed.every((c) => c !== undefined)) {
      return { channels: [...new Set(listed as Channel[])], value: segment.slice(0, tail.index).trim() };
    }
    return { channels: [], value: segment };
  });
}

/** Values grouped by channel, each channel's values distinct and in order. */
export function groupByChannel(values: readonly ChannelValue[]): Map<Channel | '', string[]> {
  const groups = new Map<Channel | '', string[]>();
  for (const v of values) {
    for (const ch of v.channels.length ? v.channels : ['' as const]) {
      const list = groups.get(ch) ?? [];
      if (!list.includes(v.value)) list.push(v.value);
      groups.set(ch, list);
    }
  }
  return groups;
}

const UNKNOWN = new RegExp(anyOf(cues.unknownValue), 'iu');

/** Whether a field value says the catalogue has no information (prompts/cues/procedure-fields.vi.json). */
export function isUnknown(value: string): boolean {
  return UNKNOWN.test(value);
}
