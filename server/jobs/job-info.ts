/**
 * What clients see of a re-index job (JSON-serialisable, no absolute paths), its
 * schema for the persisted job list, and the shaping of ingest progress into it.
 */
import { z } from 'zod';
import type { IngestProgress } from '../../ingest/pipeline.ts';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobProgress {
  phase: IngestProgress['phase'];
  sourcesDone: number;
  sourcesTotal: number;
  chunks: number;
  /** 0–100, estimated from the phase and, while loading, the share of sources done. */
  percent: number;
}

export interface JobSkippedSource {
  /** Name relative to the input folder (or the file name), never an absolute path. */
  sourceId: string;
  code: string;
  /** Vietnamese, names the file by its relative name. */
  message: string;
}

/** A root named in a job summary: its id (GET /api/admin/sources) and its last path segment. */
export interface JobRoot {
  id: string;
  name: string;
}

export interface JobSummary {
  /** Active version after the run (absent only if none has ever been published). */
  version?: string;
  /** False when nothing changed and no version was published. */
  published: boolean;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: JobSkippedSource[];
  /** Recorded roots that were not on disk: their documents were kept. */
  missingRoots?: JobRoot[];
  /** Roots this run removed. */
  removedRoots?: JobRoot[];
  documents: number;
  chunks: number;
  durationMs: number;
}

/** What a job was asked to do besides refreshing every root. */
export interface JobOptions {
  rebuild: boolean;
  /** Ids of recorded roots to remove (an admin's confirmed removal). */
  removeRoots?: string[];
  /** Accept removals past INDEX_MAX_REMOVAL_SHARE. */
  allowRemoval?: boolean;
  /** Ids of documents an admin deleted: their removal is expected. */
  expectedRemovals?: string[];
}

export interface JobError {
  /** A JobErrorCode (job-errors.ts) or the AppError code of the ingest run. */
  code: string;
  /** Vietnamese, for users. */
  message: string;
}

export interface JobInfo {
  id: string;
  kind: 'reindex';
  status: JobStatus;
  /** Pseudonymous id of the admin who asked for the job. */
  requestedBy: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  options: JobOptions;
  /** Set on a job started again by the server: the failed or interrupted job it repeats, and which attempt it is (2, 3 …). */
  retryOf?: string;
  attempt?: number;
  progress?: JobProgress;
  summary?: JobSummary;
  error?: JobError;
}

const PHASES = ['scan', 'load', 'embed', 'index', 'save', 'done'] as const satisfies ReadonlyArray<IngestProgress['phase']>;

export const jobSummarySchema: z.ZodType<JobSummary> = z.object({
  version: z.string().optional(),
  published: z.boolean(),
  added: z.number(), updated: z.number(), removed: z.number(), unchanged: z.number(),
  skipped: z.array(z.object({ sourceId: z.string(), code: z.string(), message: z.string() })),
  missingRoots: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  removedRoots: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  documents: z.number(), chunks: z.number(), durationMs: z.number(),
});

export const jobOptionsSchema: z.ZodType<JobOptions> = z.object({
  rebuild: z.boolean(),
  removeRoots: z.array(z.string()).optional(),
  allowRemoval: z.boolean().optional(),
  expectedRemovals: z.array(z.string()).optional(),
});

export const jobInfoSchema: z.ZodType<JobInfo> = z.object({
  id: z.string().min(1),
  kind: z.literal('reindex'),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  requestedBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  options: jobOptionsSchema,
  retryOf: z.string().optional(),
  attempt: z.number().int().positive().optional(),
  progress: z.object({
    phase: z.enum(PHASES), sourcesDone: z.number(), sourcesTotal: z.number(), chunks: z.number(), percent: z.number(),
  }).optional(),
  summary: jobSummarySchema.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** Share of the whole run reached at the start of each phase (loading spans 5–70). */
const PHASE_PERCENT: Record<IngestProgress['phase'], number> = { scan: 2, load: 5, embed: 75, index: 90, save: 95, done: 100 };

/** Client view of an ingest progress report. */
export function toJobProgress(p: IngestProgress): JobProgress {
  let percent = PHASE_PERCENT[p.phase];
  if (p.phase === 'load' && p.sourcesTotal > 0) percent += (70 - percent) * Math.min(1, p.sourcesDone / p.sourcesTotal);
  return { phase: p.phase, sourcesDone: p.sourcesDone, sourcesTotal: p.sourcesTotal, chunks: p.chunks, percent: Math.round(percent) };
}
