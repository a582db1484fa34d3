/** `GET /healthz` and `GET /readyz` (503 with the error shape until an index is served). */
import { z } from './zod.ts';

export const Health = z.object({ status: z.literal('ok') }).openapi('Health');
export type Health = z.infer<typeof Health>;

export const Ready = z.object({
  status: z.literal('ready'),
  index: z.object({ version: z.string(), documents: z.number().int(), chunks: z.number().int() }),
}).openapi('Ready');
export type Ready = z.infer<typeof Ready>;
