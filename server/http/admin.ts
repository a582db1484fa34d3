/**
 * Admin routes (bearer token with role admin), mounted under /api/admin: upload, delete
 * and re-label documents, run and follow re-index jobs, read and export the audit trail,
 * usage statistics; the index's sources, versions and status are in admin-index.ts.
 * Uploads are checked before anything is stored; a re-index builds a new index version
 * beside the served one (server/jobs), so answers never stop. A delete is an explicit
 * removal: the job expects exactly that document to go.
 */
import { extname, relative, resolve, isAbsolute } from 'node:path';
import express, { type Request, type Response } from 'express';
import multer from 'multer';
import type { Logger } from 'pino';
import type { AuditRecord, AuditSink } from '../../core/audit/types.ts';
import type { Config } from '../../config/config.ts';
import type { IndexService } from '../index-service.ts';
import type { JobQueue } from '../cluster/ports.ts';
import type { JobInfo } from '../jobs/job-info.ts';
import { JobConflictError, JobQueueUnavailableError } from '../jobs/job-errors.ts';
import type { UploadStore } from '../admin/uploads.ts';
import type { MetadataOverrides } from '../admin/metadata-overrides.ts';
import { summaryOf } from './documents.ts';
import { addLinkRoutes } from './admin-links.ts';
import { parse } from './validate.ts';
import { csvCell } from './csv.ts';
import { addAdminActionRoutes, auditAdminActions } from './admin-audit.ts';
import { addFeedbackRoutes, withTitles } from './admin-feedback.ts';
import { HttpError } from './errors.ts';
import { callerOf, requireRole } from './middleware.ts';
import { AuditQueryParams } from '../../protocol/admin/audit.ts';
import { MetadataPatch } from '../../protocol/admin/documents.ts';
import { ReindexRequest } from '../../protocol/admin/jobs.ts';
import { StatsQueryParams } from '../../protocol/admin/stats.ts';
import { createAdminIndexRouter, reportOverrides } from './admin-index.ts';
import type { Readiness } from '../readiness.ts';
import { keyPath, ownerOf, rootsOf } from '../../index/roots.ts';
import type { RootOrigin } from '../../index/manifest-file.ts';
import type { StoredDocument } from '../../index/index-state.ts';
import type { OpenIndex } from '../../index/open-index.ts';

export interface AdminDeps {
  config: Config;
  logger: Logger;
  indexes: IndexService;
  jobs: JobQueue;
  uploads: UploadStore;
  overrides: MetadataOverrides;
  audit: AuditSink;
  readiness: Readiness;
}

/** Why a document cannot be deleted through the admin API, by how its source came to the index. */
const NOT_DELETABLE_BECAUSE: Record<RootOrigin, string> = {
  shipped: 'Văn bản thuộc kho văn bản có sẵn (corpora/).',
  corpus_paths: 'Văn bản thuộc một nguồn được cấu hình trong CORPUS_PATHS.',
  cli: 'Văn bản được nạp bằng dòng lệnh (npm run ingest); quản trị hệ thống có thể gỡ cả nguồn đó (npm run ingest -- --remove).',
  legacy: 'Văn bản thuộc một nguồn được nạp từ trước khi chỉ mục ghi nhận nguồn.',
  upload: 'Văn bản thuộc thư mục tải lên.',
};

/** The 409 of a document that lives in a file the admin API does not manage, saying why. */
function notDeletable(index: OpenIndex, doc: StoredDocument): HttpError {
  const root = ownerOf(rootsOf(index.state.manifest, (id) => index.state.docs.get(id)), keyPath(doc.file));
  const why = root ? NOT_DELETABLE_BECAUSE[root.origin] : '';
  const record = extname(doc.file).toLowerCase() === '.jsonl' ? ' Đó là một bản ghi trong một tệp JSONL của nguồn này.' : '';
  return HttpError.of(409, 'NOT_DELETABLE', `${why}${record}`.trim() || undefined, root ? { origin: root.origin } : {});
}

