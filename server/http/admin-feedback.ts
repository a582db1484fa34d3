/**
 * Feedback for admins (under the admin router): `GET /feedback` lists the exchanges that
 * received feedback with the question, the outcome and cited documents (titled), the rating
 * and comment, and the "Đã xử lý" mark; `PUT /feedback/:id/handled` sets or clears the mark,
 * stored in the audit trail beside the feedback (so it survives restarts and is seen by
 * every node) and audited as an admin action (admin-audit.ts).
 */
import type express from 'express';
import type { AuditRecord, AuditSink } from '../../core/audit/types.ts';
import { FeedbackHandledRequest, FeedbackListQuery, type FeedbackItem } from '../../protocol/admin/feedback.ts';
import type { IndexService } from '../index-service.ts';
import { AppError } from '../../core/errors.ts';
import { HttpError } from './errors.ts';
import { callerOf } from './middleware.ts';
import { parse } from './validate.ts';

/** `items` with the title of each document the served index still has. */
export function withTitles<T extends { docId: string }>(indexes: IndexService, items: readonly T[]): Array<T & { title?: string }> {
  if (!indexes.ready) return [...items];
  const index = indexes.current;
  return items.map((item) => {
    const title = index.document(item.docId)?.title;
    return title ? { ...item, title } : item;
  });
}

function itemOf(r: AuditRecord & { feedback: NonNullable<AuditRecord['feedback']> }, indexes: IndexService): FeedbackItem {
  return {
    exchangeId: r.id, time: r.time, role: r.role, question: r.question, outcome: r.outcome,
    ...(r.reason ? { reason: r.reason } : {}),
    answerChars: r.answerChars,
    citations: withTitles(indexes, r.citations.map((docId) => ({ docId }))),
    useful: r.feedback.useful,
    ...(r.feedback.comment ? { comment: r.feedback.comment } : {}),
    ...(r.feedback.handled ? { handled: r.feedback.handled } : {}),
  };
}

export function addFeedbackRoutes(router: express.Router, deps: { audit: AuditSink; indexes: IndexService }): void {
  router.get('/feedback', async (req, res) => {
    const q = parse(FeedbackListQuery, req.query);
    const feedback: FeedbackItem[] = [];
    for await (const r of deps.audit.query({ ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) })) {
      if (!r.feedback) continue;
      if (q.handled !== undefined && (q.handled === 'true') !== !!r.feedback.handled) continue;
      if (q.useful !== undefined && (q.useful === 'true') !== r.feedback.useful) continue;
      feedback.push(itemOf(r as AuditRecord & { feedback: NonNullable<AuditRecord['feedback']> }, deps.indexes));
      if (feedback.length >= q.limit) break;
    }
    res.json({ feedback });
  });

  router.put('/feedback/:id/handled', async (req, res) => {
    const body = parse(FeedbackHandledRequest, req.body);
    const id = String(req.params.id);
    try {
      await deps.audit.markFeedbackHandled(id, { handled: body.handled, by: callerOf(req).user });
    } catch (err) {
      // The sink rejects an id it has no record of; anything else is a real failure.
      if (err instanceof AppError && err.code === 'INVALID_ARGUMENT') throw HttpError.of(404, 'NOT_FOUND');
      throw err;
    }
    res.json({ exchangeId: id, handled: body.handled });
  });
}
