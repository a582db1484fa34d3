/**
 * Rolling an index directory back to an earlier complete version: under the lock, the
 * version is checked and CURRENT switched to it atomically (logged in the history as a
 * rollback). Nothing is deleted; the next ingest run builds on the rolled-back version.
 * A running server picks the switch up (IndexService polls CURRENT), or at once through
 * the admin API.
 */
import { resolve } from 'node:path';
import { readCurrent } from '../../index/layout.ts';
import { assertComplete } from '../../index/versions.ts';
import { acquireLock, type LockRole } from './lock.ts';
import { publishVersion } from './publish.ts';

export interface RollbackResult {
  version: string;
  /** The version that was active before. */
  previous: string | undefined;
  /** False when `version` was already the active one. */
  switched: boolean;
}

/** Make `version` the active version of `indexDir`. Throws VERSION_NOT_FOUND, INDEX_LOCKED, INDEX_DIR_*. */
export async function rollbackTo(
  indexDirGiven: string,
  version: string,
  who: { by: string; via: 'cli' | 'admin'; role?: LockRole },
): Promise<RollbackResult> {
  const indexDir = resolve(indexDirGiven);
  const release = await acquireLock(indexDir, who.role ?? (who.via === 'admin' ? 'server' : 'cli'));
  try {
    await assertComplete(indexDir, version);
    const previous = await readCurrent(indexDir);
    if (previous === version) return { version, previous, switched: false };
    await publishVersion(indexDir, version, { event: 'rollback', by: who.by, via: who.via });
    return { version, previous, switched: true };
  } finally {
    await release();
  }
}
