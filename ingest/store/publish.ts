/**
 * The write side of an index directory (layout in index/layout.ts): durable file writes,
 * new version directories, the atomic switch of CURRENT (logged in the history), and the
 * sweep of old versions. The lock of one writer is in lock.ts.
 *
 * A run builds a new version beside the active one and switches CURRENT only once every
 * file of the new version is written and synced; a crash at any point leaves CURRENT
 * naming the last complete version. Unpublished versions are swept on the next run; the
 * most recently served ones are kept for rollback (INDEX_KEEP_VERSIONS).
 */
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DEFAULT_KEEP_VERSIONS } from '../../config/options.ts';
import { MANIFEST } from '../../index/manifest-file.ts';
import { CURRENT_FILE, HISTORY_FILE, readCurrent, versionsDir } from '../../index/layout.ts';
import { lastServed, readHistory, type HistoryEntry } from '../../index/history.ts';

/** Write a file durably: temp file, fsync, rename. `data` may be a list of pieces, written one after another. */
export async function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fh = await open(tmp, 'w');
  try {
    // Each writeFile on the handle continues where the last one stopped.
    for (const piece of Array.isArray(data) ? data : [data]) await fh.writeFile(piece);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/** fsync a directory so a rename inside it survives power loss (best effort). */
export async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some file systems refuse fsync on directories; rename is still atomic there.
  }
}

/**
 * Create an empty directory for a new version. Names sort in creation order: a sequence
 * number one past every existing version (the caller holds the lock), then a timestamp.
 */
export async function createVersionDir(indexDir: string): Promise<{ name: string; path: string }> {
  const existing = await readdir(versionsDir(indexDir)).catch(() => [] as string[]);
  const last = Math.max(0, ...existing.map((n) => Number(/^v(\d+)-/.exec(n)?.[1] ?? 0)));
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const name = `v${String(last + 1).padStart(6, '0')}-${stamp}`;
  const path = join(versionsDir(indexDir), name);
  await mkdir(path, { recursive: true });
  return { name, path };
}

/** Who switches CURRENT, recorded in the history. */
export interface Switch {
  event: HistoryEntry['event'];
  by: string;
  via: HistoryEntry['via'];
  job?: string;
}

/** Append one line to the directory's history, durably. */
async function appendHistory(indexDir: string, entry: HistoryEntry): Promise<void> {
  const fh = await open(join(indexDir, HISTORY_FILE), 'a');
  try {
    await fh.appendFile(`${JSON.stringify(entry)}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Switch CURRENT to `name` atomically and record the switch (the caller holds the lock). */
export async function publishVersion(indexDir: string, name: string, by: Switch = { event: 'publish', by: 'unknown', via: 'cli' }): Promise<void> {
  const previous = await readCurrent(indexDir);
  await syncDir(join(versionsDir(indexDir), name));
  await syncDir(versionsDir(indexDir));
  await writeFileAtomic(join(indexDir, CURRENT_FILE), `${name}\n`);
  await syncDir(indexDir);
  await appendHistory(indexDir, {
    at: new Date().toISOString(), event: by.event, version: name, ...(previous && previous !== name ? { previous } : {}),
    by: by.by, via: by.via, ...(by.job ? { job: by.job } : {}),
  });
}

/**
 * Delete every version but the active one and the `keep - 1` most recently served before
 * it (rollback targets); versions never published (a run cut short) go too. Versions
 * older than the first line of the history predate it and count as served, by name.
 * The caller holds the lock.
 */
export async function sweepVersions(indexDir: string, keep = DEFAULT_KEEP_VERSIONS): Promise<string[]> {
  const current = await readCurrent(indexDir);
  let names: string[];
  try {
    names = (await readdir(versionsDir(indexDir))).sort();
  } catch {
    return [];
  }
  const history = await readHistory(indexDir);
  const served = lastServed(history);
  const firstLogged = history[0]?.version;
  const candidates: Array<{ name: string; at: string }> = [];
  const removed: string[] = [];
  for (const n of names) {
    if (n === current) continue;
    const complete = await stat(join(versionsDir(indexDir), n, MANIFEST)).then(() => true, () => false);
    const predatesHistory = !!current && n < current && (firstLogged === undefined || n < firstLogged);
    if (complete && (served.has(n) || predatesHistory)) candidates.push({ name: n, at: served.get(n) ?? '' });
    else {
      await rm(join(versionsDir(indexDir), n), { recursive: true, force: true });
      removed.push(n);
    }
  }
  // Most recently served first; versions from before the history by name, newest first.
  candidates.sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
  for (const { name } of candidates.slice(Math.max(0, keep - 1))) {
    await rm(join(versionsDir(indexDir), name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
