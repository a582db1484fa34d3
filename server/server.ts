/**
 * The composition root: builds every part of the server from the configuration, starts
 * listening, and shuts down gracefully (answers in flight finish, then sockets, jobs and
 * the audit trail close).
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Server as SocketServer } from 'socket.io';
import { Assistant } from './assistant.ts';
import { createAnswerer } from './answer/create-answerer.ts';
import { JsonlAuditSink } from './audit/jsonl-audit.ts';
import { TokenStore } from './auth/tokens.ts';
import type { Config } from '../config/config.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { IndexService } from './index-service.ts';
import { createApp, finishApp } from './http/app.ts';
import { Lifecycle } from './lifecycle.ts';
import { ChatUseCase } from './chat-use-case.ts';
import { Metrics } from './http/metrics.ts';
import { buildOpenApi } from './http/openapi.ts';
import { AUTH_FAILURES_PER_MINUTE } from './http/middleware.ts';
import { createAdminRouter } from './http/admin.ts';
import { attachSocketServer } from './socket.ts';
import { AnswerPool } from './answer/pool/answer-pool.ts';
import { LlmDraftWriter } from './drafting/llm-body.ts';
import type { OpenIndex } from '../index/open-index.ts';
import { ReindexJobs } from './jobs/reindex-jobs.ts';
import { UploadStore } from './admin/uploads.ts';
import { MetadataOverrides } from './admin/metadata-overrides.ts';
import { pagesRouter } from './http/pages.ts';
import { createDraftsRouter } from './http/drafts.ts';
import { createCluster, type Cluster } from './cluster/cluster.ts';
import { followAnnouncements } from './cluster/follow-announcements.ts';
import { DraftService } from './drafting/service.ts';

/** Vietnam is UTC+7 all year: audit files and daily statistics follow its calendar days. */
const VIETNAM_OFFSET_MINUTES = 420;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly http: HttpServer;
  readonly io: SocketServer;
  readonly indexes: IndexService;
  readonly jobs: ReindexJobs;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** What this node shares with the others (one process: nothing). */
  readonly cluster: Cluster;
  /** The answer workers, when ANSWER_WORKERS > 0. */
  readonly pool: AnswerPool | undefined;
  /** Graceful shutdown; resolves when everything is closed. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Start a re-index job of the configured corpora once listening (what `npm start` does). */
  ingestOnStart?: boolean;
  logger?: Logger;
}

