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
import { jobSummarySchema, type JobSummary } from './job-info.ts';

export interface WorkerStartOptions {
  inputs: string[];
  indexDir: string;
  rebuild?: boolean;
  keepMissing?: boolean;
  maxBytes?: number;
  embedder?: EmbedderConfig;
}

export interface WorkerStart {
  type: 'start';
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
  options: z.object({
    inputs: z.array(z.string().min(1)).min(1),
    indexDir: z.string().min(1),
    rebuild: z.boolean().optional(),
    keepMissing: z.boolean().optional(),
    maxBytes: z.number().positive().optional(),
    embedder: embedderSchema.optional(),
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
