/** One ingest run in its own process, so peak RSS is this run's alone. Prints JSON. */
import { ingest } from '../ingest/pipeline.ts';

const [indexDir, ...inputs] = process.argv.slice(2);
const started = performance.now();
const summary = await ingest({ inputs, indexDir: indexDir! });
const wallMs = performance.now() - started;
process.stdout.write(JSON.stringify({ summary, wallMs, maxRssKb: process.resourceUsage().maxRSS }));
