/** `GET /api/admin/stats`: usage over a time range. Mirrors core/audit/types.ts (checked below). */
import type { UsageStats as CoreUsageStats } from '../../core/audit/types.ts';
import type { Assert, Same } from '../type-equality.ts';
import { z } from '../zod.ts';

export const StatsQueryParams = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
}).strict();
export type StatsQueryParams = z.input<typeof StatsQueryParams>;

export const UsageStats = z.object({
  questionsPerDay: z.record(z.number()).openapi({ description: 'Ngày (YYYY-MM-DD) → số lượt hỏi' }),
  refusalRateByReason: z.record(z.number()).openapi({ description: 'Lý do → tỉ lệ trên tổng số lượt (0..1)' }),
  topDocuments: z.array(z.object({ docId: z.string(), count: z.number(), title: z.string().optional().openapi({ description: 'Tên văn bản trong chỉ mục đang phục vụ (không có khi văn bản đã bị gỡ)' }) })),
  notFound: z.array(z.object({ question: z.string(), count: z.number() })).openapi({ description: 'Câu hỏi không tìm thấy nguồn (đã che dữ liệu cá nhân), nhiều nhất trước' }),
}).openapi('UsageStats');
export type UsageStats = z.infer<typeof UsageStats>;

type _StatsAgree = Assert<Same<UsageStats, CoreUsageStats>>;
