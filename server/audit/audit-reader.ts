/**
 * The reading side of the JSONL audit trail (jsonl-audit.ts): the files of a directory,
 * their lines parsed and checked, records, admin actions and feedback of a day's files.
 * A line cut short by a crash, or anything else unreadable, is skipped and counted.
 */
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AdminActionRecord, AuditFeedback, AuditRecord } from '../../core/audit/types.ts';
import { asAdminAction, asHandledLine, type HandledLine } from './admin-action-lines.ts';
import { compareAuditFiles, parseAuditFileName, type AuditFile } from './audit-files.ts';

/** The roles and outcomes a stored record may have. */
export const ROLES = new Set(['citizen', 'official', 'admin']);
export const OUTCOMES = new Set(['answered', 'refused', 'error']);

/** A feedback line as stored: merged into its record by {@link AuditReader.feedbackOf}. */
export type FeedbackLine = AuditFeedback & { v: 1; type: 'feedback'; id: string; time: string };

type LineType = 'record' | 'feedback' | 'admin' | 'feedback-handled';
type ParsedLine = Record<string, unknown> & { type: LineType };

function isRecord(x: Record<string, unknown>): boolean {
  return typeof x.id === 'string' && typeof x.time === 'string' && !Number.isNaN(Date.parse(x.time))
    && ROLES.has(x.role as string) && OUTCOMES.has(x.outcome as string) && typeof x.question === 'string'
    && Array.isArray(x.citations) && Array.isArray(x.retrieved) && Array.isArray(x.decisions);
}

/** Parse one stored line; undefined when it is not JSON or not one of the line kinds. */
export function parseAuditLine(line: string): ParsedLine | undefined {
  let x: unknown;
  try {
    x = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  if (o.type === 'record' && isRecord(o)) return o as ParsedLine;
  if (o.type === 'feedback' && typeof o.id === 'string' && typeof o.useful === 'boolean') return o as ParsedLine;
  if (asAdminAction(o)) return o as ParsedLine;
  if (asHandledLine(o)) return o as ParsedLine;
  return undefined;
}

/** Reads the audit files of one directory (every node's). */
export class AuditReader {
  private corrupt = 0;

  constructor(
    private readonly dir: string,
    private readonly onCorruptLine?: (file: string, line: number) => void,
  ) {}

  /** Unreadable lines skipped since this reader was created. */
  get corruptLines(): number {
    return this.corrupt;
  }

  /** Audit files of every node, by day, node, then segment. */
  async listFiles(): Promise<AuditFile[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return names.map(parseAuditFileName).filter((f): f is AuditFile => f !== undefined).sort(compareAuditFiles);
  }

  /** The lines of one file; nothing when the file was pruned between listing and reading. */
  async *lines(name: string): AsyncIterable<string> {
    const stream = createReadStream(join(this.dir, name), { encoding: 'utf8' });
    const opened = new Promise<boolean>((resolve) => {
      stream.once('open', () => resolve(true));
      stream.once('error', () => resolve(false));
    });
    if (!(await opened)) return;
    yield* createInterface({ input: stream, crlfDelay: Infinity });
  }

  /** The records of one writer's files, in append order; corrupt lines skipped and counted. */
  async *recordsOf(files: AuditFile[]): AsyncIterable<AuditRecord> {
    for (const file of files) {
      let lineNo = 0;
      for await (const line of this.lines(file.name)) {
        lineNo++;
        if (line.trim() === '') continue;
        const parsed = parseAuditLine(line);
        if (!parsed) {
          this.corrupt++;
          this.onCorruptLine?.(file.name, lineNo);
          continue;
        }
        if (parsed.type !== 'record') continue;
        const { v: _v, type: _type, ...rest } = parsed;
        yield rest as unknown as AuditRecord;
      }
    }
  }

  /** The admin actions of one writer's files, in append order. */
  async *adminActionsOf(files: AuditFile[]): AsyncIterable<AdminActionRecord> {
    for (const file of files) {
      for await (const line of this.lines(file.name)) {
        if (!line.includes('"type":"admin"')) continue;
        const parsed = parseAuditLine(line);
        const r = parsed && asAdminAction(parsed);
        if (r) yield r;
      }
    }
  }

  /**
   * Latest feedback per record id in one day's files, by its time (feedback on one record
   * may be written by several nodes); corrupt lines are counted by the record pass.
   */
  async feedbackOf(files: AuditFile[]): Promise<Map<string, AuditFeedback>> {
    const feedback = new Map<string, AuditFeedback & { time: string }>();
    const handled = new Map<string, HandledLine>();
    for (const file of files) {
      for await (const line of this.lines(file.name)) {
        if (!line.includes('"type":"feedback')) continue;
        const parsed = parseAuditLine(line);
        const mark = parsed && asHandledLine(parsed);
        if (mark) {
          if ((handled.get(mark.id)?.time ?? '') <= mark.time) handled.set(mark.id, mark);
          continue;
        }
        if (parsed?.type !== 'feedback') continue;
        const f = parsed as unknown as FeedbackLine;
        const time = typeof f.time === 'string' ? f.time : '';
        if ((feedback.get(f.id)?.time ?? '') > time) continue;
        feedback.set(f.id, { time, useful: f.useful, ...(f.comment !== undefined ? { comment: f.comment } : {}) });
      }
    }
    return new Map([...feedback].map(([id, { time: _time, ...f }]) => {
      const mark = handled.get(id);
      return [id, mark?.handled ? { ...f, handled: { by: mark.by, at: mark.time } } : f];
    }));
  }

  /** The day of record `id`, scanning files newest first. */
  async findDay(id: string): Promise<string | undefined> {
    const needle = `"id":${JSON.stringify(id)}`;
    for (const file of (await this.listFiles()).reverse()) {
      for await (const line of this.lines(file.name)) {
        if (!line.includes(needle)) continue;
        const parsed = parseAuditLine(line);
        if (parsed?.type === 'record' && parsed.id === id) return file.day;
      }
    }
    return undefined;
  }
}
