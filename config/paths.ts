/**
 * Where things are: the repository root (the shipped corpus, eval datasets and reports
 * live in it) and the shared datasets beside the checkout (SHARED_DIR), which tests, eval
 * and bench read but never copy in.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The shared datasets, under SHARED_DIR or ../shared beside the checkout. */
export function datasetPaths(config: Pick<Config, 'SHARED_DIR'>) {
  const shared = resolve(config.SHARED_DIR ?? join(REPO_ROOT, '..', 'shared'));
  return {
    shared,
    tthc: join(shared, 'datasets', 'tthc', 'procedures.jsonl'),
    alqacCorpus: join(shared, 'datasets', 'alqac', 'corpus.jsonl'),
    alqacQuestions: join(shared, 'datasets', 'alqac', 'questions.dev.jsonl'),
  } as const;
}

export type DatasetPaths = ReturnType<typeof datasetPaths>;

/** `path`, or a clear error when the shared datasets are missing. */
export function requireDataset(path: string): string {
  if (!existsSync(path)) {
    throw new Error(`Dataset not found: ${path}. Put the shared/ folder beside the checkout or set SHARED_DIR.`);
  }
  return path;
}
