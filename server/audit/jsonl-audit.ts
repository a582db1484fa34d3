/**
 * AuditSink over append-only JSON Lines files, one file per day (`audit-YYYY-MM-DD.jsonl`,
 * then `audit-YYYY-MM-DD.1.jsonl`, `.2` … once a file reaches `maxBytesPerFile`).
 *
 * Durability: every append goes through one queue, so lines never interleave, and is
 * written with `appendFile` (the line is in the OS page cache when `append` resolves: it
 * survives a crash of the process, not of the machine). `close()` fsyncs every file
 * written since the last close; `durability: 'fsync'` fsyncs after every line instead.
 * A line cut short by a crash is skipped when read, and the next append starts a new line.
 *
 * Privacy: every free text is redacted here before it is written (redact-free-text.ts), and
 * the trail never fails open: a text that cannot be redacted is replaced by a placeholder,
 * and the record is still written.
 */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { AdminActionQuery, AdminActionRecord, AuditFeedback, AuditQuery, AuditRecord, AuditSink, UsageStats } from '../../core/audit/types.ts';
import { adminActionLine, matchesAdminQuery, type HandledLine } from './admin-action-lines.ts';
import { AppError } from '../../core/errors.ts';
import { computeUsageStats, dayOf } from './usage-stats.ts';
import { redactRecord, redactText, safeFreeText, type Redactor } from './redact-free-text.ts';
import { filesByNode, mergeByTime, type AuditFile } from './audit-files.ts';
import { AuditReader, OUTCOMES, ROLES, type FeedbackLine } from './audit-reader.ts';
import { AuditWriter } from './audit-writer.ts';

/** Options of {@link JsonlAuditSink}. */
export interface JsonlAuditOptions {
  /** Directory of the audit files; created if missing. */
  dir: string;
  /** Size past which a day's file is continued in `.1`, `.2` … (default 64 MiB). */
  maxBytesPerFile?: number;
  /** `prune` deletes files of days more than this many days before today (default 365). */
  retentionDays?: number;
  /** Offset of the file day (and stats day) from UTC in minutes: 420 for Vietnam. Default 0. */
  dayOffsetMinutes?: number;
  /** `'os'` (default): flush to the OS per line, fsync on close. `'fsync'`: fsync every line. */
  durability?: 'os' | 'fsync';
  /** Clock, for feedback times and the default of `prune`. */
  now?: () => Date;
  /** Told about each unreadable line skipped by a query (file name and 1-based line). */
  onCorruptLine?: (file: string, line: number) => void;
  /** The redaction every free text goes through before it is written (default: core/guard/pii.ts). */
  redact?: Redactor;
  /**
   * This node's name in a cluster sharing `dir`: it writes only its own files
   * (audit-files.ts) and reads every node's. Absent: the only writer of `dir`.
   */
  node?: string;
}

/** How many appended ids are remembered to place feedback without scanning files. */
const KNOWN_IDS = 100_000;

function invalid(detail: string): AppError {
  return new AppError('INVALID_ARGUMENT', `audit: ${detail}`);
}

function parseTime(iso: string | undefined, field: string): number | undefined {
  if (iso === undefined) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw invalid(`${field} is not an ISO time`);
  return t;
}

