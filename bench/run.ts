/**
 * `npm run bench -- <name>`: performance benchmarks; figures are written to
 * docs/BENCHMARKS.md (a marked section per benchmark) with command, date and machine.
 * `ingest` and `ocr` write unless `--no-write`; `load` (ten minutes, machine-dependent) only
 * with `--write`. Every section is printed to stdout. The shared datasets are read from
 * SHARED_DIR (default ../shared beside the checkout).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.ts';
import { configFromEnvironment } from '../config/environment.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { replaceSection } from '../measure/report-section.ts';
import { benchIngest } from './ingest.ts';
import { benchLoad, LOAD_OPTIONS, type LoadArgs } from './load.ts';
import { benchOcr } from './ocr.ts';
import { benchCluster } from './cluster.ts';
import { benchCapacity, type CapacityArgs } from './capacity.ts';

interface Bench {
  run: (args: LoadArgs & CapacityArgs & { engine?: string; pages?: string; 'scan-pages'?: string; 'scan-only'?: boolean; 'max-dpi'?: string }, config: Config) => Promise<string>;
  writeByDefault: boolean;
}

const BENCHES: Record<string, Bench> = {
  ingest: { run: benchIngest, writeByDefault: true },
  load: { run: benchLoad, writeByDefault: false },
  ocr: { run: (args) => benchOcr(args), writeByDefault: true },
  cluster: { run: benchCluster, writeByDefault: false },
  capacity: { run: benchCapacity, writeByDefault: false },
};

async function main(config: Config): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { write: { type: 'boolean' }, 'no-write': { type: 'boolean' }, engine: { type: 'string' }, pages: { type: 'string' }, 'scan-pages': { type: 'string' }, 'scan-only': { type: 'boolean' }, 'max-dpi': { type: 'string' }, index: { type: 'string' }, sizes: { type: 'string' }, ...LOAD_OPTIONS },
  });
  const { write, 'no-write': noWrite, ...args } = values;
  const chosen = positionals.length ? positionals : Object.keys(BENCHES);
  for (const name of chosen) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    const section = await bench.run(args, config);
    process.stdout.write(`${section}\n`);
    if (!noWrite && (write || bench.writeByDefault)) await replaceSection(join(REPO_ROOT, 'docs', 'BENCHMARKS.md'), `bench-${name}`, section);
  }
}

Promise.resolve().then(() => main(configFromEnvironment())).catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
