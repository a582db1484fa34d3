/**
 * The persisted job list: one JSON file, replaced atomically (temp file, fsync, rename).
 * A file that cannot be read as a job list is moved aside, never deleted, so an operator
 * can inspect it.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { syncDir, writeFileAtomic } from '../../ingest/store/publish.ts';
import { jobInfoSchema, type JobInfo } from './job-info.ts';

const FORMAT_VERSION = 1;

const stateSchema = z.object({ formatVersion: z.literal(FORMAT_VERSION), jobs: z.array(jobInfoSchema) });

export interface LoadedJobs {
  jobs: JobInfo[];
  /** Where an unreadable state file was moved, if it was. */
  corruptMovedTo?: string;
}

/** Read the job list; a missing file is an empty list, a corrupt one is set aside. */
export async function loadJobs(stateFile: string, now: Date): Promise<LoadedJobs> {
  let text: string;
  try {
    text = await readFile(stateFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { jobs: [] };
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const state = stateSchema.safeParse(parsed);
  if (state.success) return { jobs: state.data.jobs };
  const corruptMovedTo = `${stateFile}.corrupt-${now.toISOString().replace(/[-:.]/g, '')}`;
  await rename(stateFile, corruptMovedTo);
  return { jobs: [], corruptMovedTo };
}

/** Replace the job list durably. */
export async function saveJobs(stateFile: string, jobs: JobInfo[]): Promise<void> {
  await mkdir(dirname(stateFile), { recursive: true });
  await writeFileAtomic(stateFile, `${JSON.stringify({ formatVersion: FORMAT_VERSION, jobs }, null, 2)}\n`);
  await syncDir(dirname(stateFile));
}