/** Append-only, daily-rotated JSONL audit trail. See the module comment for durability. */
export class JsonlAuditSink implements AuditSink {
  private readonly dir: string;
  private readonly retentionDays: number;
  private readonly offset: number;
  private readonly now: () => Date;
  private readonly redact: Redactor;
  private readonly reader: AuditReader;
  private readonly writer: AuditWriter;
  private readonly knownIds = new Map<string, string>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: JsonlAuditOptions) {
    this.dir = options.dir;
    this.retentionDays = options.retentionDays ?? 365;
    this.offset = options.dayOffsetMinutes ?? 0;
    this.now = options.now ?? (() => new Date());
    this.redact = options.redact ?? redactText;
    this.reader = new AuditReader(options.dir, options.onCorruptLine);
    this.writer = new AuditWriter({
      dir: options.dir,
      maxBytes: options.maxBytesPerFile ?? 64 * 1024 * 1024,
      durability: options.durability ?? 'os',
      node: options.node,
      listFiles: () => this.reader.listFiles(),
    });
  }

  /** Unreadable lines skipped by queries since this sink was created. */
  get corruptLines(): number {
    return this.reader.corruptLines;
  }

  /**
   * Store one record. Every free text in it (the question, a feedback comment, and any other
   * text field a caller adds: a drafting request, a note) is redacted here, whatever the
   * caller did; a text that cannot be redacted is written as a placeholder and a decision
   * says so, but the record is always written. A `user` that is a raw IP address is written
   * as `unknown`. Malformed records (no id, a bad time, role or outcome) are rejected
   * (AppError INVALID_ARGUMENT): they are the caller's bug, not personal data.
   */
  async append(input: AuditRecord): Promise<void> {
    const r = input;
    if (typeof r.id !== 'string' || r.id === '') throw invalid('id is required');
    parseTime(r.time, 'time');
    if (!ROLES.has(r.role)) throw invalid('unknown role');
    if (!OUTCOMES.has(r.outcome)) throw invalid('unknown outcome');
    if (typeof r.user !== 'string' || r.user === '') throw invalid('user must be a pseudonymous id');
    if (r.feedback) this.checkFeedback(r.feedback);
    const safe = redactRecord(r, this.redact);
    const day = dayOf(r.time, this.offset);
    const line = JSON.stringify({ v: 1, type: 'record', ...safe });
    await this.enqueue(async () => {
      await this.writer.write(day, line);
      this.knownIds.delete(r.id);
      this.knownIds.set(r.id, day);
      if (this.knownIds.size > KNOWN_IDS) this.knownIds.delete(this.knownIds.keys().next().value!);
    });
  }

  /**
   * Attach feedback to record `id`, as a separate line in the file of the record's day
   * (merged by `query`; the latest wins). The comment is redacted like any free text (a
   * placeholder when that fails). Rejects an unknown id.
   */
  async recordFeedback(id: string, f: AuditFeedback): Promise<void> {
    if (typeof f.useful !== 'boolean') throw invalid('feedback.useful must be a boolean');
    this.checkFeedback(f);
    const line: FeedbackLine = {
      v: 1, type: 'feedback', id, time: this.now().toISOString(), useful: f.useful,
      ...(f.comment !== undefined ? { comment: safeFreeText(f.comment, this.redact).text } : {}),
    };
    await this.enqueue(async () => {
      const day = this.knownIds.get(id) ?? await this.reader.findDay(id);
      if (!day) throw invalid('no audit record with this id');
      await this.writer.write(day, JSON.stringify(line));
    });
  }

  /**
   * Mark the feedback of record `id` handled (or not): a line in the file of the record's
   * day, merged into the record's feedback by `query` (the latest mark wins). Rejects an
   * unknown id.
   */
  async markFeedbackHandled(id: string, mark: { handled: boolean; by: string }): Promise<void> {
    if (typeof mark.handled !== 'boolean' || typeof mark.by !== 'string' || mark.by === '') throw invalid('handled mark needs a boolean and a pseudonym');
    const line: HandledLine = { v: 1, type: 'feedback-handled', id, time: this.now().toISOString(), by: mark.by, handled: mark.handled };
    await this.enqueue(async () => {
      const day = this.knownIds.get(id) ?? await this.reader.findDay(id);
      if (!day) throw invalid('no audit record with this id');
      await this.writer.write(day, JSON.stringify(line));
    });
  }

  /** Store one admin action in the file of its day; targets and detail are redacted (admin-action-lines.ts). */
  async appendAdminAction(r: AdminActionRecord): Promise<void> {
    const line = adminActionLine(r, this.redact);
    const day = dayOf(r.time, this.offset);
    await this.enqueue(() => this.writer.write(day, line));
  }

  /** Admin actions matching `q`, day by day, oldest first (the nodes of a cluster merged by time). */
  async *adminActions(q: AdminActionQuery): AsyncIterable<AdminActionRecord> {
    const from = parseTime(q.from, 'from');
    const to = parseTime(q.to, 'to');
    const limit = q.limit ?? Infinity;
    if (limit <= 0) return;
    await this.tail;
    let yielded = 0;
    for (const files of (await this.filesByDay(q)).values()) {
      for await (const r of mergeByTime(filesByNode(files).map((own) => this.reader.adminActionsOf(own)))) {
        const t = Date.parse(r.time);
        if ((from !== undefined && t < from) || (to !== undefined && t >= to) || !matchesAdminQuery(r, q)) continue;
        yield r;
        if (++yielded >= limit) return;
      }
    }
  }

  /** The files whose day overlaps `[q.from, q.to]`, by day. */
  private async filesByDay(q: { from?: string; to?: string }): Promise<Map<string, AuditFile[]>> {
    const fromDay = q.from === undefined ? undefined : dayOf(q.from, this.offset);
    const toDay = q.to === undefined ? undefined : dayOf(q.to, this.offset);
    const byDay = new Map<string, AuditFile[]>();
    for (const f of await this.reader.listFiles()) {
      if ((fromDay && f.day < fromDay) || (toDay && f.day > toDay)) continue;
      byDay.set(f.day, [...(byDay.get(f.day) ?? []), f]);
    }
    return byDay;
  }

  /**
   * Records matching `q`, streamed day by day (only files whose day overlaps the range are
   * read), in append order within a day (the nodes of a cluster merged by time), with
   * feedback merged. Sees every append that resolved before the call. Corrupt lines are
   * skipped and counted.
   */
  async *query(q: AuditQuery): AsyncIterable<AuditRecord> {
    const from = parseTime(q.from, 'from');
    const to = parseTime(q.to, 'to');
    const limit = q.limit ?? Infinity;
    if (limit <= 0) return;
    await this.tail;
    let yielded = 0;
    for (const files of (await this.filesByDay(q)).values()) {
      const feedback = await this.reader.feedbackOf(files);
      for await (const r of mergeByTime(filesByNode(files).map((own) => this.reader.recordsOf(own)))) {
        const t = Date.parse(r.time);
        if ((from !== undefined && t < from) || (to !== undefined && t >= to)) continue;
        if ((q.role && r.role !== q.role) || (q.outcome && r.outcome !== q.outcome) || (q.reason && r.reason !== q.reason)) continue;
        const fb = feedback.get(r.id);
        yield fb ? { ...r, feedback: fb } : r;
        if (++yielded >= limit) return;
      }
    }
  }

  /** Usage statistics over `[from, to)`, computed from `query`. */
  async stats(q: { from?: string; to?: string }): Promise<UsageStats> {
    return computeUsageStats(this.query(q), { dayOffsetMinutes: this.offset });
  }

  /**
   * Retention: delete the files of days more than `retentionDays` before `now`'s day.
   * Returns the deleted file names.
   */
  async prune(now: Date = this.now()): Promise<string[]> {
    const cutoff = dayOf(new Date(now.getTime() - this.retentionDays * 86_400_000).toISOString(), this.offset);
    return this.enqueue(async () => {
      const deleted: string[] = [];
      for (const f of await this.reader.listFiles()) {
        if (f.day >= cutoff) continue;
        await unlink(join(this.dir, f.name)).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw err;
        });
        this.writer.forget(f);
        deleted.push(f.name);
      }
      for (const [id, day] of this.knownIds) if (day < cutoff) this.knownIds.delete(id);
      return deleted;
    });
  }

  /** Wait for pending appends and fsync every file written since the last close. */
  async close(): Promise<void> {
    await this.tail;
    await this.writer.sync();
  }

  private checkFeedback(f: AuditFeedback): void {
    if (f.comment !== undefined && typeof f.comment !== 'string') throw invalid('feedback.comment must be a string');
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    // A failed write must not block the ones queued after it.
    this.tail = run.catch(() => undefined);
    return run;
  }
}
