/**
 * What clients see of a re-index job (JSON-serialisable, no absolute paths), its
 * schema for the persisted job list, and the shaping of ingest progress into it.
 */
import { basename } from 'node:path';
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
  /** While a file is OCR'd: its file name and its pages done out of those that need OCR. */
  pages?: { file: string; done: number; total: number };
}

/** How one added or updated document's text was obtained (core/model.ts ExtractionReport). */
export interface JobExtraction {
  sourceId: string;
  pages: number;
  ocrPages: number[];
  pageConfidence: number[];
  meanConfidence?: number;
  lowConfidencePages: number[];
  toneRepairs?: number;
  engine?: string;
  warnings: string[];
}

export interface JobSkippedSource {
  /** Name relative to the input folder (or the file name), never an absolute path. */
  sourceId: string;
  code: string;
  /** Vietnamese, names the file by its relative name. */
  message: string;
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
  /** Documents of this run whose text was OCR'd or that carry warnings: what the console flags. */
  extraction?: JobExtraction[];
  documents: number;
  chunks: number;
  durationMs: number;
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
  options: { rebuild: boolean };
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
  extraction: z.array(z.object({
    sourceId: z.string(), pages: z.number(), ocrPages: z.array(z.number()), pageConfidence: z.array(z.number()),
    meanConfidence: z.number().optional(), lowConfidencePages: z.array(z.number()), toneRepairs: z.number().optional(),
    engine: z.string().optional(), warnings: z.array(z.string()),
  })).optional(),
  documents: z.number(), chunks: z.number(), durationMs: z.number(),
});

export const jobInfoSchema: z.ZodType<JobInfo> = z.object({
  id: z.string().min(1),
  kind: z.literal('reindex'),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  requestedBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  options: z.object({ rebuild: z.boolean() }),
  progress: z.object({
    phase: z.enum(PHASES), sourcesDone: z.number(), sourcesTotal: z.number(), chunks: z.number(), percent: z.number(),
    pages: z.object({ file: z.string(), done: z.number(), total: z.number() }).optional(),
  }).optional(),
  summary: jobSummarySchema.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** Share of the whole run reached at the start of each phase (loading spans 5–70). */
const PHASE_PERCENT: Record<IngestProgress['phase'], number> = { scan: 2, load: 5, embed: 75, index: 90, save: 95, done: 100 };

/** Client view of an ingest progress report. */
export function toJobProgress(p: IngestProgress): JobProgress {
  let percent = PHASE_PERCENT[p.phase];
  if (p.phase === 'load' && p.sourcesTotal > 0) {
    // The file being OCR'd counts for the share of its pages done.
    const partial = p.pages && p.pages.total > 0 ? p.pages.done / p.pages.total : 0;
    percent += (70 - percent) * Math.min(1, (p.sourcesDone + partial) / p.sourcesTotal);
  }
  return {
    phase: p.phase, sourcesDone: p.sourcesDone, sourcesTotal: p.sourcesTotal, chunks: p.chunks, percent: Math.round(percent),
    ...(p.pages ? { pages: { file: basename(p.pages.source), done: p.pages.done, total: p.pages.total } } : {}),
  };
}
