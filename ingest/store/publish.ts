/**
 * The write side of an index directory (layout in index/layout.ts): durable file writes,
 * new version directories, the atomic switch of CURRENT, the sweep of old versions and
 * the lock of one ingest run.
 *
 * A run builds a new version beside the active one and switches CURRENT only once every
 * file of the new version is written and synced; a crash at any point leaves CURRENT
 * naming the last complete version. Unreferenced versions are swept on the next run.
 */
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import { MANIFEST } from '../../index/manifest-file.ts';
import { CURRENT_FILE, readCurrent, versionsDir } from '../../index/layout.ts';

/** Write a file durably: temp file, fsync, rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
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

/** Switch CURRENT to `name` atomically. */
export async function publishVersion(indexDir: string, name: string): Promise<void> {
  await syncDir(join(versionsDir(indexDir), name));
  await syncDir(versionsDir(indexDir));
  await writeFileAtomic(join(indexDir, CURRENT_FILE), `${name}\n`);
  await syncDir(indexDir);
}

/** Delete versions other than the active one and the `keep` most recent before it. */
export async function sweepVersions(indexDir: string, keep = 1): Promise<string[]> {
  const current = await readCurrent(indexDir);
  let names: string[];
  try {
    names = (await readdir(versionsDir(indexDir))).sort();
  } catch {
    return [];
  }
  const complete: string[] = [];
  const removed: string[] = [];
  for (const n of names) {
    if (n === current) continue;
    const hasManifest = await stat(join(versionsDir(indexDir), n, MANIFEST)).then(() => true, () => false);
    if (hasManifest && current && n < current) complete.push(n);
    else {
      await rm(join(versionsDir(indexDir), n), { recursive: true, force: true });
      removed.push(n);
    }
  }
  for (const n of complete.slice(0, Math.max(0, complete.length - keep))) {
    await rm(join(versionsDir(indexDir), n), { recursive: true, force: true });
    removed.push(n);
  }
  return removed;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the directory's lock for one ingest run. A lock left by a dead process (kill -9)
 * is taken over. Returns a release function.
 */
export async function acquireLock(indexDir: string): Promise<() => Promise<void>> {
  await mkdir(indexDir, { recursive: true });
  const path = join(indexDir, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      return async () => {
        await rm(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
        throw new AppError('INDEX_LOCKED', `index ${indexDir} is locked by pid ${pid}`);
      }
      await rm(path, { force: true });
    }
  }
  throw new AppError('INDEX_LOCKED', `could not lock ${indexDir}`);
}

