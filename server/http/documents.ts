/**
 * The documents a caller may read, mounted under /api: `GET /documents` (filtered, newest
 * first), `GET /documents/:id` (metadata and table of contents) and
 * `GET /documents/:id/chunks/:ordinal` (one cited passage with its neighbours). Citizens
 * see public documents only; a document they may not see is 404, never 403.
 */
import express, { type Request } from 'express';
import { visibleTo } from '../../core/answer/retrieve/scope.ts';
import { foldDiacritics } from '../../core/text/fold.ts';
import type { StoredChunk, StoredDocument } from '../../index/index-state.ts';
import type { OpenIndex } from '../../index/open-index.ts';
import type { IndexService } from '../index-service.ts';
import { HttpError } from './errors.ts';
import { callerOf } from './middleware.ts';
import { DocumentListQuery } from '../../protocol/documents.ts';
import { parse } from './validate.ts';

/** A document as lists show it (documents, admin uploads). */
export function summaryOf(d: StoredDocument) {
  return {
    id: d.id, sourceId: d.sourceId, title: d.title, type: d.type,
    ...(d.number ? { number: d.number } : {}), ...(d.issuer ? { issuer: d.issuer } : {}),
    ...(d.issuedDate ? { issuedDate: d.issuedDate } : {}), status: d.status,
    ...(d.supersededBy ? { supersededBy: d.supersededBy } : {}), audience: d.audience, chunkCount: d.labels.length,
  };
}

function sectionOf(c: StoredChunk) {
  const ordinal = Number(c.id.slice(c.id.lastIndexOf('#') + 1));
  return { ordinal, chunkId: c.id, section: c.sectionLabel, headingTrail: c.headingTrail, ...(c.page ? { page: c.page } : {}) };
}

/** A document the caller may see, else 404 (never 403: existence of internal documents is not revealed). */
function visibleDocument(index: OpenIndex, req: Request): StoredDocument {
  const doc = index.document(String(req.params.id));
  const { role } = callerOf(req);
  if (!doc || !(role === 'admin' || visibleTo(doc, role))) throw HttpError.of(404, 'DOCUMENT_NOT_FOUND');
  return doc;
}

export function createDocumentsRouter(deps: { indexes: IndexService }): express.Router {
  const { indexes } = deps;
  const router = express.Router();

  router.get('/documents', (req, res) => {
    const q = parse(DocumentListQuery, req.query);
    const index = indexes.current;
    const { role } = callerOf(req);
    const needle = q.q ? foldDiacritics(q.q.toLowerCase()).trim() : undefined;
    const docs: StoredDocument[] = [];
    for (const id of index.state.docs.keys()) {
      const d = index.document(id)!;
      if (role !== 'admin' && !visibleTo(d, role)) continue;
      if (q.type && d.type !== q.type) continue;
      if (q.status && d.status !== q.status) continue;
      if (needle && !foldDiacritics(`${d.title} ${d.number ?? ''} ${d.sourceId}`.toLowerCase()).includes(needle)) continue;
      docs.push(d);
    }
    docs.sort((a, b) => (b.issuedDate ?? '').localeCompare(a.issuedDate ?? '') || a.title.localeCompare(b.title, 'vi'));
    res.json({ total: docs.length, offset: q.offset, documents: docs.slice(q.offset, q.offset + q.limit).map(summaryOf) });
  });

  router.get('/documents/:id', (req, res) => {
    const index = indexes.current;
    const doc = visibleDocument(index, req);
    res.json({
      ...summaryOf(doc),
      ...(doc.effectiveDate ? { effectiveDate: doc.effectiveDate } : {}),
      ...(doc.supersedes?.length ? { supersedes: doc.supersedes } : {}),
      ...(doc.extra ? { extra: doc.extra } : {}),
      sections: index.chunksOf(doc.id).map((c) => sectionOf(c as StoredChunk)),
    });
  });

  router.get('/documents/:id/chunks/:ordinal', (req, res) => {
    const index = indexes.current;
    const doc = visibleDocument(index, req);
    const chunks = index.chunksOf(doc.id) as StoredChunk[];
    const at = chunks.findIndex((c) => c.id === `${doc.id}#${String(req.params.ordinal)}`);
    if (at < 0) throw HttpError.of(404, 'NOT_FOUND');
    const chunk = chunks[at]!;
    res.json({
      document: summaryOf(doc),
      chunk: { ...sectionOf(chunk), text: chunk.text },
      ...(at > 0 ? { previous: sectionOf(chunks[at - 1]!) } : {}),
      ...(at + 1 < chunks.length ? { next: sectionOf(chunks[at + 1]!) } : {}),
    });
  });

  return router;
}
