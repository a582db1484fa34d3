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
  pages: z.object({ file: z.string(), done: z.number(), total: z.number() }).optional()
    .openapi({ description: 'Khi đang nhận dạng chữ (OCR) một tệp: tên tệp, số trang đã xong trên số trang cần OCR' }),
}).openapi('JobProgress');
export type JobProgress = z.infer<typeof JobProgress>;

export const JobSkippedSource = z.object({
  sourceId: z.string().openapi({ description: 'Tên tương đối của nguồn (không bao giờ là đường dẫn tuyệt đối)' }),
  code: z.string(),
  message: z.string().openapi({ description: 'Lý do bỏ qua, tiếng Việt' }),
}).openapi('JobSkippedSource');
export type JobSkippedSource = z.infer<typeof JobSkippedSource>;

/** How one added or updated document's text was obtained (core/model.ts ExtractionReport). */
export const JobExtraction = z.object({
  sourceId: z.string(),
  pages: z.number(),
  ocrPages: z.array(z.number()).openapi({ description: 'Các trang được nhận dạng chữ (OCR), đánh số từ 1' }),
  pageConfidence: z.array(z.number()).openapi({ description: 'Độ tin cậy OCR (0–100) của từng trang trong ocrPages' }),
  meanConfidence: z.number().optional(),
  lowConfidencePages: z.array(z.number()).openapi({ description: 'Trang có độ tin cậy thấp, cần người kiểm tra' }),
  toneRepairs: z.number().optional(),
  engine: z.string().optional(),
  warnings: z.array(z.string()),
}).openapi('JobExtraction');
export type JobExtraction = z.infer<typeof JobExtraction>;

/** A root named in a job summary: its id (GET /api/admin/sources) and its last path segment. */
export const JobRoot = z.object({ id: z.string(), name: z.string() }).openapi('JobRoot');
export type JobRoot = z.infer<typeof JobRoot>;

export const JobSummary = z.object({
  version: z.string().optional().openapi({ description: 'Phiên bản chỉ mục đang dùng sau lượt chạy' }),
  published: z.boolean().openapi({ description: 'false: không có thay đổi, không phát hành phiên bản mới' }),
  added: z.number(),
  updated: z.number(),
  removed: z.number(),
  unchanged: z.number(),
  skipped: z.array(JobSkippedSource),
  extraction: z.array(JobExtraction).optional()
    .openapi({ description: 'Văn bản của lượt chạy được OCR hoặc có cảnh báo: bảng điều khiển đánh dấu chúng' }),
  missingRoots: z.array(JobRoot).optional().openapi({ description: 'Nguồn đã ghi nhận nhưng không truy cập được: văn bản của chúng được giữ nguyên' }),
  removedRoots: z.array(JobRoot).optional().openapi({ description: 'Nguồn được gỡ trong lượt này' }),
  documents: z.number(),
  chunks: z.number(),
  durationMs: z.number(),
}).openapi('JobSummary');
export type JobSummary = z.infer<typeof JobSummary>;

export const JobError = z.object({ code: z.string(), message: z.string() }).openapi('JobError');
export type JobError = z.infer<typeof JobError>;

/** What a job was asked to do besides refreshing every root. */
export const JobOptions = z.object({
  rebuild: z.boolean(),
  removeRoots: z.array(z.string()).optional().openapi({ description: 'Mã các nguồn được gỡ (GET /api/admin/sources)' }),
  allowRemoval: z.boolean().optional().openapi({ description: 'Chấp nhận gỡ nhiều văn bản hơn ngưỡng INDEX_MAX_REMOVAL_SHARE' }),
  expectedRemovals: z.array(z.string()).optional().openapi({ description: 'Mã các văn bản quản trị viên đã xóa: việc gỡ chúng là chủ ý' }),
}).openapi('JobOptions');
export type JobOptions = z.infer<typeof JobOptions>;

export const Job = z.object({
  id: z.string().min(1),
  kind: z.literal('reindex'),
  status: JobStatus,
  requestedBy: z.string().openapi({ description: 'Mã bí danh của người yêu cầu (hoặc system)' }),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  options: JobOptions,
  retryOf: z.string().optional().openapi({ description: 'Lượt bị gián đoạn hoặc thất bại mà máy chủ tự chạy lại bằng lượt này' }),
  attempt: z.number().int().positive().optional().openapi({ description: 'Lần chạy thứ mấy (2, 3 …) khi máy chủ tự chạy lại' }),
  progress: JobProgress.optional(),
  summary: JobSummary.optional(),
  error: JobError.optional(),
}).openapi('Job');
export type Job = z.infer<typeof Job>;

export const ReindexRequest = z.object({
  rebuild: z.boolean().optional().openapi({ description: 'Đọc và nhúng lại mọi nguồn' }),
  allowRemoval: z.boolean().optional().openapi({ description: 'Chấp nhận gỡ nhiều văn bản hơn ngưỡng INDEX_MAX_REMOVAL_SHARE (tệp đã bị xóa khỏi nguồn)' }),
}).strict().openapi('ReindexRequest');
export type ReindexRequest = z.infer<typeof ReindexRequest>;

export const ReindexStarted = z.object({ job: Job }).openapi('ReindexStarted');
export type ReindexStarted = z.infer<typeof ReindexStarted>;

export const JobList = z.object({ jobs: z.array(Job).openapi({ description: 'Mới nhất trước' }) }).openapi('JobList');
export type JobList = z.infer<typeof JobList>;

/** 409 JOB_CONFLICT: the job already queued or running. */
export const JobConflictBody = ErrorBody.extend({ job: Job }).openapi('JobConflictError');
export type JobConflictBody = z.infer<typeof JobConflictBody>;
