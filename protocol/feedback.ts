/** `POST /api/feedback`: a verdict on an audited exchange (answered 204, no body). */
import { z } from './zod.ts';

export const FeedbackRequest = z.object({
  exchangeId: z.string().uuid('mã lượt hỏi đáp không hợp lệ'),
  useful: z.boolean(),
  comment: z.string().max(1000, 'góp ý dài quá 1.000 ký tự').optional(),
}).strict().openapi('FeedbackRequest');
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;
