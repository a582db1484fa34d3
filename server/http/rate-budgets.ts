/**
 * Two rate-limit budgets per client: asking (chat over REST and socket.io, search,
 * feedback, drafting, administration: the work that costs CPU) and reading (`GET
 * /api/documents…`: the widget's source panel and the source view). Reading the sources
 * of an answer never spends the budget of the next question: a citizen who opens two
 * sources and asks again is answered. Each budget is keyed like the other (per IP for
 * citizens, per token pseudonym for officials and admins).
 */
import type { RequestHandler } from 'express';
import type { Metrics } from './metrics.ts';
import { rateLimit } from './middleware.ts';
import type { Limits } from './rate-limit.ts';

export type Budget = 'ask' | 'read';

/** The budget a request of the API router (`path` relative to /api) is charged to. */
export function budgetOf(method: string, path: string): Budget {
  return (method === 'GET' || method === 'HEAD') && /^\/documents(\/|$)/.test(path) ? 'read' : 'ask';
}

/** The API's rate limit: each request charged to its budget's buckets (see {@link budgetOf}). */
export function budgetedRateLimit(limits: Limits, metrics: Metrics): RequestHandler {
  const ask = rateLimit(limits, metrics);
  const read = rateLimit({ perIp: limits.readPerIp, perToken: limits.readPerToken }, metrics);
  return (req, res, next) => (budgetOf(req.method, req.path) === 'read' ? read : ask)(req, res, next);
}
