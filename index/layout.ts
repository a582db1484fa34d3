/**
 * On-disk layout of an index directory, as readers see it:
 *
 *   <index>/CURRENT            name of the active version (replaced by rename: atomic)
 *   <index>/versions/<name>/   one complete, immutable version (manifest.json last)
 *   <index>/LOCK               the writer holding the directory (ingest/store/lock.ts)
 *   <index>/HISTORY.jsonl      one line per switch of CURRENT: publish or rollback (index/history.ts)
 *
 * Writers (ingest/store/publish.ts) build a new version beside the active one and switch
 * CURRENT only once every file of it is written and synced, so a reader that finds
 * CURRENT finds a complete version.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST } from './manifest-file.ts';

/** The pointer file naming the active version. */
export const CURRENT_FILE = 'CURRENT';

/** The log of every switch of CURRENT. */
export const HISTORY_FILE = 'HISTORY.jsonl';

export function versionsDir(indexDir: string): string {
  return join(indexDir, 'versions');
}

/** Name of the active version, or undefined if none has been published. */
export async function readCurrent(indexDir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(join(indexDir, CURRENT_FILE), 'utf8')).trim();
    if (!name) return undefined;
    await stat(join(versionsDir(indexDir), name, MANIFEST));
    return name;
  } catch {
    return undefined;
  }
}
