/**
 * Uploaded files (`/api/admin/documents` POST, `/api/admin/uploads…`): the multipart
 * form, what was stored, what was refused and why, and the re-index each change starts.
 */
import { ErrorBody } from '../errors.ts';
import { z } from '../zod.ts';
import { Job } from './jobs.ts';

/** What ingestion makes of a file: one document (its ids), or JSONL records (ids inside). */
const documentFile = { kind: z.literal('document'), sourceId: z.string(), docId: z.string() };
const recordsFile = { kind: z.literal('records') };

const stored = { fileName: z.string(), bytes: z.number().int(), modifiedAt: z.string(), hasMetadata: z.boolean() };

/** A file in the upload folder. */
export const StoredFile = z.discriminatedUnion('kind', [
  z.object({ ...documentFile, ...stored }),
  z.object({ ...recordsFile, ...stored }),
]).openapi('StoredFile');
export type StoredFile = z.infer<typeof StoredFile>;

export const UploadList = z.object({ files: z.array(StoredFile).openapi({ description: 'Theo thứ tự tên' }) }).openapi('UploadList');
export type UploadList = z.infer<typeof UploadList>;

/** The multipart form of an upload. */
export const UploadForm = z.object({
  files: z.array(z.string().openapi({ format: 'binary' })),
  metadata: z.string().optional().openapi({ description: 'JSON: type, number, issuedDate, audience, status, supersedes …' }),
  replace: z.enum(['true', 'false']).optional(),
  reindex: z.enum(['true', 'false']).optional(),
}).openapi('UploadForm');

const saved = {
  originalName: z.string().openapi({ description: 'Tên tệp như người tải lên đặt' }),
  fileName: z.string().openapi({ description: 'Tên tệp đã lưu (an toàn)' }),
  bytes: z.number().int(),
  replaced: z.boolean(),
  metadata: z.enum(['written', 'kept', 'none']).openapi({ description: 'written: đã ghi thông tin kèm theo; kept: giữ thông tin của tệp cũ; none: không có' }),
};

/** A file stored by an upload. */
export const SavedFile = z.discriminatedUnion('kind', [
  z.object({ ...documentFile, ...saved }),
  z.object({ ...recordsFile, ...saved }),
]).openapi('SavedFile');
export type SavedFile = z.infer<typeof SavedFile>;

export const UploadResponse = z.object({
  files: z.array(SavedFile),
  job: Job.optional().openapi({ description: 'Lượt lập chỉ mục đã bắt đầu (không có khi reindex=false)' }),
  queued: z.boolean().optional().openapi({ description: 'true: một lượt khác đang chạy, lượt mới sẽ chạy ngay sau đó' }),
}).openapi('UploadResponse');
export type UploadResponse = z.infer<typeof UploadResponse>;

/** Why one file of an upload was refused. */
export const UploadProblem = z.object({
  originalName: z.string().optional(),
  fileName: z.string().optional(),
  code: z.string(),
  message: z.string(),
}).openapi('UploadProblem');
export type UploadProblem = z.infer<typeof UploadProblem>;

/** A refused upload: nothing was stored; `files` says why for each refused file. */
export const UploadErrorBody = ErrorBody.extend({ files: z.array(UploadProblem).optional() }).openapi('UploadError');
export type UploadErrorBody = z.infer<typeof UploadErrorBody>;

/** A file removed (with its document), and the re-index that follows. */
export const RemovalResponse = z.object({
  fileName: z.string(),
  job: Job,
  queued: z.boolean().openapi({ description: 'true: sẽ chạy sau lượt hiện tại' }),
}).openapi('RemovalResponse');
export type RemovalResponse = z.infer<typeof RemovalResponse>;
