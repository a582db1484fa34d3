/**
 * `GET /healthz` and `GET /readyz`: 200 while an index is served (`degraded` when a
 * problem needs an operator), 503 with the error shape before — its code says why when
 * it is known (INDEX_DIR_NOT_DIRECTORY, INDEX_REMOVAL_BLOCKED …) — and during shutdown.
 */
import { ErrorBody } from './errors.ts';
import { z } from './zod.ts';

export const Health = z.object({ status: z.literal('ok') }).openapi('Health');
export type Health = z.infer<typeof Health>;

/** Something that needs an operator: an unwritable INDEX_DIR, a damaged overrides file, a blocked re-index, an unreachable source. */
export const Problem = z.object({
  code: z.string().openapi({ example: 'OVERRIDES_CORRUPT' }),
  message: z.string().openapi({ description: 'Tiếng Việt, cho người vận hành' }),
  since: z.string(),
}).openapi('Problem');
export type Problem = z.infer<typeof Problem>;

export const Ready = z.object({
  status: z.enum(['ready', 'degraded']).openapi({ description: 'degraded: vẫn trả lời, nhưng có vấn đề cần người vận hành xử lý (problems), ví dụ mất kết nối Redis' }),
  index: z.object({ version: z.string(), documents: z.number().int(), chunks: z.number().int() }),
  problems: z.array(Problem).optional(),
}).openapi('Ready');
export type Ready = z.infer<typeof Ready>;

/** 503 before an index is served: the reason when one is known, with every problem. */
export const NotReadyBody = ErrorBody.extend({ problems: z.array(Problem).optional() }).openapi('NotReady');
export type NotReadyBody = z.infer<typeof NotReadyBody>;
