/**
 * A stand-in for a re-index worker whose event loop is blocked by CPU work: it takes the
 * index lock, starts the parent watchdog, tells its parent it is ready, then spins without
 * ever yielding. Arguments: the index directory, and `watch` to start the watchdog.
 */
import { join } from 'node:path';
import { acquireLock, LOCK_FILE } from '../../../ingest/store/lock.ts';
import { watchParent } from '../parent-watchdog.ts';

const [indexDir, mode] = process.argv.slice(2);
await acquireLock(indexDir!, 'reindex-worker');
if (mode === 'watch') watchParent({ parentPid: process.ppid, lockFile: join(indexDir!, LOCK_FILE) });
process.stdout.write('ready\n');
// Blocked: no timer, IPC or signal handler of this thread runs from here on.
for (;;) Math.sqrt(Math.random());
