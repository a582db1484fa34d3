/** Where the shared datasets live: ../shared beside the checkout (never copied in). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SHARED = resolve(process.env.SHARED_DIR ?? join(REPO_ROOT, '..', 'shared'));

export const DATASETS = {
  tthc: join(SHARED, 'datasets', 'tthc', 'procedures.jsonl'),
  alqacCorpus: join(SHARED, 'datasets', 'alqac', 'corpus.jsonl'),
  alqacQuestions: join(SHARED, 'datasets', 'alqac', 'questions.dev.jsonl'),
} as const;

/** Throw a clear message when ../shared is missing. */
export function requireDataset(path: string): string {
  if (!existsSync(path)) {
    throw new Error(`Dataset not found: ${path}. Put the shared/ folder beside the checkout or set SHARED_DIR.`);
  }
  return path;
}
