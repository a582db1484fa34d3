/**
 * The composition root: builds every part of the server from the configuration, starts
 * listening, and shuts down gracefully (answers in flight finish, then sockets, jobs and
 * the audit trail close).
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Server as SocketServer } from 'socket.io';
import { Assistant } from './assistant.ts';
import { createAnswerer } from './answer/create-answerer.ts';
import { JsonlAuditSink } from './audit/jsonl-audit.ts';
import { TokenStore } from './auth/tokens.ts';
import type { Config } from '../config/config.ts';
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
import { UploadStore } from './admin/uploads.ts';
import { MetadataOverrides } from './admin/metadata-overrides.ts';
import { pagesRouter } from './http/pages.ts';
import { Readiness } from './readiness.ts';
import { checkUploads, withIndexConflicts } from './admin/upload-check.ts';
import { DEFAULT_MAX_BYTES } from '../ingest/loaders/index.ts';
import { checkIndexDir } from '../ingest/store/index-dir.ts';
import { ingestInputs } from './ingest-inputs.ts';
import { rootId, rootsOf } from '../index/roots.ts';
import { createDraftsRouter } from './http/drafts.ts';
import { createCluster, type Cluster } from './cluster/cluster.ts';
import type { JobQueue } from './cluster/ports.ts';
import { followAnnouncements } from './cluster/follow-announcements.ts';
import { DraftService } from './drafting/service.ts';
import { keyPseudonym, RateLimitLog } from './http/rate-limit-log.ts';

/** Vietnam is UTC+7 all year: audit files and daily statistics follow its calendar days. */
const VIETNAM_OFFSET_MINUTES = 420;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly http: HttpServer;
  readonly io: SocketServer;
  readonly indexes: IndexService;
  /** The re-index jobs: this process's, or the cluster's queue (REDIS_URL). */
  readonly jobs: JobQueue;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** What makes the server degraded or not ready (/readyz). */
  readonly readiness: Readiness;
  readonly overrides: MetadataOverrides;
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

export { ingestInputs } from './ingest-inputs.ts';

/** How often CURRENT is checked for a version switched by the CLI (ingest or rollback). */
const CURRENT_POLL_MS = 5_000;

