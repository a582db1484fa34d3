/** Request validation shared by the routes: a zod schema or 400 BAD_REQUEST in Vietnamese. */
import type { z } from 'zod';
import { HttpError } from './errors.ts';
import { describeIssues } from '../../protocol/describe-issues.ts';

/** Parse with a schema or answer 400 with the first problem in Vietnamese. */
export function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw HttpError.of(400, 'BAD_REQUEST', describeIssues(r.error));
  return r.data;
}