/** Ingest inputs of every job: the shipped corpus, admin uploads, then CORPUS_PATHS. */
export function ingestInputs(config: Pick<Config, 'UPLOAD_DIR' | 'CORPUS_PATHS'>): string[] {
  return [join(REPO_ROOT, 'corpora'), resolve(config.UPLOAD_DIR), ...config.CORPUS_PATHS.map((p) => resolve(p))];
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const logger = opts.logger ?? pino({
    level: config.LOG_LEVEL,
    base: { service: 'tro-ly-ao' },
    // Defence in depth: nothing logs headers, but a stray one must not leak a token.
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.authorization', '*.token', '*.apiKey'],
  });
  // Everything the nodes of a cluster share is chosen here, once (REDIS_URL).
  const cluster = await createCluster(config, logger);
  const metrics = new Metrics(cluster.nodeId ? { node: cluster.nodeId } : {});
  let secret = config.SERVER_SECRET;
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    logger.warn('SERVER_SECRET is not set: user pseudonyms in the audit trail change at every restart');
  }
  const tokens = await TokenStore.load({
    serverSecret: secret,
    ...(config.TOKENS_FILE ? { file: config.TOKENS_FILE } : {}),
    ...(config.ASSISTANT_TOKENS ? { envTokens: config.ASSISTANT_TOKENS } : {}),
  });
  // In a cluster each node appends to its own files of the shared AUDIT_DIR; reads merge them all.
  const audit = new JsonlAuditSink({
    dir: config.AUDIT_DIR, dayOffsetMinutes: VIETNAM_OFFSET_MINUTES, retentionDays: config.AUDIT_RETENTION_DAYS,
    ...(cluster.nodeId ? { node: cluster.nodeId } : {}),
  });
  await audit.prune().catch((err: unknown) => logger.warn({ err }, 'audit prune failed'));
  const pruneTimer = setInterval(() => void audit.prune().catch((err: unknown) => logger.warn({ err }, 'audit prune failed')), 24 * 3_600_000);
  pruneTimer.unref();

  await mkdir(config.UPLOAD_DIR, { recursive: true });
  await mkdir(config.STATE_DIR, { recursive: true });
  const uploads = new UploadStore(config.UPLOAD_DIR);
  // Every node reloads the file when one of them changes it.
  const overrides = new MetadataOverrides(join(config.STATE_DIR, 'metadata-overrides.json'), cluster.mode === 'redis'
    ? { onSaved: () => void cluster.announcer.publish({ type: 'overrides-changed' }) }
    : {});
  const overridesLoaded = await overrides.load();
  // A corrupt overrides file was set aside: documents an admin made internal are public again until it is restored.
  if (overridesLoaded.warning) logger.error({ warning: overridesLoaded.warning, setAsideTo: overridesLoaded.setAsideTo }, 'metadata overrides reset');

  // Answer workers only for the extractive answerer: an LLM's time is spent waiting, not computing.
  const pool = config.ANSWER_WORKERS > 0 && !config.llm ? new AnswerPool({ size: config.ANSWER_WORKERS, overrides, logger }) : undefined;
  const indexes = new IndexService({
    indexDir: config.INDEX_DIR,
    view: (doc) => overrides.effective(doc),
    logger,
    ...(pool ? { beforeServe: (index: OpenIndex) => pool.load(config.INDEX_DIR, index.version) } : {}),
    onServed: (index) => {
      overrides.useIndex(index.state.docs.values());
      metrics.indexServed(index.version, index.state.docs.size, index.state.chunks.size);
    },
  });
  try {
    await indexes.load();
  } catch (err) {
    // No index yet (fresh clone) or an unreadable one: serve health, report not ready, let a job build it.
    logger.warn({ code: (err as { code?: string }).code }, 'no index served yet');
  }

  const jobs = new ReindexJobs({
    indexDir: config.INDEX_DIR,
    inputs: () => ingestInputs(config),
    stateFile: join(config.STATE_DIR, 'jobs.json'),
    timeoutMs: config.REINDEX_TIMEOUT_MS,
    // New versions are built with the configured embedder, like `npm run ingest`.
    embedder: config.embedder,
  });
  await jobs.init();

  const assistant = new Assistant(() => indexes.current, pool ?? createAnswerer(config.llm), {
    audit,
    observe: (record) => metrics.exchanged(record),
    conversations: cluster.conversations,
  });
  const lifecycle = new Lifecycle();
  const chat = new ChatUseCase({ assistant, indexes, lifecycle, metrics, timeoutMs: config.REQUEST_TIMEOUT_MS });
  const limits = {
    perIp: cluster.rateLimit('ip', config.RATE_LIMIT_PER_IP),
    perToken: cluster.rateLimit('token', config.RATE_LIMIT_PER_TOKEN),
    authFailures: cluster.rateLimit('auth-failures', AUTH_FAILURES_PER_MINUTE, AUTH_FAILURES_PER_MINUTE),
  };
  const admin = createAdminRouter({ config, logger, indexes, jobs, uploads, overrides, audit });
  const drafts = createDraftsRouter({
    drafts: new DraftService({
      corpus: () => indexes.current, audit, dir: join(config.STATE_DIR, 'drafts'),
      ...(config.llm ? { writer: new LlmDraftWriter(config.llm) } : {}),
    }),
    indexes, lifecycle,
  });
  const app = createApp({
    config, logger, metrics, indexes, assistant, chat, tokens, limits, audit, lifecycle, admin, drafts, cluster,
    openapi: buildOpenApi,
  });
  // The demo portal, the admin console, the source view and the widget bundle.
  app.use(pagesRouter());
  finishApp(app, logger);

  // Node checks both timeouts only every connectionsCheckingInterval (30 s by default): a slow client would outlive them.
  const http = createServer({ requestTimeout: config.REQUEST_TIMEOUT_MS, headersTimeout: Math.min(config.REQUEST_TIMEOUT_MS, 20_000), connectionsCheckingInterval: 1_000 }, app);
  http.keepAliveTimeout = 5_000;
  const io = attachSocketServer(http, { config, logger, metrics, chat, tokens, limits, cluster });

  jobs.on('update', (job) => io.to('admin').emit('job', job));
  jobs.on('succeeded', (job) => {
    metrics.reindexRuns.inc({ status: 'succeeded' });
    if (!job.summary?.published) return;
    // Every node (this one included) serves the new version when it hears of it.
    void cluster.announcer.publish({ type: 'index-published', version: job.summary.version ?? '' });
  });
  const stopFollowing = followAnnouncements({ cluster, indexes, overrides, logger });
  jobs.on('failed', (job, detail) => {
    metrics.reindexRuns.inc({ status: 'failed' });
    logger.warn({ job: job.id, code: job.error?.code, detail }, 're-index job failed; the previous index keeps serving');
  });

  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(config.PORT, config.HOST, () => resolveListen());
  });
  const { port } = http.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url, tokens: tokens.size, index: indexes.version ?? null }, 'server listening');

  if (opts.ingestOnStart) {
    try {
      jobs.start({ user: 'system' });
    } catch (err) {
      logger.warn({ err }, 'start-up re-index not started');
    }
  }

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= (async () => {
    lifecycle.shuttingDown = true;
    logger.info({ inFlight: lifecycle.active }, 'shutting down');
    // Stop accepting connections, let answers in flight finish, then close what is left.
    const httpClosed = new Promise<void>((r) => http.close(() => r()));
    const drained = await lifecycle.drain(config.SHUTDOWN_GRACE_MS);
    if (!drained) logger.warn({ inFlight: lifecycle.active }, 'shutdown grace elapsed with answers in flight');
    await new Promise<void>((r) => void io.close(() => r()));
    http.closeAllConnections();
    await httpClosed;
    await jobs.close();
    await pool?.close();
    await audit.close();
    for (const limiter of Object.values(limits)) limiter.close();
    stopFollowing();
    await cluster.close();
    clearInterval(pruneTimer);
    logger.info('shut down');
  })());

  return { url, port, http, io, indexes, jobs, metrics, logger, cluster, pool, close };
}
