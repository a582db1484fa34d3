/**
 * The documents a caller may read, mounted under /api: `GET /documents` (filtered, newest
 * first), `GET /documents/:id` (metadata and table of contents),
 * `GET /documents/:id/chunks/:ordinal` (one cited passage with its neighbours) and
 * `GET /documents/:id/view` (metadata and a page of sections with their texts around the
 * cited one: the source panel and the source view in one request). Citizens see public
 * documents only; a document they may not see is 404, never 403. Passages flagged as
 * planted instructions are cut from the texts for everyone but admins, who see them with
 * their flags.
 */
import express, { type Request } from 'express';
import { visibleTo } from '../../core/answer/retrieve/scope.ts';
import { foldDiacritics } from '../../core/text/fold.ts';
import { PLANTED_CATEGORY_LABELS, withoutPlantedInstructions } from '../../core/guard/planted-instructions.ts';
import type { StoredChunk, StoredDocument } from '../../index/index-state.ts';
import type { OpenIndex } from '../../index/open-index.ts';
import type { IndexService } from '../index-service.ts';
import { HttpError } from './errors.ts';
import { callerOf } from './middleware.ts';
import { DocumentListQuery, DocumentViewQuery } from '../../protocol/documents.ts';
import { parse } from './validate.ts';

/**
 * A document as lists show it (documents, admin uploads). `forAdmin` adds how its text was
 * obtained (pages, OCR'd pages, confidence, warnings): what the console shows per file.
 */
export function summaryOf(d: StoredDocument, forAdmin = false) {
  return {
    id: d.id, sourceId: d.sourceId, title: d.title, type: d.type,
    ...(d.number ? { number: d.number } : {}), ...(d.issuer ? { issuer: d.issuer } : {}),
    ...(d.issuedDate ? { issuedDate: d.issuedDate } : {}), status: d.status,
    ...(d.supersededBy ? { supersededBy: d.supersededBy } : {}), audience: d.audience, chunkCount: d.labels.length,
    ...(forAdmin && d.extraction ? { extraction: d.extraction } : {}),
  };
}

/** Metadata of a document, without its sections. */
function infoOf(d: StoredDocument, forAdmin = false) {
  return {
    ...summaryOf(d, forAdmin),
    ...(d.effectiveDate ? { effectiveDate: d.effectiveDate } : {}),
    ...(d.supersedes?.length ? { supersedes: d.supersedes } : {}),
    ...(d.extra ? { extra: d.extra } : {}),
  };
}

/**
 * Where a page of `limit` sections out of `total` starts: at `offset` when asked (at most
 * `total`), else around the section at `position` (the cited one, -1 for none) so that it
 * has as many neighbours before as after, else at the start. A document that fits one
 * page starts at 0.
 */
export function pageStart(total: number, limit: number, position: number, offset?: number): number {
  if (offset !== undefined) return Math.min(offset, total);
  if (position < 0 || total <= limit) return 0;
  return Math.max(0, Math.min(position - Math.floor((limit - 1) / 2), total - limit));
}

/** A section; `forAdmin` adds the passages flagged as planted instructions, with their kind in Vietnamese. */
function sectionOf(c: StoredChunk, forAdmin = false) {
  const ordinal = Number(c.id.slice(c.id.lastIndexOf('#') + 1));
  const flags = forAdmin && c.instructionFlags?.length
    ? c.instructionFlags.map((f) => ({ category: f.category, label: PLANTED_CATEGORY_LABELS[f.category], rule: f.rule, start: f.start, end: f.end }))
    : undefined;
  return { ordinal, chunkId: c.id, section: c.sectionLabel, headingTrail: c.headingTrail, ...(c.page ? { page: c.page } : {}), ...(flags ? { instructionFlags: flags } : {}) };
}

/** A section with its text: admins read it whole with its flags, everyone else without the flagged passages. */
function sectionTextOf(c: StoredChunk, forAdmin: boolean) {
  return { ...sectionOf(c, forAdmin), text: forAdmin ? c.text : withoutPlantedInstructions(c.text, c.instructionFlags).text };
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
    res.json({ total: docs.length, offset: q.offset, documents: docs.slice(q.offset, q.offset + q.limit).map((d) => summaryOf(d, role === 'admin')) });
  });

  router.get('/documents/:id', (req, res) => {
    const index = indexes.current;
    const doc = visibleDocument(index, req);
    const forAdmin = callerOf(req).role === 'admin';
    res.json({ ...infoOf(doc, forAdmin), sections: index.chunksOf(doc.id).map((c) => sectionOf(c as StoredChunk, forAdmin)) });
  });

  router.get('/documents/:id/view', (req, res) => {
    const q = parse(DocumentViewQuery, req.query);
    const index = indexes.current;
    const doc = visibleDocument(index, req);
    const chunks = index.chunksOf(doc.id) as StoredChunk[];
    const position = q.chunk === undefined ? -1 : chunks.findIndex((c) => c.id === `${doc.id}#${q.chunk}`);
    const offset = pageStart(chunks.length, q.limit, position, q.offset);
    const forAdmin = callerOf(req).role === 'admin';
    res.json({
      document: infoOf(doc, forAdmin),
      total: chunks.length,
      offset,
      sections: chunks.slice(offset, offset + q.limit).map((c) => sectionTextOf(c, forAdmin)),
      ...(position >= 0 ? { cited: { ordinal: q.chunk!, position } } : {}),
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
      chunk: sectionTextOf(chunk, callerOf(req).role === 'admin'),
      ...(at > 0 ? { previous: sectionOf(chunks[at - 1]!) } : {}),
      ...(at + 1 < chunks.length ? { next: sectionOf(chunks[at + 1]!) } : {}),
    });
  });

  return router;
}
