/**
 * Re-index jobs (`/api/admin/reindex`, `/api/admin/jobs…`, and the socket.io `job` event
 * admins receive on every change): status, progress, and the run's summary or error.
 * The server persists its job list in this shape too (server/jobs/job-store.ts).
 */
import { ErrorBody } from '../errors.ts';
import { z } from '../zod.ts';

/** Ingest phases, in order (ingest/pipeline.ts). */
export const JOB_PHASES = ['scan', 'load', 'embed', 'index', 'save', 'done'] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobProgress = z.object({
  phase: z.enum(JOB_PHASES),
  sourcesDone: z.number(),
  sourcesTotal: z.number(),
  chunks: z.number(),
  percent: z.number().openapi({ description: '0–100, ước lượng theo giai đoạn và số nguồn đã đọc' }),
}).openapi('JobProgress');
export type JobProgress = z.infer<typeof JobProgress>;

export const JobSkippedSource = z.object({
  sourceId: z.string().openapi({ description: 'Tên tương đối của nguồn (không bao giờ là đường dẫn tuyệt đối)' }),
  code: z.string(),
  message: z.string().openapi({ description: 'Lý do bỏ qua, tiếng Việt' }),
}).openapi('JobSkippedSource');
export type JobSkippedSource = z.infer<typeof JobSkippedSource>;

export const JobSummary = z.object({
  version: z.string().optional().openapi({ description: 'Phiên bản chỉ mục đang dùng sau lượt chạy' }),
  published: z.boolean().openapi({ description: 'false: không có thay đổi, không phát hành phiên bản mới' }),
  added: z.number(),
  updated: z.number(),
  removed: z.number(),
  unchanged: z.number(),
  skipped: z.array(JobSkippedSource),
  documents: z.number(),
  chunks: z.number(),
  durationMs: z.number(),
}).openapi('JobSummary');
export type JobSummary = z.infer<typeof JobSummary>;

export const JobError = z.object({ code: z.string(), message: z.string() }).openapi('JobError');
export type JobError = z.infer<typeof JobError>;

export const Job = z.object({
  id: z.string().min(1),
  kind: z.literal('reindex'),
  status: JobStatus,
  requestedBy: z.string().openapi({ description: 'Mã bí danh của người yêu cầu (hoặc system)' }),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  options: z.object({ rebuild: z.boolean() }),
  progress: JobProgress.optional(),
  summary: JobSummary.optional(),
  error: JobError.optional(),
}).openapi('Job');
export type Job = z.infer<typeof Job>;

export const ReindexRequest = z.object({ rebuild: z.boolean().optional() }).strict().openapi('ReindexRequest');
export type ReindexRequest = z.infer<typeof ReindexRequest>;

export const ReindexStarted = z.object({ job: Job }).openapi('ReindexStarted');
export type ReindexStarted = z.infer<typeof ReindexStarted>;

export const JobList = z.object({ jobs: z.array(Job).openapi({ description: 'Mới nhất trước' }) }).openapi('JobList');
export type JobList = z.infer<typeof JobList>;

/** 409 JOB_CONFLICT: the job already queued or running. */
export const JobConflictBody = ErrorBody.extend({ job: Job }).openapi('JobConflictError');
export type JobConflictBody = z.infer<typeof JobConflictBody>;
