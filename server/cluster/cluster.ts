/**
 * The one place that chooses between one process and a cluster of nodes: REDIS_URL unset
 * gives the local implementation of every port (ports.ts), exactly the single process of
 * before; set, the Redis ones, each falling back to the local one while Redis is away.
 * The composition root (server/server.ts) takes everything shared from here.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { answerOnce, LocalAskLedger, RedisAskLedger } from './ask-ledger.ts';
import { LocalAnnouncer, RedisAnnouncer } from './announcer.ts';
import { LocalConnectionCaps, SharedConnectionCaps } from './connection-caps.ts';
import { LocalConversations, RedisConversations } from './conversations.ts';
import { defaultNodeId, NodePresence } from './node-presence.ts';
import type { Announcer, AskLedger, ConnectionCaps, ConversationStore, JobQueue, RateLimit } from './ports.ts';
import { ReindexJobs, type ReindexJobsOptions } from '../jobs/reindex-jobs.ts';
import { FailoverRateLimit, RedisRateLimit } from './shared-rate-limit.ts';
import { RedisLink } from './redis-link.ts';

/** How long a start waits for Redis before serving with local limits (degraded). */
const START_WAIT_MS = 5_000;

/** Why the service is degraded while Redis is away, for /readyz (Vietnamese, for operators). */
export const REDIS_PROBLEM = {
  code: 'REDIS_UNAVAILABLE',
  message: 'Mất kết nối tới Redis: giới hạn truy cập, số kết nối và phiên trò chuyện tạm thời được tính riêng trên máy chủ này; thay đổi chỉ mục và dữ liệu quản trị sẽ được đồng bộ khi Redis hoạt động trở lại.',
} as const;

export type ClusterHealth = { code: string; message: string } | undefined;

/** What the nodes share, whichever implementation was chosen. */
export interface Cluster {
  readonly mode: 'single' | 'redis';
  /** This node's name (NODE_ID) in a cluster; undefined for a single process. */
  readonly nodeId: string | undefined;
  /** A rate limit named `name` (part of its Redis keys), `perMinute` with the default burst. */
  rateLimit(name: string, perMinute: number, burst?: number): RateLimit;
  readonly connections: ConnectionCaps;
  readonly conversations: ConversationStore;
  readonly asks: AskLedger;
  readonly announcer: Announcer;
  /**
   * The re-index jobs: this process's (STATE_DIR/jobs.json) or the cluster's queue in
   * Redis (one job builds at a time across the nodes; a dead node's job is taken over).
   */
  jobs(options: ReindexJobsOptions): JobQueue;
  /** The socket.io adapter that carries broadcasts (job events to admins) to every node. */
  readonly socketAdapter: ReturnType<typeof createAdapter> | undefined;
  /** Undefined while everything shared is reachable; the problem while Redis is away. */
  readonly health: ClusterHealth;
  /** Told of every change of `health`. */
  onHealth(listener: (health: ClusterHealth) => void): void;
  /** Told when Redis returns after an outage: re-read what announcements may have missed. */
  onResync(listener: () => void): void;
  close(): Promise<void>;
}

export { answerOnce };

/** One process: today's in-memory limits and conversations, announcements as calls. */
export function singleProcess(config: Pick<Config, 'SOCKET_MAX_PER_IP'>): Cluster {
  return {
    mode: 'single',
    nodeId: undefined,
    rateLimit: (_name, perMinute, burst) => new RateLimiter(perMinute, burst),
    connections: new LocalConnectionCaps(config.SOCKET_MAX_PER_IP),
    conversations: new LocalConversations(),
    asks: new LocalAskLedger(),
    announcer: new LocalAnnouncer(),
    jobs: (options) => new ReindexJobs(options),
    socketAdapter: undefined,
    health: undefined,
    onHealth: () => undefined,
    onResync: () => undefined,
    close: () => Promise.resolve(),
  };
}

/**
 * A node of the service on `config.REDIS_URL`. Waits a few seconds for Redis at start and
 * serves degraded (local limits) if it has not answered; refuses to start when a live
 * node already has this NODE_ID.
 */
export async function joinCluster(config: Config, logger: Logger): Promise<Cluster> {
  const nodeId = config.NODE_ID ?? defaultNodeId(config.PORT);
  const link = new RedisLink({ url: config.REDIS_URL!, prefix: config.REDIS_PREFIX, name: `tro-ly-ao:${nodeId}`, logger });
  const presence = new NodePresence(link, nodeId, logger);
  if (!await link.waitUntilUp(START_WAIT_MS)) logger.warn({ nodeId }, 'redis not reachable at start: serving with local limits until it is');
  try {
    await presence.start();
  } catch (err) {
    await link.close();
    throw err;
  }

  let health: ClusterHealth = link.up ? undefined : REDIS_PROBLEM;
  const healthListeners: Array<(h: ClusterHealth) => void> = [];
  const resyncListeners: Array<() => void> = [];
  link.on('down', () => {
    health = REDIS_PROBLEM;
    for (const l of healthListeners) l(health);
  });
  link.on('up', () => {
    health = undefined;
    for (const l of healthListeners) l(health);
    for (const l of resyncListeners) l();
  });

  // The adapter's publishes are not awaited by socket.io: one failed while Redis is away must not become an unhandled rejection.
  const pub = link.connection('socket.io-pub');
  const publish = pub.publish.bind(pub) as (...args: unknown[]) => Promise<number>;
  (pub as unknown as { publish: (...args: unknown[]) => Promise<number> }).publish = (...args) => {
    const sent = publish(...args);
    sent.catch((err: unknown) => logger.debug({ err: (err as Error).message }, 'socket.io broadcast not sent to the other nodes'));
    return sent;
  };
  const socketAdapter = createAdapter(pub, link.connection('socket.io-sub'), { key: link.key('socket.io') });

  // BullMQ is loaded only by a node of a cluster: one process starts without it.
  const { QueuedJobs } = await import('./queued-jobs.ts');
  logger.info({ nodeId, instance: presence.instance, redis: link.up }, 'joined the cluster');
  return {
    mode: 'redis',
    nodeId,
    rateLimit: (name, perMinute, burst) => new FailoverRateLimit(new RedisRateLimit(link, name, perMinute, burst), new RateLimiter(perMinute, burst), link, logger),
    connections: new SharedConnectionCaps(link, presence, config.SOCKET_MAX_PER_IP, logger),
    conversations: new RedisConversations(link, config.CONVERSATION_TTL_MIN * 60, logger),
    asks: new RedisAskLedger(link, presence, config.REQUEST_TIMEOUT_MS, logger),
    announcer: new RedisAnnouncer(link, logger),
    jobs: (options) => new QueuedJobs(link, { ...options, nodeId, lockMs: config.JOB_LOCK_MS, presence }, logger),
    socketAdapter,
    get health() {
      return health;
    },
    onHealth: (l) => void healthListeners.push(l),
    onResync: (l) => void resyncListeners.push(l),
    close: async () => {
      await presence.stop();
      await link.close();
    },
  };
}

/** The cluster this configuration asks for. */
export function createCluster(config: Config, logger: Logger): Promise<Cluster> {
  return config.REDIS_URL ? joinCluster(config, logger) : Promise.resolve(singleProcess(config));
}
