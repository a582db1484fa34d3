/**
 * The express application: public routes (search, chat, documents, feedback), admin
 * routes (uploads, metadata, re-index jobs, audit trail, usage statistics), health and
 * metrics. Contracts in DESIGN.md; the OpenAPI description is built from the same
 * schemas (server/http/openapi.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { z } from 'zod';
import { visibleTo } from '../../core/answer/scope.ts';
import type { AuditSink } from '../../core/audit/types.ts';
import type { StoredChunk, StoredDocument } from '../../ingest/store/index-state.ts';
import type { OpenIndex } from '../../ingest/store/open-index.ts';
import { foldDiacritics } from '../../core/text/fold.ts';
import { redactPersonalData } from '../../core/guard/pii.ts';
import type { Assistant } from '../assistant.ts';
import type { TokenStore } from '../auth/tokens.ts';
import type { ServerConfig } from '../config.ts';
import type { IndexService } from '../index-service.ts';
import { HttpError } from './errors.ts';
import type { Metrics } from './metrics.ts';
import { authenticate, callerOf, corsAllowlist, errorHandler, rateLimit, requireJson } from './middleware.ts';
import type { Limits } from './rate-limit.ts';
import { ChatRequest, describeIssues, DocumentListQuery, FeedbackRequest, SearchRequest } from './schemas.ts';

/** Everything the routes need; built by the composition root (server/server.ts). */
export interface AppDeps {
  config: ServerConfig;
  logger: Logger;
  metrics: Metrics;
  indexes: IndexService;
  assistant: Assistant;
  tokens: TokenStore;
  limits: Limits;
  audit: AuditSink;
  lifecycle: Lifecycle;
  openapi: () => object;
  /** Admin routes, mounted under /api/admin. */
  admin?: express.Router;
  /** Drafting routes (officials), mounted under /api. */
  drafts?: express.Router;
}

/** In-flight answers and the shutdown flag, shared with socket.io and the shutdown. */
export class Lifecycle {
  shuttingDown = false;
  private inFlight = 0;
  private waiters: Array<() => void> = [];

  /** Run one answer, counted so a shutdown can wait for it. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    if (this.shuttingDown) throw HttpError.of(503, 'SHUTTING_DOWN');
    this.inFlight++;
    try {
      return await work();
    } finally {
      if (--this.inFlight === 0) for (const w of this.waiters.splice(0)) w();
    }
  }

  get active(): number {
    return this.inFlight;
  }

  /** Resolves when no answer is in flight, or after `ms`. Returns whether it drained. */
  drain(ms: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** Parse with a schema or answer 400 with the first problem in Vietnamese. */
export function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw HttpError.of(400, 'BAD_REQUEST', describeIssues(r.error));
  return r.data;
}

/** Constant-time comparison of two secrets (their digests have equal length whatever the input). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (x: string) => createHash('sha256').update(x).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The list/detail view of a document. `forAdmin` adds how its text was obtained (pages,
 * OCR'd pages, confidence, warnings): what the console shows per file.
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

export function createApp(deps: AppDeps): express.Express {
  const { config, logger, metrics, indexes, assistant, lifecycle } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('etag', false);

  // Request logs carry method, route, status and timing; never bodies, query strings or headers.
  app.use(pinoHttp({
    logger,
    quietReqLogger: true,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  }));
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route });
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  });
  app.use(helmet({
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'self'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  }));

  // Health, readiness and metrics: no auth, no rate limit (probes and scrapers poll them).
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    if (lifecycle.shuttingDown) {
      res.status(503).json({ ok: false, code: 'SHUTTING_DOWN', message: HttpError.of(503, 'SHUTTING_DOWN').userMessage });
    } else if (!indexes.ready) {
      res.status(503).json({ ok: false, code: 'NOT_READY', message: HttpError.of(503, 'NOT_READY').userMessage });
    } else {
      const index = indexes.current;
      res.json({ status: 'ready', index: { version: index.version, documents: index.state.docs.size, chunks: index.state.chunks.size } });
    }
  });
  app.get('/metrics', (req, res) => {
    if (config.METRICS_TOKEN && !sameSecret(req.get('authorization') ?? '', `Bearer ${config.METRICS_TOKEN}`)) throw HttpError.of(401, 'UNAUTHORIZED');
    return metrics.registry.metrics().then((text) => {
      res.type(metrics.registry.contentType).send(text);
    });
  });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(deps.openapi());
  });

  const api = express.Router();
  api.use(corsAllowlist(config.CORS_ORIGINS));
  api.use(authenticate(deps.tokens, deps.limits.authFailures));
  api.use(rateLimit(deps.limits, metrics));
  api.use(requireJson());
  api.use(express.json({ limit: `${config.JSON_BODY_LIMIT_KB}kb`, strict: true }));

  api.post('/search', async (req, res) => {
    const body = parse(SearchRequest, req.body);
    const { role } = callerOf(req);
    indexes.assertReady();
    res.json(await lifecycle.track(() => assistant.search(body, role)));
  });

  api.post('/chat', async (req, res) => {
    const body = parse(ChatRequest, req.body);
    const { role, user } = callerOf(req);
    indexes.assertReady();
    const started = performance.now();
    // Stop answering when the client has gone or the answer takes too long (an LLM would keep generating).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.REQUEST_TIMEOUT_MS);
    res.once('close', () => controller.abort());
    try {
      const response = await lifecycle.track(() => assistant.chat(body, { role, user }, undefined, controller.signal));
      metrics.answerDuration.observe({ channel: 'rest' }, (performance.now() - started) / 1000);
      res.json(response);
    } catch (err) {
      throw controller.signal.aborted && !(err instanceof HttpError) ? HttpError.of(504, 'TIMEOUT') : err;
    } finally {
      clearTimeout(timer);
    }
  });

  api.post('/feedback', async (req, res) => {
    const body = parse(FeedbackRequest, req.body);
    const comment = body.comment === undefined ? undefined : redactPersonalData(body.comment).text.trim();
    try {
      await deps.audit.recordFeedback(body.exchangeId, { useful: body.useful, ...(comment ? { comment } : {}) });
    } catch {
      throw HttpError.of(404, 'NOT_FOUND');
    }
    res.status(204).end();
  });

  api.get('/documents', (req, res) => {
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

  api.get('/documents/:id', (req, res) => {
    const index = indexes.current;
    const doc = visibleDocument(index, req);
    res.json({
      ...summaryOf(doc, callerOf(req).role === 'admin'),
      ...(doc.effectiveDate ? { effectiveDate: doc.effectiveDate } : {}),
      ...(doc.supersedes?.length ? { supersedes: doc.supersedes } : {}),
      ...(doc.extra ? { extra: doc.extra } : {}),
      sections: index.chunksOf(doc.id).map((c) => sectionOf(c as StoredChunk)),
    });
  });

  api.get('/documents/:id/chunks/:ordinal', (req, res) => {
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

  if (deps.admin) api.use('/admin', deps.admin);
  if (deps.drafts) api.use(deps.drafts);

  api.use((_req, _res, next) => next(HttpError.of(404, 'NOT_FOUND')));
  app.use('/api', api);
  return app;
}

/** The 404 and error handlers, added after any routes mounted by others (the web pages). */
export function finishApp(app: express.Express, logger: Logger): void {
  app.use((_req, _res, next) => next(HttpError.of(404, 'NOT_FOUND')));
  app.use(errorHandler(logger));
}
