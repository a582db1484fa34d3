/** The roots the server's re-index jobs are given, from its configuration. */
import { join, resolve } from 'node:path';
import type { Config } from '../config/config.ts';
import { REPO_ROOT } from '../config/paths.ts';
import type { IngestInput } from '../ingest/pipeline.ts';

/**
 * The roots every job is given (besides those the index has recorded): the shipped
 * corpus, admin uploads, then CORPUS_PATHS.
 */
export function ingestInputs(config: Pick<Config, 'UPLOAD_DIR' | 'CORPUS_PATHS'>): IngestInput[] {
  return [
    { path: join(REPO_ROOT, 'corpora'), origin: 'shipped' },
    { path: resolve(config.UPLOAD_DIR), origin: 'upload' },
    ...config.CORPUS_PATHS.map((p): IngestInput => ({ path: resolve(p), origin: 'corpus_paths' })),
  ];
}