/** Job failures that need no operator: stopped on purpose, or retried by the server. */
const QUIET_FAILURES = new Set(['JOB_CANCELLED', 'JOB_INTERRUPTED']);

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
  const readiness = new Readiness();
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
  // Uploads are read by the job's own loaders before 201 (upload-check.ts); `indexes` is set just below.
  const uploads = new UploadStore(config.UPLOAD_DIR, {
    check: async (files) => withIndexConflicts(
      await checkUploads(files, { timeoutMs: config.UPLOAD_CHECK_TIMEOUT_MS, maxBytes: DEFAULT_MAX_BYTES }),
      (id) => (indexes.ready ? indexes.current.state.docs.get(id) : undefined),
      config.UPLOAD_DIR,
    ),
  });
  // Every node reloads the file when one of them changes it.
  const overrides = new MetadataOverrides(join(config.STATE_DIR, 'metadata-overrides.json'), cluster.mode === 'redis'
    ? { onSaved: () => void cluster.announcer.publish({ type: 'overrides-changed' }) }
    : {});
  const overridesLoaded = await overrides.load();
  // A damaged overrides file fails closed (metadata-overrides.ts): reported until an admin repairs it.
  if (overridesLoaded.mode !== 'ok') {
    logger.error({ mode: overridesLoaded.mode, reason: overridesLoaded.reason, hidden: overridesLoaded.hidden }, 'metadata overrides degraded');
    readiness.set('overrides', 'OVERRIDES_CORRUPT', overridesLoaded.message!);
  }
  // An INDEX_DIR that cannot be written: serve what is there, say why nothing can be re-indexed.
  const indexDirProblem = await checkIndexDir(config.INDEX_DIR);
  if (indexDirProblem) {
    logger.error({ code: indexDirProblem.code, detail: indexDirProblem.message }, 'index directory cannot be written');
    readiness.set('index-dir', indexDirProblem.code, indexDirProblem.userMessage);
  }

  // Answer workers only for the extractive answerer: an LLM's time is spent waiting, not computing.
  const pool = config.ANSWER_WORKERS > 0 && !config.llm ? new AnswerPool({ size: config.ANSWER_WORKERS, overrides, logger }) : undefined;
  const indexes = new IndexService({
    indexDir: config.INDEX_DIR,
    view: (doc) => overrides.effective(doc),
    logger,
    ...(pool ? { beforeServe: (index: OpenIndex) => pool.load(config.INDEX_DIR, index.version, index.shared) } : {}),
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

  const jobs = cluster.jobs({
    indexDir: config.INDEX_DIR,
    inputs: () => ingestInputs(config),
    stateFile: join(config.STATE_DIR, 'jobs.json'),
    timeoutMs: config.REINDEX_TIMEOUT_MS,
    maxRemovalShare: config.INDEX_MAX_REMOVAL_SHARE,
    keepVersions: config.INDEX_KEEP_VERSIONS,
    rootPaths: (ids) => {
      if (!indexes.ready) return [];
      const index = indexes.current;
      const roots = rootsOf(index.state.manifest, (id) => index.state.docs.get(id));
      return roots.filter((r) => ids.includes(rootId(r.path))).map((r) => r.path);
    },
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
    readPerIp: cluster.rateLimit('read-ip', config.RATE_LIMIT_READ_PER_IP),
    readPerToken: cluster.rateLimit('read-token', config.RATE_LIMIT_PER_TOKEN),
  };
  const rateLog = new RateLimitLog(logger, { pseudonym: keyPseudonym((k) => tokens.pseudonym(k)) });
  const admin = createAdminRouter({ config, logger, indexes, jobs, uploads, overrides, audit, readiness });
  const drafts = createDraftsRouter({
    drafts: new DraftService({
      corpus: () => indexes.current, audit, dir: join(config.STATE_DIR, 'drafts'),
      ...(config.llm ? { writer: new LlmDraftWriter(config.llm) } : {}),
    }),
    indexes, lifecycle,
  });
  const app = createApp({
    config, logger, metrics, indexes, assistant, chat, tokens, limits, rateLog, audit, lifecycle, admin, drafts, readiness, cluster,
    openapi: buildOpenApi,
  });
  // The demo portal, the admin console, the source view and the widget bundle.
  app.use(pagesRouter());
  finishApp(app, logger);

  // Node checks both timeouts only every connectionsCheckingInterval (30 s by default): a slow client would outlive them.
  const http = createServer({ requestTimeout: config.REQUEST_TIMEOUT_MS, headersTimeout: Math.min(config.REQUEST_TIMEOUT_MS, 20_000), connectionsCheckingInterval: 1_000 }, app);
  http.keepAliveTimeout = 5_000;
  const io = attachSocketServer(http, { config, logger, metrics, chat, tokens, limits, rateLog, cluster });

  jobs.on('update', (job) => io.to('admin').emit('job', job));
  jobs.on('succeeded', (job) => {
    metrics.reindexRuns.inc({ status: 'succeeded' });
    readiness.clear('reindex');
    const missing = job.summary?.missingRoots ?? [];
    if (missing.length) {
      readiness.set('sources', 'SOURCES_UNREACHABLE', `Không truy cập được ${missing.length} nguồn văn bản đã ghi nhận (${missing.map((r) => r.name).join(', ')}); văn bản của các nguồn này vẫn được giữ nguyên. Vui lòng kiểm tra ổ mạng hoặc thư mục nguồn.`);
    } else readiness.clear('sources');
    if (!job.summary?.published) return;
    // Every node (this one included) serves the new version when it hears of it.
    void cluster.announcer.publish({ type: 'index-published', version: job.summary.version ?? '' });
  });
  const stopFollowing = followAnnouncements({ cluster, indexes, overrides, logger });
  jobs.on('failed', (job, detail) => {
    metrics.reindexRuns.inc({ status: 'failed' });
    logger.warn({ job: job.id, code: job.error?.code, detail, retry: jobs.retryPending }, 're-index job failed; the previous index keeps serving');
    if (job.error && !QUIET_FAILURES.has(job.error.code) && !jobs.retryPending) readiness.set('reindex', job.error.code, job.error.message);
  });

  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(config.PORT, config.HOST, () => resolveListen());
  });
  const { port } = http.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url, tokens: tokens.size, index: indexes.version ?? null }, 'server listening');

  const stopWatching = indexes.watch(CURRENT_POLL_MS);
  try {
    // A job a restart cut short runs again (it refreshes every root, so it is also the start-up job).
    const resumed = await jobs.resumeInterrupted();
    if (resumed) logger.info({ job: resumed.id, retryOf: resumed.retryOf, attempt: resumed.attempt }, 'interrupted re-index job resumed');
    else if (opts.ingestOnStart) await jobs.start({ user: 'system' });
  } catch (err) {
    logger.warn({ err }, 'start-up re-index not started');
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
    stopWatching();
    await jobs.close();
    await pool?.close();
    await audit.close();
    for (const limiter of Object.values(limits)) limiter.close();
    rateLog.close();
    stopFollowing();
    await cluster.close();
    clearInterval(pruneTimer);
    logger.info('shut down');
  })());

  return { url, port, http, io, indexes, jobs, metrics, logger, readiness, overrides, cluster, pool, close };
}
