/** `POST /api/feedback`, mounted under /api: whether an answer helped, kept beside its audit record. */
import express from 'express';
import type { AuditSink } from '../../core/audit/types.ts';
import { redactPersonalData } from '../../core/guard/pii.ts';
import { HttpError } from './errors.ts';
import { FeedbackRequest } from '../../protocol/feedback.ts';
import { parse } from './validate.ts';

export function createFeedbackRouter(deps: { audit: AuditSink }): express.Router {
  const router = express.Router();

  router.post('/feedback', async (req, res) => {
    const body = parse(FeedbackRequest, req.body);
    const comment = body.comment === undefined ? undefined : redactPersonalData(body.comment).text.trim();
    try {
      await deps.audit.recordFeedback(body.exchangeId, { useful: body.useful, ...(comment ? { comment } : {}) });
    } catch {
      throw HttpError.of(404, 'NOT_FOUND');
    }
    res.status(204).end();
  });

  return router;
}
