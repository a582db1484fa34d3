/**
 * `npx tsx bench/index-switch.ts <index dir> [rounds]`: how long one node takes to switch
 * from the index's previous version to its active one (what a node does when a re-index
 * is announced, docs/SCALING.md "Where re-index propagation time goes"): the main thread's
 * openIndex of the active version with the served one as `previous`, against a cold open
 * of the same version. Prints the medians (wall and CPU time: the CPU time says more on a
 * shared, loaded machine) and each round; no answer workers.
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openIndex } from '../index/open-index.ts';
import { readCurrent, versionsDir } from '../index/layout.ts';

/** The value, the wall time and the CPU time (user + system, this process) of `fn`. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, { wall: number; cpu: number }]> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return [value, { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 }];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const [dirArg, roundsArg] = process.argv.slice(2);
  if (!dirArg) throw new Error('usage: npx tsx bench/index-switch.ts <index dir> [rounds]');
  const dir = resolve(dirArg);
  const rounds = Number(roundsArg ?? 5);
  const active = await readCurrent(dir);
  const versions = (await readdir(versionsDir(dir))).sort();
  const before = versions[versions.indexOf(active!) - 1];
  if (!active || !before) throw new Error(`${dir} needs an active version and one before it`);
  const cold: Array<{ wall: number; cpu: number }> = [];
  const warm: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < rounds; i++) {
    const [, coldMs] = await timed(() => openIndex(dir, { version: active }));
    cold.push(coldMs);
    const served = await openIndex(dir, { version: before });
    const [next, warmMs] = await timed(() => openIndex(dir, { version: active, previous: served }));
    warm.push(warmMs);
    if (i === 0) process.stdout.write(`${before} → ${active}: ${next.state.docs.size} documents, ${next.state.chunks.size} chunks; ${JSON.stringify(next.state.loadStats ?? {})}\n`);
  }
  const fmt = (xs: Array<{ wall: number; cpu: number }>) => {
    const wall = xs.map((x) => x.wall);
    const cpu = xs.map((x) => x.cpu);
    return `median ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (wall ${wall.map((x) => x.toFixed(0)).join(', ')}; CPU ${cpu.map((x) => x.toFixed(0)).join(', ')})`;
  };
  process.stdout.write(`cold open of ${active}: ${fmt(cold)}\nswitch from ${before}: ${fmt(warm)}\n`);
  process.stdout.write(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
