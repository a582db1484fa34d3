/**
 * `GET /api/admin/feedback`: exchanges that received feedback, newest last, with the
 * question, what the answer was (outcome and cited documents: the answer text is not kept
 * in the audit trail), the rating and comment, and the "Đã xử lý" mark;
 * `PUT /api/admin/feedback/{exchangeId}/handled`: set or clear the mark.
 */
import { z } from '../zod.ts';

export const FeedbackListQuery = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  handled: z.enum(['true', 'false']).optional().openapi({ description: 'Chỉ góp ý đã (true) hoặc chưa (false) xử lý' }),
  useful: z.enum(['true', 'false']).optional().openapi({ description: 'Chỉ góp ý hữu ích (true) hoặc chưa hữu ích (false)' }),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
}).strict();
export type FeedbackListQuery = z.input<typeof FeedbackListQuery>;

export const FeedbackItem = z.object({
  exchangeId: z.string(),
  time: z.string(),
  role: z.enum(['citizen', 'official', 'admin']),
  question: z.string().openapi({ description: 'Câu hỏi đã che dữ liệu cá nhân' }),
  outcome: z.enum(['answered', 'refused', 'error']),
  reason: z.string().optional(),
  answerChars: z.number().int(),
  citations: z.array(z.object({ docId: z.string(), title: z.string().optional() })).openapi({ description: 'Văn bản được trích trong câu trả lời, kèm tên' }),
  useful: z.boolean(),
  comment: z.string().optional().openapi({ description: 'Góp ý đã che dữ liệu cá nhân' }),
  handled: z.object({ by: z.string(), at: z.string() }).optional(),
}).openapi('FeedbackItem');
export type FeedbackItem = z.infer<typeof FeedbackItem>;

export const FeedbackList = z.object({ feedback: z.array(FeedbackItem) }).openapi('FeedbackList');
export type FeedbackList = z.infer<typeof FeedbackList>;

export const FeedbackHandledRequest = z.object({ handled: z.boolean() }).strict().openapi('FeedbackHandledRequest');
export type FeedbackHandledRequest = z.infer<typeof FeedbackHandledRequest>;
