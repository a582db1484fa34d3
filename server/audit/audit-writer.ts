/**
 * The writing side of the JSONL audit trail (jsonl-audit.ts): one line appended to the
 * current segment of a day's file, rotated past a size, flushed per line or fsynced.
 * Callers serialise writes (the sink's queue): one writer per file.
 */
import { appendFile, mkdir, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { auditFileName, type AuditFile } from './audit-files.ts';

interface Segment { segment: number; size: number; needsNewline: boolean }

/** Options of {@link AuditWriter}. */
export interface AuditWriterOptions {
  dir: string;
  maxBytes: number;
  durability: 'os' | 'fsync';
  /** This node's name in a cluster (its own files only); undefined for a single process. */
  node: string | undefined;
  /** Every audit file of `dir` (to find the last segment of a day after a restart). */
  listFiles: () => Promise<AuditFile[]>;
}

/** Appends lines to the audit files of one writer. */
export class AuditWriter {
  private readonly segments = new Map<string, Segment>();
  private readonly touched = new Set<string>();
  private ready: Promise<unknown> | undefined;

  constructor(private readonly o: AuditWriterOptions) {}

  /** Append `line` to `day`'s current file, starting a new segment past `maxBytes`. */
  async write(day: string, line: string): Promise<void> {
    this.ready ??= mkdir(this.o.dir, { recursive: true });
    await this.ready;
    const seg = this.segments.get(day) ?? await this.openSegment(day);
    const bytes = Buffer.byteLength(line) + 1;
    if (seg.size > 0 && seg.size + bytes > this.o.maxBytes) {
      seg.segment++;
      seg.size = 0;
      seg.needsNewline = false;
    }
    const data = (seg.needsNewline ? '\n' : '') + line + '\n';
    const path = join(this.o.dir, auditFileName(day, seg.segment, this.o.node));
    if (this.o.durability === 'fsync') {
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

  /** Forget a deleted file (retention). */
  forget(file: AuditFile): void {
    this.segments.delete(file.day);
    this.touched.delete(join(this.o.dir, file.name));
  }

  /** Fsync every file written since the last call. */
  async sync(): Promise<void> {
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

  /** The last existing segment of `day` (after a restart), noting a line cut short by a crash. */
  private async openSegment(day: string): Promise<Segment> {
    const last = (await this.o.listFiles()).filter((f) => f.day === day && f.node === (this.o.node ?? '')).at(-1);
    if (!last) return { segment: 0, size: 0, needsNewline: false };
    const path = join(this.o.dir, last.name);
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
}
