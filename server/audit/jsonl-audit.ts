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
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AdminActionQuery, AdminActionRecord, AuditFeedback, AuditQuery, AuditRecord, AuditSink, UsageStats } from '../../core/audit/types.ts';
import { adminActionLine, asAdminAction, asHandledLine, matchesAdminQuery, type HandledLine } from './admin-action-lines.ts';
import { AppError } from '../../core/errors.ts';
import { computeUsageStats, dayOf } from './usage-stats.ts';
import { redactRecord, redactText, safeFreeText, type Redactor } from './redact-free-text.ts';
import { auditFileName, compareAuditFiles, filesByNode, mergeByTime, parseAuditFileName, type AuditFile } from './audit-files.ts';

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

const ROLES = new Set(['citizen', 'official', 'admin']);
const OUTCOMES = new Set(['answered', 'refused', 'error']);
/** How many appended ids are remembered to place feedback without scanning files. */
const KNOWN_IDS = 100_000;

interface Segment { segment: number; size: number; needsNewline: boolean }
type FeedbackLine = AuditFeedback & { v: 1; type: 'feedback'; id: string; time: string };

function invalid(detail: string): AppError {
  return new AppError('INVALID_ARGUMENT', `audit: ${detail}`);
}

function parseTime(iso: string | undefined, field: string): number | undefined {
  if (iso === undefined) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw invalid(`${field} is not an ISO time`);
  return t;
}

function isRecord(x: Record<string, unknown>): boolean {
  return typeof x.id === 'string' && typeof x.time === 'string' && !Number.isNaN(Date.parse(x.time))
    && ROLES.has(x.role as string) && OUTCOMES.has(x.outcome as string) && typeof x.question === 'string'
    && Array.isArray(x.citations) && Array.isArray(x.retrieved) && Array.isArray(x.decisions);
}

/** Append-only, daily-rotated JSONL audit trail. See the module comment for durability. */
export class JsonlAuditSink implements AuditSink {
  private readonly dir: string;
  private readonly maxBytes: number;
  private readonly retentionDays: number;
  private readonly offset: number;
  private readonly durability: 'os' | 'fsync';
  private readonly now: () => Date;
  private readonly onCorruptLine: ((file: string, line: number) => void) | undefined;
  private readonly redact: Redactor;
  private readonly node: string | undefined;
  private readonly segments = new Map<string, Segment>();
  private readonly knownIds = new Map<string, string>();
  private readonly touched = new Set<string>();
  private tail: Promise<unknown> = Promise.resolve();
  private ready: Promise<unknown> | undefined;
  private corrupt = 0;

  constructor(options: JsonlAuditOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytesPerFile ?? 64 * 1024 * 1024;
    this.retentionDays = options.retentionDays ?? 365;
    this.offset = options.dayOffsetMinutes ?? 0;
    this.durability = options.durability ?? 'os';
    this.now = options.now ?? (() => new Date());
    this.onCorruptLine = options.onCorruptLine;
    this.redact = options.redact ?? redactText;
    this.node = options.node;
  }

