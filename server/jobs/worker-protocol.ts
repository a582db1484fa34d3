/**
 * Messages between ReindexJobs (parent) and reindex-worker.ts (child) over the IPC
 * channel of `child_process.fork` (advanced serialization).
 *
 * parent → child: one `start`.
 * child → parent: any number of `progress` (at most ~10 a second, the last one always
 * sent), then exactly one `done` or `failed`, then the child exits.
 */
import { z } from 'zod';
import type { IngestProgress } from '../../ingest/pipeline.ts';
import type { EmbedderConfig } from '../../ingest/embedders/registry.ts';
import type { IngestInput } from '../../ingest/pipeline.ts';
import { ROOT_ORIGINS } from '../../index/manifest-file.ts';
import { jobSummarySchema, type JobSummary } from './job-info.ts';

/** What the worker runs: ingest's options (ingest/pipeline.ts) that cross the process boundary. */
export interface WorkerStartOptions {
  inputs: IngestInput[];
  indexDir: string;
  rebuild?: boolean;
  /** Paths of recorded roots to remove. */
  removeRoots?: string[];
  allowRemoval?: boolean;
  expectedRemovals?: string[];
  maxRemovalShare?: number;
  keepVersions?: number;
  /** Who asked for the job, and its id (recorded with the version). */
  by?: string;
  job?: string;
  maxBytes?: number;
  embedder?: EmbedderConfig;
  /** The cluster node the worker runs for (its presence instance), written into the LOCK. */
  lockNode?: string;
}

export interface WorkerStart {
  type: 'start';
  /** The server's pid: the worker kills itself when it is re-parented (parent-watchdog.ts). */
  parentPid?: number;
  options: WorkerStartOptions;
}

export interface WorkerFailure {
  code: string;
  /** Vietnamese, for users (the AppError's userMessage). */
  message: string;
  /** English, for logs only: may name paths. */
  detail: string;
}

export type WorkerMessage =
  | { type: 'progress'; progress: IngestProgress }
  | { type: 'done'; summary: JobSummary }
  | { type: 'failed'; error: WorkerFailure };

const embedderSchema = z.union([
  z.object({ kind: z.literal('lsa'), dimension: z.number().int().positive().optional() }),
  z.object({ kind: z.literal('transformers'), model: z.string().min(1) }).passthrough(),
]);

/** Validates the parent's request in the worker. */
export const workerStartSchema = z.object({
  type: z.literal('start'),
  parentPid: z.number().int().positive().optional(),
  options: z.object({
    inputs: z.array(z.object({ path: z.string().min(1), origin: z.enum(ROOT_ORIGINS) })),
    // No input: a run over the roots the index has recorded.
    indexDir: z.string().min(1),
    rebuild: z.boolean().optional(),
    removeRoots: z.array(z.string().min(1)).optional(),
    allowRemoval: z.boolean().optional(),
    expectedRemovals: z.array(z.string()).optional(),
    maxRemovalShare: z.number().min(0).max(1).optional(),
    keepVersions: z.number().int().positive().optional(),
    by: z.string().optional(),
    job: z.string().optional(),
    maxBytes: z.number().positive().optional(),
    embedder: embedderSchema.optional(),
    lockNode: z.string().min(1).optional(),
  }),
});

const progressSchema = z.object({
  phase: z.enum(['scan', 'load', 'embed', 'index', 'save', 'done']),
  sourcesDone: z.number(),
  sourcesTotal: z.number(),
  chunks: z.number(),
  pages: z.object({ source: z.string(), done: z.number(), total: z.number() }).optional(),
});

/** Validates the worker's messages in the parent (anything else is ignored). */
export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: progressSchema }),
  z.object({ type: z.literal('done'), summary: jobSummarySchema }),
  z.object({ type: z.literal('failed'), error: z.object({ code: z.string(), message: z.string(), detail: z.string() }) }),
]);
