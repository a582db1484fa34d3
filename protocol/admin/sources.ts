/**
 * The sources (input roots) of the index (`/api/admin/sources…`): what each holds, and
 * the explicit removal of one — a preview of what will go, then a confirmation carrying
 * the preview's token, which a change of the index version makes stale.
 */
import { ErrorBody } from '../errors.ts';
import { z } from '../zod.ts';
import { Job } from './jobs.ts';

/** How a source came to the index. */
export const RootOrigin = z.enum(['shipped', 'upload', 'corpus_paths', 'cli', 'legacy'])
  .openapi({ description: 'shipped: kho có sẵn (corpora/); upload: thư mục tải lên; corpus_paths: CORPUS_PATHS; cli: npm run ingest; legacy: chỉ mục cũ, trước khi ghi nhận nguồn' });
export type RootOrigin = z.infer<typeof RootOrigin>;

export const IndexSource = z.object({
  id: z.string().openapi({ description: 'Mã nguồn (dùng trong đường dẫn)', example: '3f9a1c0d2b7e' }),
  path: z.string().openapi({ description: 'Đường dẫn tuyệt đối trên máy chủ', example: '/srv/shared/tthc/procedures.jsonl' }),
  kind: z.enum(['dir', 'file']),
  origin: RootOrigin,
  addedAt: z.string(),
  addedBy: z.string().openapi({ description: 'cli:<tài khoản hệ điều hành>, bí danh quản trị viên, hoặc system' }),
  lastSeenAt: z.string().optional().openapi({ description: 'Lần gần nhất một lượt lập chỉ mục thấy nguồn trên đĩa' }),
  sourceBase: z.string().optional(),
  files: z.number().int(),
  documents: z.number().int(),
  exists: z.boolean().openapi({ description: 'false: nguồn hiện không truy cập được; văn bản của nó vẫn được giữ' }),
  configured: z.boolean().openapi({ description: 'Nguồn do cấu hình máy chủ đưa vào (corpora/, UPLOAD_DIR, CORPUS_PATHS): không gỡ được qua API' }),
  removable: z.boolean(),
}).openapi('IndexSource');
export type IndexSource = z.infer<typeof IndexSource>;

export const IndexSourceList = z.object({
  version: z.string().openapi({ description: 'Phiên bản chỉ mục đang phục vụ' }),
  sources: z.array(IndexSource).openapi({ description: 'Theo thứ tự ghi nhận' }),
}).openapi('IndexSourceList');
export type IndexSourceList = z.infer<typeof IndexSourceList>;

export const RemovalPreview = z.object({
  source: IndexSource,
  version: z.string(),
  documents: z.number().int(),
  files: z.number().int(),
  sample: z.array(z.object({ id: z.string(), sourceId: z.string(), title: z.string() })).openapi({ description: 'Tối đa 10 văn bản sẽ bị gỡ' }),
  message: z.string().openapi({ example: 'Sẽ gỡ 2.642 văn bản (1 tệp) của nguồn “/srv/shared/tthc/procedures.jsonl”.' }),
  token: z.string().openapi({ description: 'Gửi lại khi xác nhận; hết hiệu lực khi chỉ mục đổi phiên bản' }),
}).openapi('RemovalPreview');
export type RemovalPreview = z.infer<typeof RemovalPreview>;

export const RemovalRequest = z.object({
  token: z.string({ required_error: 'thiếu mã xác nhận (token) của bản xem trước' }).min(1).max(64),
}).strict().openapi('RemovalRequest');
export type RemovalRequest = z.infer<typeof RemovalRequest>;

export const SourceRemovalStarted = z.object({
  job: Job,
  queued: z.boolean().openapi({ description: 'true: sẽ chạy sau lượt hiện tại' }),
  documents: z.number().int().openapi({ description: 'Số văn bản sẽ gỡ, theo bản xem trước' }),
}).openapi('SourceRemovalStarted');
export type SourceRemovalStarted = z.infer<typeof SourceRemovalStarted>;

/** 409: a configured source (SOURCE_CONFIGURED, with the source) or a stale preview (PREVIEW_STALE, with the current one). */
export const SourceConflictBody = ErrorBody.extend({
  source: IndexSource.optional(),
  preview: RemovalPreview.optional(),
}).openapi('SourceConflictError');
export type SourceConflictBody = z.infer<typeof SourceConflictBody>;