  /** Unreadable lines skipped by queries since this sink was created. */
  get corruptLines(): number {
    return this.corrupt;
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
      await this.write(day, line);
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
      const day = this.knownIds.get(id) ?? await this.findDay(id);
      if (!day) throw invalid('no audit record with this id');
      await this.write(day, JSON.stringify(line));
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
      const day = this.knownIds.get(id) ?? await this.findDay(id);
      if (!day) throw invalid('no audit record with this id');
      await this.write(day, JSON.stringify(line));
    });
  }

  /** Store one admin action in the file of its day; targets and detail are redacted (admin-action-lines.ts). */
  async appendAdminAction(r: AdminActionRecord): Promise<void> {
    const line = adminActionLine(r, this.redact);
    const day = dayOf(r.time, this.offset);
    await this.enqueue(() => this.write(day, line));
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
      for await (const r of mergeByTime(filesByNode(files).map((own) => this.adminActionsOf(own)))) {
        const t = Date.parse(r.time);
        if ((from !== undefined && t < from) || (to !== undefined && t >= to) || !matchesAdminQuery(r, q)) continue;
        yield r;
        if (++yielded >= limit) return;
      }
    }
  }

  private async *adminActionsOf(files: AuditFile[]): AsyncIterable<AdminActionRecord> {
    for (const file of files) {
      for await (const line of this.lines(file.name)) {
        if (!line.includes('"type":"admin"')) continue;
        const parsed = this.parseLine(line);
        const r = parsed && asAdminAction(parsed);
        if (r) yield r;
      }
    }
  }

  /** The files whose day overlaps `[q.from, q.to]`, by day. */
  private async filesByDay(q: { from?: string; to?: string }): Promise<Map<string, AuditFile[]>> {
    const fromDay = q.from === undefined ? undefined : dayOf(q.from, this.offset);
    const toDay = q.to === undefined ? undefined : dayOf(q.to, this.offset);
    const byDay = new Map<string, AuditFile[]>();
    for (const f of await this.listFiles()) {
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
      const feedback = await this.feedbackOf(files);
      for await (const r of mergeByTime(filesByNode(files).map((own) => this.recordsOf(own)))) {
        const t = Date.parse(r.time);
        if ((from !== undefined && t < from) || (to !== undefined && t >= to)) continue;
        if ((q.role && r.role !== q.role) || (q.outcome && r.outcome !== q.outcome) || (q.reason && r.reason !== q.reason)) continue;
        const fb = feedback.get(r.id);
        yield fb ? { ...r, feedback: fb } : r;
        if (++yielded >= limit) return;
      }
    }
  }

  /** The records of one writer's files, in append order; corrupt lines skipped and counted. */
  private async *recordsOf(files: AuditFile[]): AsyncIterable<AuditRecord> {
    for (const file of files) {
      let lineNo = 0;
      for await (const line of this.lines(file.name)) {
        lineNo++;
        if (line.trim() === '') continue;
        const parsed = this.parseLine(line);
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
      for (const f of await this.listFiles()) {
        if (f.day >= cutoff) continue;
        await unlink(join(this.dir, f.name)).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw err;
        });
        this.segments.delete(f.day);
        this.touched.delete(join(this.dir, f.name));
        deleted.push(f.name);
      }
      for (const [id, day] of this.knownIds) if (day < cutoff) this.knownIds.delete(id);
      return deleted;
    });
  }

  /** Wait for pending appends and fsync every file written since the last close. */
  async close(): Promise<void> {
    await this.tail;
    for (const path of this.touched) {
      const handle = await open(path, 'a').catch(() => undefined);
      if (!handle) continue;
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    this.touched.clear();
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

  private async write(day: string, line: string): Promise<void> {
    this.ready ??= mkdir(this.dir, { recursive: true });
    await this.ready;
    const seg = this.segments.get(day) ?? await this.openSegment(day);
    const bytes = Buffer.byteLength(line) + 1;
    if (seg.size > 0 && seg.size + bytes > this.maxBytes) {
      seg.segment++;
      seg.size = 0;
      seg.needsNewline = false;
    }
    const data = (seg.needsNewline ? '\n' : '') + line + '\n';
    const path = join(this.dir, auditFileName(day, seg.segment, this.node));
    if (this.durability === 'fsync') {
      const handle = await open(path, 'a');
      try {
        await handle.appendFile(data);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    } else {
      await appendFile(path, data);
      this.touched.add(path);
    }
    seg.size += Buffer.byteLength(data);
    seg.needsNewline = false;
    this.segments.set(day, seg);
  }

  /** The last existing segment of `day` (after a restart), noting a line cut short by a crash. */
  private async openSegment(day: string): Promise<Segment> {
    const last = (await this.listFiles()).filter((f) => f.day === day && f.node === (this.node ?? '')).at(-1);
    if (!last) return { segment: 0, size: 0, needsNewline: false };
    const path = join(this.dir, last.name);
    const { size } = await stat(path);
    let needsNewline = false;
    if (size > 0) {
      const handle = await open(path, 'r');
      try {
        const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
        needsNewline = buffer[0] !== 0x0a;
      } finally {
        await handle.close();
      }
    }
    return { segment: last.segment, size, needsNewline };
  }

  /** Audit files of every node, by day, node, then segment. */
  private async listFiles(): Promise<AuditFile[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return names.map(parseAuditFileName).filter((f): f is AuditFile => f !== undefined).sort(compareAuditFiles);
  }

  private async *lines(name: string): AsyncIterable<string> {
    const stream = createReadStream(join(this.dir, name), { encoding: 'utf8' });
    const opened = new Promise<boolean>((resolve) => {
      stream.once('open', () => resolve(true));
      stream.once('error', () => resolve(false));
    });
    // A file pruned between listing and reading is simply gone.
    if (!(await opened)) return;
    yield* createInterface({ input: stream, crlfDelay: Infinity });
  }

  private parseLine(line: string): (Record<string, unknown> & { type: 'record' | 'feedback' | 'admin' | 'feedback-handled' }) | undefined {
    let x: unknown;
    try {
      x = JSON.parse(line);
    } catch {
      return undefined;
    }
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
    const o = x as Record<string, unknown>;
    if (o.type === 'record' && isRecord(o)) return o as Record<string, unknown> & { type: 'record' };
    if (o.type === 'feedback' && typeof o.id === 'string' && typeof o.useful === 'boolean') {
      return o as Record<string, unknown> & { type: 'feedback' };
    }
    if (asAdminAction(o)) return o as Record<string, unknown> & { type: 'admin' };
    if (asHandledLine(o)) return o as Record<string, unknown> & { type: 'feedback-handled' };
    return undefined;
  }

  /**
   * Latest feedback per record id in one day's files, by its time (feedback on one record
   * may be written by several nodes); corrupt lines are counted by the record pass.
   */
  private async feedbackOf(files: AuditFile[]): Promise<Map<string, AuditFeedback>> {
    const feedback = new Map<string, AuditFeedback & { time: string }>();
    const handled = new Map<string, HandledLine>();
    for (const file of files) {
      for await (const line of this.lines(file.name)) {
        if (!line.includes('"type":"feedback')) continue;
        const parsed = this.parseLine(line);
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
  private async findDay(id: string): Promise<string | undefined> {
    const needle = `"id":${JSON.stringify(id)}`;
    for (const file of (await this.listFiles()).reverse()) {
      for await (const line of this.lines(file.name)) {
        if (!line.includes(needle)) continue;
        const parsed = this.parseLine(line);
        if (parsed?.type === 'record' && parsed.id === id) return file.day;
      }
    }
    return undefined;
  }
}
