/**
 * What clients see of a re-index job is protocol/admin/jobs.ts (the same schema reads the
 * persisted job list); this module names those types for the server and shapes ingest
 * progress into them.
 */
import type { IngestProgress } from '../../ingest/pipeline.ts';
import {
  Job, JobSummary as JobSummarySchema,
  type JobError, type JobPhase, type JobProgress, type JobSkippedSource, type JobStatus, type JobSummary,
} from '../../protocol/admin/jobs.ts';
import type { Assert, Same } from '../../protocol/type-equality.ts';

export type { JobError, JobProgress, JobSkippedSource, JobStatus, JobSummary };
export type JobInfo = Job;

/** The schema of a job (and of the persisted job list's entries). */
export const jobInfoSchema = Job;
/** The schema of a run's summary (sent by the worker process). */
export const jobSummarySchema = JobSummarySchema;

type _PhasesAgree = Assert<Same<JobPhase, IngestProgress['phase']>>;

/** Share of the whole run reached at the start of each phase (loading spans 5–70). */
const PHASE_PERCENT: Record<IngestProgress['phase'], number> = { scan: 2, load: 5, embed: 75, index: 90, save: 95, done: 100 };

/** Client view of an ingest progress report. */
export function toJobProgress(p: IngestProgress): JobProgress {
  let percent = PHASE_PERCENT[p.phase];
  if (p.phase === 'load' && p.sourcesTotal > 0) percent += (70 - percent) * Math.min(1, p.sourcesDone / p.sourcesTotal);
  return { phase: p.phase, sourcesDone: p.sourcesDone, sourcesTotal: p.sourcesTotal, chunks: p.chunks, percent: Math.round(percent) };
}
