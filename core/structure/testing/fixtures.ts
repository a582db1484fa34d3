/**
 * Test-only access to the shared real fixtures (seed documents, TTHC catalogue, ALQAC).
 * Tests may read files; production code in core/ may not (eslint rule, DESIGN.md).
 */
import { readFileSync, readdirSync } from 'node:fs';

const SHARED = new URL('../../../../shared/', import.meta.url);

/** The raw text of a seed document by its number prefix (`000`, `001` …). */
export function readSeed(prefix: string): string {
  const dir = new URL('seeds/', SHARED);
  const name = readdirSync(dir).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!name) throw new Error(`seed ${prefix} not found`);
  return readFileSync(new URL(name, dir), 'utf8');
}

/** All seed prefixes present. */
export function seedPrefixes(): string[] {
  return readdirSync(new URL('seeds/', SHARED)).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, 3)).sort();
}

function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(new URL(path, SHARED), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
}

let procedures: Array<Record<string, unknown>> | undefined;
/** Every record of the national TTHC catalogue export (2,642). */
export function readProcedures(): Array<Record<string, unknown>> {
  procedures ??= readJsonl('datasets/tthc/procedures.jsonl');
  return procedures;
}

/** Every ALQAC law article (2,249). */
export function readAlqacArticles(): Array<Record<string, unknown>> {
  return readJsonl('datasets/alqac/corpus.jsonl');
}
