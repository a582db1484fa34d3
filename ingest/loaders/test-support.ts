/** Helpers shared by the loader tests: fixtures in a fresh temp folder, result collection. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedDocument, SkippedSource } from '../../core/ports.ts';
import { makeFixtures, makeFormatFixtures, type FixturePaths, type FormatFixturePaths } from '../../scripts/make-fixtures.ts';
import type { LoadResult } from './result.ts';

/** Generates all fixtures into a new temp folder; `cleanup` removes it. */
export async function tempFixtures(): Promise<FixturePaths & { cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'loaders-'));
  const paths = await makeFixtures(dir);
  return { ...paths, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Generates the scan, Word and spreadsheet fixtures into a new temp folder (needs pdftoppm). */
export async function tempFormatFixtures(): Promise<FormatFixturePaths & { cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'loaders-formats-'));
  const paths = await makeFormatFixtures(dir);
  return { ...paths, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Drains a load into its documents and skipped sources, in order. */
export async function collect(results: AsyncIterable<LoadResult>): Promise<{ docs: LoadedDocument[]; skipped: SkippedSource[] }> {
  const docs: LoadedDocument[] = [];
  const skipped: SkippedSource[] = [];
  for await (const r of results) {
    if (r.ok) docs.push(r.doc);
    else skipped.push(r.skipped);
  }
  return { docs, skipped };
}
