/**
 * `npm run bench -- <name>`: performance benchmarks; figures are written to
 * docs/BENCHMARKS.md (a marked section per benchmark) with command, date and machine.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../eval/paths.ts';
import { replaceSection } from './report.ts';
import { benchIngest } from './ingest.ts';

const BENCHES: Record<string, () => Promise<string>> = {
  ingest: benchIngest,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = names.length ? names : Object.keys(BENCHES);
  for (const name of chosen) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    const section = await bench();
    process.stdout.write(`${section}\n`);
    if (!process.argv.includes('--no-write')) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), `bench-${name}`, section);
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
