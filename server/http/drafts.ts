/**
 * Drafting routes (officials and admins), mounted under /api: `POST /draft` asks for what
 * is missing or returns the draft (or, for an edit typed in the same conversation, its next
 * version) with the format checker's findings and a download link;
 * `GET /drafts/:id.docx` serves the .docx. Citizens get 401, like every signed-in route.
 */
import express from 'express';
import type { DraftFields } from '../../core/drafting/model.ts';
import { DraftRefusal, type DraftService } from '../drafting/service.ts';
import type { IndexService } from '../index-service.ts';
import type { Lifecycle } from '../lifecycle.ts';
import { HttpError } from './errors.ts';
import { callerOf, requireRole } from './middleware.ts';
import { DraftRequest } from '../../protocol/draft.ts';
import { parse } from './validate.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DraftsDeps {
  drafts: DraftService;
  indexes: IndexService;
  lifecycle: Lifecycle;
}

export function createDraftsRouter(deps: DraftsDeps): express.Router {
  const router = express.Router();
  // Per route, not router.use: this router is mounted at the root of /api, so a guard on the
  // whole router would answer 401 for every unknown /api path instead of 404.
  const officials = requireRole('official', 'admin');

  router.post('/draft', officials, async (req, res) => {
    const body = parse(DraftRequest, req.body);
    const { role, user } = callerOf(req);
    deps.indexes.assertReady();
    const fields: Partial<DraftFields> = { ...body.fields, ...(body.type ? { type: body.type } : {}) };
    const input = { fields, ...(body.request ? { request: body.request } : {}), ...(body.conversationId ? { conversationId: body.conversationId } : {}) };
    const result = await deps.lifecycle.track(() => deps.drafts.draft(input, { role, user })).catch((err: unknown) => {
      // An edit that is not understood or cannot apply, or no draft to edit: said in Vietnamese, nothing changed.
      if (err instanceof DraftRefusal) throw new HttpError(err.code === 'NO_DRAFT_TO_EDIT' ? 409 : 422, err.code, err.userMessage);
      throw err;
    });
    res.json(result.status === 'drafted'
      ? {
        status: result.status, id: result.id, draft: result.draft, findings: result.findings, docxUrl: result.docxUrl, writtenBy: result.writtenBy,
        conversationId: result.conversationId, version: result.version, changes: result.changes, remembered: result.remembered,
      }
      : result);
  });

  router.get('/drafts/:id.docx', officials, async (req, res) => {
    const id = String(req.params.id);
    const data = await deps.drafts.file(id);
    if (!data) throw HttpError.of(404, 'NOT_FOUND');
    res.setHeader('Content-Type', DOCX_MIME);
    res.setHeader('Content-Disposition', `attachment; filename="${await deps.drafts.fileName(id)}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(data);
  });

  return router;
}
