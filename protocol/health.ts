/** `GET /healthz` and `GET /readyz` (503 with the error shape until an index is served). */
import { z } from './zod.ts';

export const Health = z.object({ status: z.literal('ok') }).openapi('Health');
export type Health = z.infer<typeof Health>;

/** Something an operator should see to while the server keeps answering. */
export const ReadyProblem = z.object({
  code: z.string(),
  message: z.string().openapi({ description: 'Tiếng Việt, cho người vận hành' }),
  since: z.string().optional(),
}).openapi('ReadyProblem');
export type ReadyProblem = z.infer<typeof ReadyProblem>;

export const Ready = z.object({
  status: z.enum(['ready', 'degraded']).openapi({ description: 'degraded: vẫn trả lời, nhưng có vấn đề cần người vận hành xử lý (problems), ví dụ mất kết nối Redis' }),
  index: z.object({ version: z.string(), documents: z.number().int(), chunks: z.number().int() }),
  problems: z.array(ReadyProblem).optional(),
}).openapi('Ready');
export type Ready = z.infer<typeof Ready>;
