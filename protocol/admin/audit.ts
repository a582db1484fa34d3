/**
 * `GET /api/admin/audit`: the audit trail, one record per exchange, as JSON (this shape)
 * or CSV. Records hold no personal data: the question is redacted, the user a pseudonym.
 * Mirrors core/audit/types.ts (checked below).
 */
import type { AuditRecord as CoreAuditRecord } from '../../core/audit/types.ts';
import type { Assert, Same } from '../type-equality.ts';
import { Role } from '../values.ts';
import { z } from '../zod.ts';

export const AuditQueryParams = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  role: Role.optional(),
  outcome: z.enum(['answered', 'refused', 'error']).optional(),
  reason: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
  format: z.enum(['json', 'csv']).default('json'),
}).strict();
export type AuditQueryParams = z.input<typeof AuditQueryParams>;

export const GuardDecision = z.object({
  guard: z.string().openapi({ example: 'personal-data' }),
  action: z.enum(['allow', 'redact', 'refuse']),
  reason: z.string().optional(),
}).openapi('GuardDecision');

export const AuditRecord = z.object({
  id: z.string(),
  time: z.string(),
  role: Role,
  user: z.string().openapi({ description: 'Bí danh (HMAC của mã truy cập) hoặc anonymous' }),
  conversationId: z.string().optional(),
  question: z.string().openapi({ description: 'Câu hỏi đã che dữ liệu cá nhân' }),
  retrieved: z.array(z.object({ docId: z.string(), score: z.number() })),
  decisions: z.array(GuardDecision),
  outcome: z.enum(['answered', 'refused', 'error']),
  reason: z.string().optional(),
  answerChars: z.number().int(),
  citations: z.array(z.string()),
  latencyMs: z.number(),
  answerer: z.enum(['extractive', 'llm']).optional(),
  feedback: z.object({
    useful: z.boolean(), comment: z.string().optional(),
    handled: z.object({ by: z.string(), at: z.string() }).optional().openapi({ description: 'Quản trị viên (bí danh) đã đánh dấu “Đã xử lý”, và lúc nào' }),
  }).optional(),
}).openapi('AuditRecord');
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditRecords = z.object({ records: z.array(AuditRecord).openapi({ description: 'Cũ nhất trước' }) }).openapi('AuditRecords');
export type AuditRecords = z.infer<typeof AuditRecords>;

type _RecordAgrees = Assert<Same<AuditRecord, CoreAuditRecord>>;