const UPLOAD_MESSAGES = {
  LIMIT_FILE_SIZE: (mb: number) => `Tệp vượt quá dung lượng cho phép (tối đa ${mb} MB mỗi tệp).`,
  LIMIT_FILE_COUNT: (n: number) => `Mỗi lần chỉ tải lên tối đa ${n} tệp.`,
  NO_FILES: 'Chưa có tệp nào được gửi lên (trường “files”).',
  BAD_METADATA: 'Trường “metadata” phải là JSON hợp lệ.',
} as const;

/** HTTP status of an upload problem (anything else about the content is 422). */
const UPLOAD_STATUS: Partial<Record<string, number>> = {
  FILE_EXISTS: 409, DUPLICATE_NAME: 409, DOC_ID_TAKEN: 409, FILE_UNSUPPORTED: 415, FILE_TOO_LARGE: 413,
  FILE_NOT_FOUND: 404, NAME_INVALID: 400, NO_FILES: 400, METADATA_INVALID: 400, INVALID_ARGUMENT: 400,
};

/** Remove an uploaded file or answer 404 in Vietnamese. */
async function removeUpload(uploads: UploadStore, fileName: string): Promise<void> {
  const removed = await uploads.remove(fileName);
  if (!removed.ok) throw new HttpError(UPLOAD_STATUS[removed.code] ?? 404, removed.code, removed.message);
}

const CSV_COLUMNS: Array<[string, (r: AuditRecord) => unknown]> = [
  ['id', (r) => r.id], ['time', (r) => r.time], ['role', (r) => r.role], ['user', (r) => r.user],
  ['conversationId', (r) => r.conversationId], ['question', (r) => r.question], ['outcome', (r) => r.outcome],
  ['reason', (r) => r.reason], ['answerer', (r) => r.answerer], ['latencyMs', (r) => r.latencyMs],
  ['answerChars', (r) => r.answerChars], ['citations', (r) => r.citations.join(' ')],
  ['retrieved', (r) => r.retrieved.map((h) => `${h.docId}:${h.score}`).join(' ')],
  ['decisions', (r) => r.decisions.filter((d) => d.action !== 'allow').map((d) => `${d.guard}:${d.action}`).join(' ')],
  ['feedbackUseful', (r) => (r.feedback ? String(r.feedback.useful) : '')], ['feedbackComment', (r) => r.feedback?.comment],
];

