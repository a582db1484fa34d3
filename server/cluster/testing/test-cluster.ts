/**
 * A real cluster for integration tests: a redis-server of its own, the test corpus
 * indexed once into a shared directory, and N nodes as child processes (`server/main.ts`)
 * started with the same REDIS_URL, INDEX_DIR, UPLOAD_DIR, STATE_DIR and AUDIT_DIR.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../config/config.ts';
import { childEnvironment } from '../../../config/environment.ts';
import { ingest } from '../../../ingest/pipeline.ts';
import { ingestInputs } from '../../server.ts';
import { spawnServer, type ChildServer } from '../../testing/child-server.ts';
import { ADMIN_TOKEN, buildTestCorpus, OFFICIAL_TOKEN } from '../../testing/test-server.ts';
import { startRedis, type TestRedis } from './redis-server.ts';

export interface ClusterNode {
  readonly id: string;
  server: ChildServer;
  readonly url: string;
  readonly port: number;
}

export interface TestCluster {
  readonly redis: TestRedis;
  readonly work: string;
  readonly nodes: ClusterNode[];
  /** The environment every node shares (without PORT and NODE_ID). */
  readonly env: Record<string, string>;
  /** SIGKILL node `i` and wait for it to exit. */
  kill(i: number): Promise<void>;
  close(): Promise<void>;
}

/** Start `count` nodes; `env` adds to (or overrides) the shared environment. */
export async function startTestCluster(count: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const work = await mkdtemp(join(os.tmpdir(), 'cluster-'));
  const redis = await startRedis();
  const extra = await buildTestCorpus(work);
  const shared: Record<string, string> = {
    HOST: '127.0.0.1',
    INDEX_DIR: join(work, 'index'), UPLOAD_DIR: join(work, 'uploads'), STATE_DIR: join(work, 'state'), AUDIT_DIR: join(work, 'audit'),
    CORPUS_PATHS: extra.join(','),
    ASSISTANT_TOKENS: `admin:${ADMIN_TOKEN},official:${OFFICIAL_TOKEN}`,
    SERVER_SECRET: 'server-secret-for-tests-0123456789',
    REDIS_URL: redis.url,
    LOG_LEVEL: 'warn', SKIP_START_INGEST: 'true', SHUTDOWN_GRACE_MS: '2000',
    // A developer's .env must not change the servers under test (set variables win over it).
    LLM_BASE_URL: '', TOKENS_FILE: '', CORS_ORIGINS: '', METRICS_TOKEN: '', NODE_ID: '',
    ...env,
  };
  const config = loadConfig({ ...shared, PORT: '0' });
  await mkdir(config.UPLOAD_DIR, { recursive: true });
  await ingest({ inputs: ingestInputs(config), indexDir: config.INDEX_DIR });
  const nodes = await Promise.all(Array.from({ length: count }, async (_, i) => {
    const id = `node-${String.fromCharCode(97 + i)}`;
    // Generous: on a loaded 2-core machine tsx alone takes seconds to load the server.
    const server = await spawnServer(childEnvironment({ ...shared, PORT: '0', NODE_ID: id }), 120_000);
    const url = server.url;
    return { id, server, url, port: Number(new URL(url).port) };
  }));
  const kill = async (i: number) => {
    const { proc, exited } = nodes[i]!.server;
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    await exited;
  };
  return {
    redis, work, nodes, env: shared, kill,
    close: async () => {
      await Promise.all(nodes.map((_, i) => kill(i)));
      await redis.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
