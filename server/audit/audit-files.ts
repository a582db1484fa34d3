/**
 * Names of the audit files and the merge of several nodes' records. A single process
 * writes `audit-DAY.jsonl`, `audit-DAY.1.jsonl` …; in a cluster each node writes only
 * its own files, `audit-DAY@NODE.jsonl`, `audit-DAY.1@NODE.jsonl` … in the shared
 * AUDIT_DIR, so no two processes ever append to one file (appends from several machines
 * to one file are not atomic on NFS), a node killed mid-line can only cut its own last
 * line, and each file keeps the single-writer rules of jsonl-audit.ts. Reads merge the
 * nodes' records of a day by time.
 */

/** One audit file: its day, segment, and the node that writes it ('' for a single process). */
export interface AuditFile {
  name: string;
  day: string;
  segment: number;
  node: string;
}

const FILE_NAME = /^audit-(\d{4}-\d{2}-\d{2})(?:\.(\d+))?(?:@([A-Za-z0-9][A-Za-z0-9_.-]*))?\.jsonl$/;

/** The name of `day`'s `segment` file written by `node` (none: a single process). */
export function auditFileName(day: string, segment: number, node?: string): string {
  return `audit-${day}${segment === 0 ? '' : `.${segment}`}${node ? `@${node}` : ''}.jsonl`;
}

/** The audit file named `name`, or undefined for any other file. */
export function parseAuditFileName(name: string): AuditFile | undefined {
  const m = FILE_NAME.exec(name);
  if (!m?.[1]) return undefined;
  return { name, day: m[1], segment: m[2] ? Number(m[2]) : 0, node: m[3] ?? '' };
}

/** By day, then node, then segment. */
export function compareAuditFiles(a: AuditFile, b: AuditFile): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return a.segment - b.segment;
}

/** A day's files grouped by node, each node's in segment order. */
export function filesByNode(files: AuditFile[]): AuditFile[][] {
  const groups = new Map<string, AuditFile[]>();
  for (const f of [...files].sort(compareAuditFiles)) groups.set(f.node, [...(groups.get(f.node) ?? []), f]);
  return [...groups.values()];
}

/**
 * Merge streams that are each in time order (one node's appends) into one, earliest
 * `time` first; equal times keep the order of `streams`.
 */
export async function* mergeByTime<T extends { time: string }>(streams: Array<AsyncIterable<T>>): AsyncIterable<T> {
  if (streams.length === 1) {
    yield* streams[0]!;
    return;
  }
  const iterators = streams.map((s) => s[Symbol.asyncIterator]());
  const heads = await Promise.all(iterators.map((it) => it.next()));
  try {
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i]!;
        if (head.done) continue;
        if (best < 0 || head.value.time < (heads[best]!.value as T).time) best = i;
      }
      if (best < 0) return;
      yield heads[best]!.value as T;
      heads[best] = await iterators[best]!.next();
    }
  } finally {
    // Stopped early (a limit): close the files still open.
    await Promise.all(iterators.map((it, i) => (heads[i]!.done ? undefined : it.return?.())));
  }
}
