/**
 * The express application: request logs and metrics, security headers, health and
 * metrics, then the API under /api (CORS allowlist, bearer token → role, rate limit, JSON
 * bodies) with its routers by resource: chat, search, documents, feedback, and the admin
 * and drafting routers built by the composition root. Contracts in DESIGN.md; the OpenAPI
 * description is built from the schemas of protocol/ (server/http/openapi.ts).
 */
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { keyPseudonym, RateLimitLog } from './rate-limit-log.ts';
import type { Config } from '../../config/config.ts';
import type { AuditSink } from '../../core/audit/types.ts';
import type { Assistant } from '../assistant.ts';
import type { TokenStore } from '../auth/tokens.ts';
import type { ChatUseCase } from '../chat-use-case.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { IndexService } from '../index-service.ts';
import type { Lifecycle } from '../lifecycle.ts';
import type { Readiness } from '../readiness.ts';
import { createChatRouter } from './chat.ts';
import { createDocumentsRouter } from './documents.ts';
import { HttpError } from './errors.ts';
import { createFeedbackRouter } from './feedback.ts';
import { createHealthRouter } from './health.ts';
import type { Metrics } from './metrics.ts';
import { authenticate, callerOf, corsAllowlist, errorHandler, rateKey, requireJson } from './middleware.ts';
import { budgetedRateLimit } from './rate-budgets.ts';
import type { Limits } from './rate-limit.ts';
import { createSearchRouter } from './search.ts';

/** Everything the routes need; built by the composition root (server/server.ts). */
export interface AppDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  indexes: IndexService;
  assistant: Assistant;
  /** The chat exchange REST and socket.io share. */
  chat: ChatUseCase;
  tokens: TokenStore;
  limits: Limits;
  /** Where refused requests are logged, sampled (default: one of this app's own). */
  rateLog?: RateLimitLog;
  audit: AuditSink;
  lifecycle: Lifecycle;
  /** Problems /readyz reports. */
  readiness?: Readiness;
  openapi: () => object;
  /** Admin routes, mounted under /api/admin. */
  admin?: express.Router;
  /** Drafting routes (officials), mounted under /api. */
  drafts?: express.Router;
  /** What the nodes share, when this server is one node of several (its health shows in /readyz). */
  cluster?: Pick<Cluster, 'health'>;
}

export function createApp(deps: AppDeps): express.Express {
  const { config, logger, metrics } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('etag', false);

  // Request logs carry method, route, status and timing; never bodies, query strings or headers.
  app.use(pinoHttp({
    logger,
    quietReqLogger: true,
    // 429s are logged sampled (rate-limit-log.ts), not one line each.
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode === 429 ? 'silent' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  }));
  const rateLog = deps.rateLog ?? new RateLimitLog(logger, { pseudonym: keyPseudonym((k) => deps.tokens.pseudonym(k)) });
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      if (res.statusCode === 429) rateLog.refused(rateKey(callerOf(req)).key, { channel: 'rest', code: String(res.locals.errorCode ?? 'RATE_LIMITED'), path: req.originalUrl.split('?')[0] });
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
  app.use(createHealthRouter(deps));
  app.get('/api/openapi.json', (_req, res) => {
    res.json(deps.openapi());
  });

  const api = express.Router();
  api.use(corsAllowlist(config.CORS_ORIGINS));
  api.use(authenticate(deps.tokens, deps.limits.authFailures, metrics));
  api.use(budgetedRateLimit(deps.limits, metrics));
  api.use(requireJson());
  api.use(express.json({ limit: `${config.JSON_BODY_LIMIT_KB}kb`, strict: true }));

  api.use(createSearchRouter(deps));
  api.use(createChatRouter(deps));
  api.use(createFeedbackRouter(deps));
  api.use(createDocumentsRouter(deps));
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