export function createAdminRouter(deps: AdminDeps): express.Router {
  const { config, indexes, jobs, uploads, overrides } = deps;
  const router = express.Router();
  router.use(requireRole('admin'));
  router.use(auditAdminActions(deps));
  router.use(createAdminIndexRouter(deps));
  const uploadDir = resolve(config.UPLOAD_DIR);

  /**
   * A re-index for the caller; while one runs, another follows it (ReindexJobs.request).
   * `expected`: the documents the caller deleted, whose removal is asked for.
   */
  const startReindex = async (req: Request, expected: string[] = []): Promise<{ job: JobInfo; queued: boolean }> =>
    jobs.request({ user: callerOf(req).user }, expected.length ? { expectedRemovals: expected } : {});

  /** Ids of the served documents read from an uploaded file. */
  const documentsOfUpload = (fileName: string): string[] => {
    if (!indexes.ready) return [];
    const index = indexes.current;
    const abs = resolve(uploadDir, fileName);
    return Object.entries(index.state.manifest.files).filter(([key]) => keyPath(key) === abs).flatMap(([, e]) => e.docIds);
  };

  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: config.MAX_UPLOAD_MB * 1024 * 1024, files: config.MAX_UPLOAD_FILES, fields: 10, fieldSize: 64 * 1024, parts: config.MAX_UPLOAD_FILES + 10 },
  });
  const receiveFiles = (req: Request, res: Response) => new Promise<void>((resolveUpload, reject) => {
    if (!req.is('multipart/form-data')) return reject(HttpError.of(415, 'UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tệp dưới dạng multipart/form-data.'));
    upload.array('files', config.MAX_UPLOAD_FILES)(req, res, (err: unknown) => {
      if (!err) return resolveUpload();
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') return reject(new HttpError(413, 'FILE_TOO_LARGE', UPLOAD_MESSAGES.LIMIT_FILE_SIZE(config.MAX_UPLOAD_MB)));
      if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_PART_COUNT') return reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', UPLOAD_MESSAGES.LIMIT_FILE_COUNT(config.MAX_UPLOAD_FILES)));
      if (code?.startsWith('LIMIT_')) return reject(HttpError.of(400, 'BAD_REQUEST'));
      reject(HttpError.of(400, 'BAD_REQUEST', 'Nội dung multipart không đọc được.'));
    });
  });

  router.get('/uploads', async (_req, res) => {
    res.json({ files: await uploads.list() });
  });

  router.post('/documents', async (req, res) => {
    await receiveFiles(req, res);
    const files = (req.files ?? []) as Express.Multer.File[];
    if (files.length === 0) throw HttpError.of(400, 'BAD_REQUEST', UPLOAD_MESSAGES.NO_FILES);
    const body = req.body as Record<string, string | undefined>;
    let metadata: unknown;
    if (body.metadata !== undefined && body.metadata.trim() !== '') {
      try {
        metadata = JSON.parse(body.metadata);
      } catch {
        throw new HttpError(400, 'METADATA_INVALID', UPLOAD_MESSAGES.BAD_METADATA);
      }
    }
    const result = await uploads.save(files.map((f) => ({ originalname: f.originalname, buffer: f.buffer })), {
      ...(metadata !== undefined ? { metadata } : {}), replace: body.replace === 'true',
    });
    if (!result.ok) {
      const first = result.errors[0]!;
      throw new HttpError(UPLOAD_STATUS[first.code] ?? 422, first.code, `${first.message} ${result.message}`, { files: result.errors });
    }
    const reindex = body.reindex !== 'false';
    // Saved either way: with the queue away (Redis lost) the next job indexes the upload.
    const started = reindex
      ? await startReindex(req).catch((err: unknown) => {
        if (!(err instanceof JobQueueUnavailableError)) throw err;
        deps.logger.warn({ err: err.message }, 're-index after an upload not queued: job queue unreachable');
        return undefined;
      })
      : undefined;
    deps.logger.info({ files: result.saved.length, by: callerOf(req).user }, 'documents uploaded');
    res.status(201).json({ files: result.saved, ...(started ? { job: started.job, queued: started.queued } : {}) });
  });

  const uploadedFileOf = (file: string): string | undefined => {
    const rel = relative(uploadDir, resolve(file));
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : undefined;
  };

  // One document: its uploaded file, or — for a record of an uploaded JSONL file — that
  // record's lines only (the file is rewritten without them); others answer 409 with why.
  router.delete('/documents/:id', async (req, res) => {
    const index = indexes.current;
    const doc = index.document(String(req.params.id));
    if (!doc) throw HttpError.of(404, 'DOCUMENT_NOT_FOUND');
    const fileName = uploadedFileOf(doc.file);
    if (!fileName) throw notDeletable(index, doc);
    if (extname(fileName).toLowerCase() === '.jsonl') {
      const removed = await uploads.removeRecord(fileName, doc.sourceId);
      if (!removed.ok) throw new HttpError(removed.code === 'NAME_INVALID' ? 400 : 404, removed.code, removed.message);
      const { job, queued } = await startReindex(req, [doc.id]);
      deps.logger.info({ docId: doc.id, lines: removed.removedLines, fileRemoved: removed.fileRemoved, by: callerOf(req).user }, 'uploaded record deleted');
      res.status(202).json({ fileName, removed: removed.fileRemoved ? 'file' : 'record', lines: removed.removedLines, job, queued });
      return;
    }
    await removeUpload(uploads, fileName);
    const { job, queued } = await startReindex(req, [doc.id]);
    deps.logger.info({ docId: doc.id, by: callerOf(req).user }, 'uploaded document deleted');
    res.status(202).json({ fileName, removed: 'file', job, queued });
  });

  router.delete('/uploads/:fileName', async (req, res) => {
    const expected = documentsOfUpload(String(req.params.fileName));
    await removeUpload(uploads, String(req.params.fileName));
    const { job, queued } = await startReindex(req, expected);
    res.status(202).json({ fileName: req.params.fileName, job, queued });
  });

  router.patch('/documents/:id', async (req, res) => {
    const patch = parse(MetadataPatch, req.body);
    const index = indexes.current;
    const id = String(req.params.id);
    if (!index.document(id)) throw HttpError.of(404, 'DOCUMENT_NOT_FOUND');
    // Failed closed: nothing is written over the damaged file until it is repaired.
    if (overrides.health.mode === 'closed') throw new HttpError(409, 'OVERRIDES_CORRUPT', overrides.health.message ?? '', { overrides: overrides.health });
    await overrides.set(id, patch, callerOf(req).user);
    reportOverrides(deps.readiness, overrides);
    const doc = index.document(id)!;
    deps.logger.info({ docId: id, fields: Object.keys(patch), by: callerOf(req).user }, 'document metadata changed');
    res.json({
      ...summaryOf(doc, true),
      ...(doc.supersedes?.length ? { supersedes: doc.supersedes } : {}),
      ...(doc.effectiveDate ? { effectiveDate: doc.effectiveDate } : {}),
    });
  });

  addLinkRoutes(router, { indexes, overrides });

  router.post('/reindex', async (req, res) => {
    const body = parse(ReindexRequest, req.body ?? {});
    try {
      const job = await jobs.start({ user: callerOf(req).user }, { ...(body.rebuild ? { rebuild: true } : {}), ...(body.allowRemoval ? { allowRemoval: true } : {}) });
      res.status(202).json({ job });
    } catch (err) {
      if (err instanceof JobConflictError) throw new HttpError(409, err.code, err.userMessage, { job: err.running });
      throw err;
    }
  });

  router.get('/jobs', async (_req, res) => {
    res.json({ jobs: await jobs.list() });
  });

  router.get('/jobs/:id', async (req, res) => {
    const job = await jobs.get(String(req.params.id));
    if (!job) throw HttpError.of(404, 'NOT_FOUND');
    res.json(job);
  });

  router.delete('/jobs/:id', async (req, res) => {
    const job = await jobs.get(String(req.params.id));
    if (!job || (job.status !== 'running' && job.status !== 'queued')) throw HttpError.of(404, 'NOT_FOUND');
    res.json(await jobs.cancel(job.id) ?? await jobs.get(job.id));
  });

  router.get('/audit', async (req, res) => {
    const q = parse(AuditQueryParams, req.query);
    const { format, ...query } = q;
    const records = deps.audit.query(query);
    if (format === 'json') {
      const list: AuditRecord[] = [];
      for await (const r of records) list.push(r);
      res.json({ records: list });
      return;
    }
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="nhat-ky-${new Date().toISOString().slice(0, 10)}.csv"`);
    // A BOM so that spreadsheet programs read the Vietnamese text as UTF-8.
    res.write(`\uFEFF${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`);
    for await (const r of records) {
      if (!res.write(`${CSV_COLUMNS.map(([, get]) => csvCell(get(r))).join(',')}\r\n`)) {
        await new Promise((r2) => res.once('drain', r2));
      }
    }
    res.end();
  });

  router.get('/stats', async (req, res) => {
    const q = parse(StatsQueryParams, req.query);
    const stats = await deps.audit.stats(q);
    res.json({ ...stats, topDocuments: withTitles(indexes, stats.topDocuments) });
  });

  addAdminActionRoutes(router, deps);
  addFeedbackRoutes(router, deps);

  return router;
}
