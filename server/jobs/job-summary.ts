/** The client view of an ingest summary: counts, and skipped sources by relative name. */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import type { IngestInput, IngestSummary } from '../../ingest/pipeline.ts';
import { sourceIdFor } from '../../ingest/loaders/index.ts';
import { rootId } from '../../index/roots.ts';
import type { JobRoot, JobSummary } from './job-info.ts';

const jobRoot = (path: string): JobRoot => ({ id: rootId(path), name: basename(path) });

/**
 * Shape an IngestSummary for clients. A skipped source's path becomes its name relative
 * to the input it came from (as the loaders name documents), or its file name.
 */
export async function toJobSummary(s: IngestSummary, inputs: IngestInput[]): Promise<JobSummary> {
  const roots = await Promise.all(inputs.map(async (input) => {
    const abs = resolve(input.path);
    const isDir = (await stat(abs).catch(() => undefined))?.isDirectory() ?? false;
    return { abs, root: isDir ? abs : dirname(abs), isDir };
  }));
  const sourceIdOf = (source: string): string => {
    const abs = resolve(source);
    const from = roots.find((r) => (r.isDir ? abs.startsWith(`${r.abs}${sep}`) : abs === r.abs));
    return sourceIdFor(abs, from?.root ?? dirname(abs));
  };
  // Text-layer PDFs without a warning need no attention: only OCR'd or warned documents are listed.
  const flagged = s.extraction.filter((x) => x.ocrPages.length > 0 || x.warnings.length > 0);
  return {
    ...(s.version ? { version: s.version } : {}),
    published: s.published,
    added: s.added.length,
    updated: s.updated.length,
    removed: s.removed.length,
    unchanged: s.unchanged,
    skipped: s.skipped.map((k) => ({ sourceId: sourceIdOf(k.source), code: k.code, message: k.message })),
    ...(flagged.length ? { extraction: flagged } : {}),
    ...(s.missingRoots.length ? { missingRoots: s.missingRoots.map(jobRoot) } : {}),
    ...(s.removedRoots.length ? { removedRoots: s.removedRoots.map(jobRoot) } : {}),
    documents: s.documents,
    chunks: s.chunks,
    durationMs: s.durationMs,
  };
}
