/**
 * `npm run openapi`: write the REST API's OpenAPI description to docs/openapi.json (the
 * server serves the same document at /api/openapi.json; a test checks the copy is current).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../config/paths.ts';
import { buildOpenApi } from '../server/http/openapi.ts';
import { runAsMain } from '../ingest/run-main.ts';

async function main(): Promise<number> {
  const target = join(REPO_ROOT, 'docs', 'openapi.json');
  await writeFile(target, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
  process.stdout.write(`Đã ghi ${target}\n`);
  return 0;
}

runAsMain(import.meta.url, main);
