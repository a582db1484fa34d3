/**
 * One ingest run in its own process, so peak RSS is this run's alone. Prints JSON: the
 * summary, wall time, peak RSS, and the memory at the end of each phase (after a full
 * garbage collection when node runs with --expose-gc, so it counts what is still held).
 * Arguments: the index directory, then inputs as paths or `<origin>=<path>` (the origin a
 * server job would record, e.g. `upload=/srv/uploads`).
 */
import { ingest, type IngestInput } from '../ingest/pipeline.ts';
import { ROOT_ORIGINS } from '../index/manifest-file.ts';

/** Memory at the end of one phase, in MiB. */
interface PhaseMemory { phase: string; rss: number; heapUsed: number; external: number; arrayBuffers: number }

const [indexDir, ...args] = process.argv.slice(2);
const inputs = args.map((a): string | IngestInput => {
  const m = /^([a-z_]+)=(.+)$/.exec(a);
  return m && (ROOT_ORIGINS as readonly string[]).includes(m[1]!) ? { origin: m[1] as IngestInput['origin'], path: m[2]! } : a;
});
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const phases: PhaseMemory[] = [];
const gc = (globalThis as { gc?: () => void }).gc;
const started = performance.now();
const summary = await ingest({
  inputs, indexDir: indexDir!,
  onPhaseEnd: (phase) => {
    gc?.();
    const m = process.memoryUsage();
    phases.push({ phase, rss: mib(m.rss), heapUsed: mib(m.heapUsed), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers) });
    // Also as it happens, for a long run watched from outside.
    process.stderr.write(`[ingest-child] ${JSON.stringify({ ...phases.at(-1), seconds: Math.round((performance.now() - started) / 1000) })}\n`);
  },
});
const wallMs = performance.now() - started;
process.stdout.write(JSON.stringify({ summary, wallMs, maxRssKb: process.resourceUsage().maxRSS, phases }));
