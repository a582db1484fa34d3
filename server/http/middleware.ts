/**
 * Cross-cutting HTTP concerns: who is asking (bearer token → role), per-client rate
 * limits, the CORS allowlist, request ids and the error handler. Each is a small
 * express middleware built from the server's dependencies.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Role } from '../../core/answer/types.ts';
import type { TokenStore } from '../auth/tokens.ts';
import { errorResponse, HttpError } from './errors.ts';
import type { Metrics } from './metrics.ts';
import type { Limits, RateDecision, RateLimit } from './rate-limit.ts';

/** Who is asking, set by `authenticate`. */
export interface Caller {
  role: Role;
  /** Pseudonymous user id (HMAC of the token) or `anonymous`. */
  user: string;
  ip: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

export function callerOf(req: Request): Caller {
  return req.caller ?? { role: 'citizen', user: 'anonymous', ip: req.ip ?? 'unknown' };
}

/** Failed token checks per client IP and minute (with a burst of as many) before the IP's tokens are refused unchecked. */
export const AUTH_FAILURES_PER_MINUTE = 10;

const AUTH_ERRORS = { MISSING: 'UNAUTHORIZED', INVALID: 'UNAUTHORIZED', EXPIRED: 'TOKEN_EXPIRED' } as const;

/** The 429 of a client whose failed-token budget is spent: one more check is allowed after a refill. */
function authThrottled(failures: RateLimit): HttpError {
  const retryAfterSec = Math.max(1, Math.ceil(60 / failures.limitPerMinute));
  return HttpError.of(429, 'TOO_MANY_AUTH_FAILURES', `(Thử lại sau ${retryAfterSec} giây.)`, { retryAfterSec });
}

/**
 * Who a bearer token (or none) makes the caller. Errors come back as HttpErrors: 401 for
 * a bad token (never a silent downgrade to citizen) and 429 TOO_MANY_AUTH_FAILURES once
 * the client IP has spent its budget of failed checks — in every token mode (env tokens,
 * token file) and for every token, a correct one included: answering a correct token
 * differently would tell a guesser when it found one. The lock lasts while the IP keeps
 * failing; one check comes back every 60 / AUTH_FAILURES_PER_MINUTE seconds
 * (docs/OPERATIONS.md). Requests without a token are never refused here.
 */
export async function resolveCaller(tokens: TokenStore, failures: RateLimit, header: string | undefined, ip: string): Promise<Caller | HttpError> {
  if (header === undefined) return { role: 'citizen', user: 'anonymous', ip };
  const ipKey = `ip:${ip}`;
  // Asked before the check (the limit may be shared by the nodes, an await away).
  if (!await failures.wouldAllow(ipKey)) return authThrottled(failures);
  const auth = await tokens.authenticate(header);
  if (!('error' in auth)) return { role: auth.role, user: auth.user, ip };
  if (auth.error === 'THROTTLED') return authThrottled(failures);
  await failures.take(ipKey);
  return HttpError.of(401, AUTH_ERRORS[auth.error]);
}

export function authenticate(tokens: TokenStore, failures: RateLimit, metrics?: Metrics): RequestHandler {
  return (req, res, next) => {
    resolveCaller(tokens, failures, req.get('authorization'), req.ip ?? 'unknown').then((caller) => {
      if (caller instanceof HttpError) {
        if (caller.status === 429) {
          metrics?.rateLimited.inc({ channel: 'rest' });
          res.setHeader('Retry-After', String(caller.extra.retryAfterSec));
        }
        return next(caller);
      }
      req.caller = caller;
      next();
    }, next);
  };
}

/** Only these roles may pass; citizens get 401 (they could log in), others 403. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const { role } = callerOf(req);
    if (roles.includes(role)) return next();
    next(role === 'citizen' ? HttpError.of(401, 'UNAUTHORIZED') : HttpError.of(403, 'FORBIDDEN'));
  };
}

/** The rate-limit key of a caller: per token when there is one, else per IP. */
export function rateKey(caller: Caller): { key: string; perToken: boolean } {
  return caller.user !== 'anonymous' ? { key: `user:${caller.user}`, perToken: true } : { key: `ip:${caller.ip}`, perToken: false };
}

/**
 * Charge one request to the caller's bucket — the same buckets for REST and socket.io, so
 * a client cannot double its budget by switching transport. `refusal` is the 429 to send
 * when the bucket is empty (counted in the metrics under `channel`).
 */
export async function chargeCaller(limits: Pick<Limits, 'perIp' | 'perToken'>, caller: Caller, metrics: Metrics, channel: 'rest' | 'socket'): Promise<{ limiter: RateLimit; decision: RateDecision; refusal?: HttpError }> {
  const { key, perToken } = rateKey(caller);
  const limiter = perToken ? limits.perToken : limits.perIp;
  const decision = await limiter.take(key);
  if (decision.allowed) return { limiter, decision };
  metrics.rateLimited.inc({ channel });
  return { limiter, decision, refusal: HttpError.of(429, 'RATE_LIMITED', `(Thử lại sau ${decision.retryAfterSec} giây.)`, { retryAfterSec: decision.retryAfterSec }) };
}

export function rateLimit(limits: Pick<Limits, 'perIp' | 'perToken'>, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    chargeCaller(limits, callerOf(req), metrics, 'rest').then(({ limiter, decision, refusal }) => {
      res.setHeader('RateLimit-Limit', String(limiter.limitPerMinute));
      res.setHeader('RateLimit-Remaining', String(decision.remaining));
      if (!refusal) return next();
      res.setHeader('Retry-After', String(decision.retryAfterSec));
      next(refusal);
    }, next);
  };
}

