/**
 * `GET /api/admin/audit/actions`: the admin actions of the audit trail (uploads, deletions,
 * metadata changes, re-index jobs, source removals, rollbacks, link decisions, feedback
 * marks), as JSON (this shape) or CSV. Mirrors core/audit/types.ts (checked below).
 */
import { ADMIN_ACTIONS, type AdminActionRecord as CoreAdminActionRecord } from '../../core/audit/types.ts';
import type { Assert, Same } from '../type-equality.ts';
import { z } from '../zod.ts';

export const AdminAction = z.enum(ADMIN_ACTIONS).openapi('AdminAction');

export const AdminActionQueryParams = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  action: AdminAction.optional(),
  user: z.string().max(64).optional().openapi({ description: 'Bí danh của quản trị viên' }),
  outcome: z.enum(['ok', 'error']).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
  format: z.enum(['json', 'csv']).default('json'),
}).strict();
export type AdminActionQueryParams = z.input<typeof AdminActionQueryParams>;

export const AdminActionRecord = z.object({
  id: z.string(),
  time: z.string(),
  user: z.string().openapi({ description: 'Bí danh (HMAC của mã truy cập), không bao giờ là mã truy cập' }),
  action: AdminAction,
  targets: z.array(z.string()).openapi({ description: 'Mã văn bản, tên tệp, mã lượt chạy, phiên bản, mã liên kết hoặc mã lượt hỏi đáp' }),
  outcome: z.enum(['ok', 'error']),
  code: z.string().optional().openapi({ description: 'Mã lỗi khi outcome là error' }),
  status: z.number().int(),
  detail: z.string().optional().openapi({ description: 'Nội dung yêu cầu, tóm tắt (đã che dữ liệu cá nhân)' }),
}).openapi('AdminActionRecord');
export type AdminActionRecord = z.infer<typeof AdminActionRecord>;

export const AdminActionRecords = z.object({ actions: z.array(AdminActionRecord).openapi({ description: 'Cũ nhất trước' }) }).openapi('AdminActionRecords');
export type AdminActionRecords = z.infer<typeof AdminActionRecords>;

type _ActionAgrees = Assert<Same<AdminActionRecord, CoreAdminActionRecord>>;
