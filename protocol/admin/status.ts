/**
 * The server's status for the console (`GET /api/admin/status`): the served index, the
 * problems /readyz reports, the metadata overrides' state, and the re-index in progress;
 * and the repair of the overrides (`/api/admin/overrides/restore`, `/reload`).
 */
import { ErrorBody } from '../errors.ts';
import { Problem } from '../health.ts';
import { z } from '../zod.ts';
import { Job } from './jobs.ts';

export const OverridesHealth = z.object({
  mode: z.enum(['ok', 'backup', 'closed']).openapi({ description: 'ok; backup: tệp hỏng hoặc mất, đang dùng bản sao lưu; closed: không đọc được, văn bản từng được điều chỉnh (hoặc mọi văn bản) tạm thời chỉ dành cho cán bộ' }),
  count: z.number().int().openapi({ description: 'Số điều chỉnh đang có hiệu lực' }),
  hidden: z.union([z.number().int(), z.literal('all')]).optional().openapi({ description: 'closed: số văn bản bị ẩn khỏi người dân, hoặc all' }),
  reason: z.string().optional().openapi({ description: 'Chi tiết kỹ thuật (tiếng Anh)' }),
  message: z.string().optional(),
  since: z.string().optional(),
}).openapi('OverridesHealth');
export type OverridesHealth = z.infer<typeof OverridesHealth>;

export const AdminStatus = z.object({
  status: z.enum(['ready', 'degraded', 'not_ready']),
  index: z.object({ version: z.string(), documents: z.number().int(), chunks: z.number().int() }).nullable(),
  problems: z.array(Problem),
  overrides: OverridesHealth,
  job: Job.nullable().openapi({ description: 'Lượt lập chỉ mục đang chạy' }),
  retryPending: z.boolean().openapi({ description: 'Một lượt thất bại sẽ được máy chủ tự chạy lại' }),
}).openapi('AdminStatus');
export type AdminStatus = z.infer<typeof AdminStatus>;

/** 409: the overrides are not in the state the action needs (OVERRIDES_CORRUPT, OVERRIDES_NOT_FROM_BACKUP). */
export const OverridesConflictBody = ErrorBody.extend({ overrides: OverridesHealth.optional() }).openapi('OverridesConflictError');
export type OverridesConflictBody = z.infer<typeof OverridesConflictBody>;