/**
 * Cross-origin requests only from the portals that embed the widget. Same-origin requests
 * (the demo page) always pass. A disallowed origin is refused outright (403), not merely
 * left without CORS headers, so a simple form POST from another site does nothing either.
 */
export function corsAllowlist(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins.map((o) => new URL(o).origin));
  return (req, res, next) => {
    const origin = req.get('origin');
    if (!origin) return next();
    const self = `${req.protocol}://${req.get('host')}`;
    if (origin !== self && !allowed.has(origin)) return next(HttpError.of(403, 'CORS_FORBIDDEN'));
    if (origin !== self) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After, RateLimit-Limit, RateLimit-Remaining, Content-Disposition');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

/**
 * Request bodies are JSON (or multipart for uploads, parsed by that route): any other
 * body is 415 before parsing. An empty body passes (`req.is` is null without one).
 */
export function requireJson(): RequestHandler {
  return (req, _res, next) => {
    if (req.get('content-length') === '0' || req.is(['application/json', 'multipart/form-data']) !== false) return next();
    next(HttpError.of(415, 'UNSUPPORTED_MEDIA_TYPE'));
  };
}

/** Translate body-parser failures into the API's own errors. */
function bodyParserError(err: unknown): HttpError | undefined {
  const type = (err as { type?: string }).type;
  if (type === 'entity.parse.failed') return HttpError.of(400, 'BAD_JSON');
  if (type === 'entity.too.large') return HttpError.of(413, 'PAYLOAD_TOO_LARGE');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return HttpError.of(415, 'UNSUPPORTED_MEDIA_TYPE');
  if (type === 'request.aborted') return HttpError.of(400, 'BAD_REQUEST');
  return undefined;
}

/** The last middleware: every error becomes `{ ok: false, code, message }`; internals are logged, not sent. */
export function errorHandler(logger: Logger): (err: unknown, req: Request, res: Response, next: NextFunction) => void {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const mapped = bodyParserError(err) ?? err;
    const { status, body, internal } = errorResponse(mapped);
    if (internal) logger.error({ err, route: req.route?.path ?? req.path, method: req.method }, 'request failed');
    // For the request's log and audit hooks (rate-limit-log.ts, admin-audit.ts).
    res.locals.errorCode = body.code;
    res.status(status).json(body);
  };
}
