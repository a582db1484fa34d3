/**
 * The admin-action and feedback-handled lines of the JSONL audit trail: how they are
 * checked before writing, redacted, told apart when read, and filtered. Kept out of
 * jsonl-audit.ts, which only routes them.
 */
import { ADMIN_ACTIONS, type AdminActionQuery, type AdminActionRecord } from '../../core/audit/types.ts';
import { AppError } from '../../core/errors.ts';
import { safeFreeText, type Redactor } from './redact-free-text.ts';

/** A line that marks (or unmarks) a record's feedback handled. */
export interface HandledLine { v: 1; type: 'feedback-handled'; id: string; time: string; by: string; handled: boolean }

const ACTIONS = new Set<string>(ADMIN_ACTIONS);
const IP_LIKE = /^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-f:]+:[0-9a-f:]*$/i;

function invalid(detail: string): AppError {
  return new AppError('INVALID_ARGUMENT', `audit: ${detail}`);
}

/**
 * The line of admin action `r` as written: its targets and detail redacted like any free
 * text (a file name may carry a person's name), a user that looks like an IP address
 * written as `unknown`. Malformed records are the caller's bug: rejected.
 */
export function adminActionLine(r: AdminActionRecord, redact: Redactor): string {
  if (typeof r.id !== 'string' || r.id === '') throw invalid('id is required');
  if (Number.isNaN(Date.parse(r.time))) throw invalid('time is not an ISO time');
  if (!ACTIONS.has(r.action)) throw invalid('unknown admin action');
  if (r.outcome !== 'ok' && r.outcome !== 'error') throw invalid('unknown outcome');
  if (typeof r.user !== 'string' || r.user === '') throw invalid('user must be a pseudonymous id');
  const line: Record<string, unknown> = {
    v: 1, type: 'admin', id: r.id, time: r.time, user: IP_LIKE.test(r.user) ? 'unknown' : r.user, action: r.action,
    targets: r.targets.map((t) => safeFreeText(String(t), redact).text), outcome: r.outcome, status: r.status,
  };
  if (r.code !== undefined) line.code = r.code;
  if (r.detail !== undefined) line.detail = safeFreeText(r.detail, redact).text;
  return JSON.stringify(line);
}

/** The admin action a parsed line holds, or undefined when it is another kind of line (or malformed). */
export function asAdminAction(o: Record<string, unknown>): AdminActionRecord | undefined {
  if (o.type !== 'admin' || typeof o.id !== 'string' || typeof o.time !== 'string' || typeof o.user !== 'string') return undefined;
  if (!ACTIONS.has(o.action as string) || (o.outcome !== 'ok' && o.outcome !== 'error') || !Array.isArray(o.targets)) return undefined;
  const { v: _v, type: _type, ...rest } = o;
  return rest as unknown as AdminActionRecord;
}

/** Whether admin action `r` passes the non-time filters of `q`. */
export function matchesAdminQuery(r: AdminActionRecord, q: AdminActionQuery): boolean {
  return (!q.action || r.action === q.action) && (!q.user || r.user === q.user) && (!q.outcome || r.outcome === q.outcome);
}

/** The handled mark a parsed line holds, or undefined. */
export function asHandledLine(o: Record<string, unknown>): HandledLine | undefined {
  if (o.type !== 'feedback-handled' || typeof o.id !== 'string' || typeof o.time !== 'string' || typeof o.by !== 'string' || typeof o.handled !== 'boolean') return undefined;
  return o as unknown as HandledLine;
}
