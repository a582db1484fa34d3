/**
 * Probes and scrapes, mounted at the root without auth or rate limits: `/healthz` (the
 * process is alive), `/readyz` (an index is served and no shutdown has begun) and
 * `/metrics` (Prometheus text, behind METRICS_TOKEN when it is set).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { Config } from '../../config/config.ts';
import type { IndexService } from '../index-service.ts';
import type { Lifecycle } from '../lifecycle.ts';
import type { Readiness } from '../readiness.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { HttpError } from './errors.ts';
import type { Metrics } from './metrics.ts';
import type { Limits } from './rate-limit.ts';

export interface HealthDeps {
  config: Pick<Config, 'METRICS_TOKEN'>;
  indexes: IndexService;
  lifecycle: Lifecycle;
  metrics: Metrics;
  /** Problems that make the server degraded or say why it is not ready. */
  readiness?: Readiness;
  /** A node of a cluster: degraded (still answering) while Redis is away. */
  cluster?: Pick<Cluster, 'health'>;
  /** Failed METRICS_TOKEN checks count against the same per-IP budget as API tokens. */
  limits?: Pick<Limits, 'authFailures'>;
}

/** Constant-time comparison of two secrets (their digests have equal length whatever the input). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (x: string) => createHash('sha256').update(x).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function createHealthRouter(deps: HealthDeps): express.Router {
  const { config, indexes, lifecycle, metrics } = deps;
  const router = express.Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // 200 while an index is served ("degraded" when something needs an operator); 503 before
  // one is, with the reason when one is known, and during shutdown.
  router.get('/readyz', (_req, res) => {
    const problems = (deps.readiness?.list() ?? []).map(({ code, message, since }) => ({ code, message, since }));
    if (lifecycle.shuttingDown) {
      res.status(503).json({ ok: false, code: 'SHUTTING_DOWN', message: HttpError.of(503, 'SHUTTING_DOWN').userMessage });
    } else if (!indexes.ready) {
      const why = problems[0];
      res.status(503).json(why
        ? { ok: false, code: why.code, message: why.message, problems }
        : { ok: false, code: 'NOT_READY', message: HttpError.of(503, 'NOT_READY').userMessage });
    } else {
      const index = indexes.current;
      // A node of a cluster is degraded (still answering) while Redis is away.
      const all = deps.cluster?.health ? [...problems, deps.cluster.health] : problems;
      res.json({
        status: all.length ? 'degraded' : 'ready',
        index: { version: index.version, documents: index.state.docs.size, chunks: index.state.chunks.size },
        ...(all.length ? { problems: all } : {}),
      });
    }
  });

  router.get('/metrics', async (req, res) => {
    if (config.METRICS_TOKEN) {
      const failures = deps.limits?.authFailures;
      const ipKey = `ip:${req.ip ?? 'unknown'}`;
      if (failures && !await failures.wouldAllow(ipKey)) {
        const retryAfterSec = Math.max(1, Math.ceil(60 / failures.limitPerMinute));
        metrics.rateLimited.inc({ channel: 'rest' });
        res.setHeader('Retry-After', String(retryAfterSec));
        throw HttpError.of(429, 'TOO_MANY_AUTH_FAILURES', `(Thử lại sau ${retryAfterSec} giây.)`, { retryAfterSec });
      }
      if (!sameSecret(req.get('authorization') ?? '', `Bearer ${config.METRICS_TOKEN}`)) {
        await failures?.take(ipKey);
        throw HttpError.of(401, 'UNAUTHORIZED');
      }
    }
    const text = await metrics.registry.metrics();
    res.type(metrics.registry.contentType).send(text);
  });

  return router;
}
