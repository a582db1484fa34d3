/**
 * A cluster node whose re-index worker holds the index LOCK, in its own process so that a
 * test can kill it: it joins the cluster's presence, takes the LOCK naming its instance,
 * prints the instance, then waits. Arguments: the Redis URL, the key prefix, the index
 * directory.
 */
import { pino } from 'pino';
import { acquireLock } from '../../../ingest/store/lock.ts';
import { NodePresence } from '../node-presence.ts';
import { RedisLink } from '../redis-link.ts';

const [url, prefix, indexDir] = process.argv.slice(2);
const logger = pino({ level: 'silent' });
const link = new RedisLink({ url: url!, prefix: prefix!, name: 'lock-holder', logger });
if (!await link.waitUntilUp(5_000)) throw new Error('redis not reachable');
const presence = new NodePresence(link, 'lock-holder', logger);
await presence.start();
await acquireLock(indexDir!, 'reindex-worker', { node: presence.instance });
process.stdout.write(`${presence.instance}\n`);
setInterval(() => undefined, 1_000);
