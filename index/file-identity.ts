/**
 * Which file a path names, as far as a reader that already read it cares: device, inode,
 * size and modification time. Versions are immutable and the writer links the files a new
 * version shares with the last one (ingest/store/save-state.ts), so two paths with the same
 * identity hold the same bytes and what was decoded from one serves for the other.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The identity of the file at `path` (throws when it cannot be stat'ed). */
export async function fileIdentity(path: string): Promise<string> {
  const s = await stat(path, { bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
}

/** The identity of every file of a directory, in name order (one string). */
export async function dirIdentity(dir: string): Promise<string> {
  const names = (await readdir(dir)).sort();
  const parts = await Promise.all(names.map(async (name) => `${name}=${await fileIdentity(join(dir, name))}`));
  return parts.join('|');
}
