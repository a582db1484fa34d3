/**
 * `npm run env-example`: rewrite .env.example from the option table (config/options.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderEnvExample } from '../config/env-example.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { runAsMain } from '../ingest/run-main.ts';

async function main(): Promise<number> {
  const target = join(REPO_ROOT, '.env.example');
  await writeFile(target, renderEnvExample());
  process.stdout.write(`Đã ghi ${target}\n`);
  return 0;
}

runAsMain(import.meta.url, main);
