/**
 * The typed facts of a procedure that citizens ask about most: its fee (typed entries per
 * channel, dated where the catalogue dates them), its processing time per channel with a
 * unit, and where it is done. Parsed once at ingest and stored with the document
 * (`DocumentMeta.procedure`), so answers read fields, not text.
 */
import { parseProcedureFees, type ProcedureFees } from './procedure-fees.ts';
import { parseProcedurePlace, type ProcedurePlace } from './procedure-place.ts';
import { parseChannelRows, type ChannelRow } from './procedure-tables.ts';
import { parseProcedureTimes, type ChannelTime } from './procedure-times.ts';

export type { ChannelFee, FeeEntry, FeeSetter, ProcedureFees } from './procedure-fees.ts';
export type { ProcedureLevel, ProcedurePlace } from './procedure-place.ts';
export type { ChannelTime, TimeUnit } from './procedure-times.ts';

/** Fee, time and place of a procedure, as typed fields. */
export interface ProcedureFacts {
  fees: ProcedureFees;
  times: ChannelTime[];
  place: ProcedurePlace;
}

/** The typed facts of a catalogue record whose channel table is already parsed. */
export function factsOfRows(record: Record<string, unknown>, rows: readonly ChannelRow[]): ProcedureFacts {
  const steps = typeof record.trinh_tu_thuc_hien === 'string' ? record.trinh_tu_thuc_hien : undefined;
  return {
    fees: parseProcedureFees(rows),
    times: parseProcedureTimes(rows, steps),
    place: parseProcedurePlace(record, rows.map((r) => r.channel)),
  };
}

/** The typed facts of a catalogue record (fields as in procedures.jsonl). Never throws on odd values. */
export function procedureFacts(record: Record<string, unknown>): ProcedureFacts {
  const table = typeof record.cach_thuc_thuc_hien === 'string' ? record.cach_thuc_thuc_hien : '';
  return factsOfRows(record, parseChannelRows(table));
}
