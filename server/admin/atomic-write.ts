/**
 * Crash-safe file replacement: write a temp file in the same folder, fsync it, rename it
 * over the target (atomic on one file system), fsync the folder. Temp files are hidden
 * (`.tmp-…`), so ingest discovery never picks one up.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Prefix of the temp files written here. */
export const TEMP_PREFIX = '.tmp-';

/** True for a name this module uses for temp files. */
export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX) && name.endsWith('.tmp');
}

/** Writes `data` to a new temp file in `dir`, fsynced; returns its path. The caller renames or removes it. */
export async function writeTemp(dir: string, data: string | Uint8Array): Promise<string> {
  const path = join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(path, 'wx', 0o644);
  let written = false;
  try {
    await handle.writeFile(data);
    await handle.sync();
    written = true;
  } finally {
    await handle.close();
    if (!written) await rm(path, { force: true });
  }
  return path;
}

/** Makes renames and unlinks in `dir` durable. Some platforms cannot open a folder: then it is a no-op. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Not supported for folders here (e.g. Windows); the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}

/** Replaces `path` with `data` atomically: readers see the old content or the new, never a mix. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTemp(dirname(path), data);
  try {
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncDir(dirname(path));
}

/** Removes temp files older than `maxAgeMs` left in `dir` by a crash; returns how many. */
export async function sweepTemp(dir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter(isTempName)) {
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info && now - info.mtimeMs > maxAgeMs) {
      await rm(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
