/**
 * One ingest run in its own process, so peak RSS is this run's alone. Prints JSON.
 * Arguments: the index directory, then inputs as paths or `<origin>=<path>` (the origin a
 * server job would record, e.g. `upload=/srv/uploads`).
 */
import { ingest, type IngestInput } from '../ingest/pipeline.ts';
import { ROOT_ORIGINS } from '../index/manifest-file.ts';

const [indexDir, ...args] = process.argv.slice(2);
const inputs = args.map((a): string | IngestInput => {
  const m = /^([a-z_]+)=(.+)$/.exec(a);
  return m && (ROOT_ORIGINS as readonly string[]).includes(m[1]!) ? { origin: m[1] as IngestInput['origin'], path: m[2]! } : a;
});
const started = performance.now();
const summary = await ingest({ inputs, indexDir: indexDir! });
const wallMs = performance.now() - started;
process.stdout.write(JSON.stringify({ summary, wallMs, maxRssKb: process.resourceUsage().maxRSS }));
