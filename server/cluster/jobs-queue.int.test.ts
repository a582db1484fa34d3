/**
 * Re-index jobs of two nodes (server/main.ts as child processes) on a real redis-server go
 * through one BullMQ queue (queued-jobs.ts): a job enqueued on one node is listed on the
 * other, jobs asked on both build one at a time, a cancel through the other node stops the
 * building one, and a node killed while building has its job taken over by the other node,
 * which publishes the index once.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLock } from '../../ingest/store/lock.ts';
import { JOB_MESSAGES } from '../jobs/job-errors.ts';
import { notice } from '../jobs/testing/tiny-corpus.ts';
import { parentOf, processAlive } from '../testing/child-server.ts';
import { ADMIN_TOKEN } from '../testing/test-server.ts';
import { startTestCluster, type TestCluster } from './testing/test-cluster.ts';
import { until as untilPolled } from './testing/until.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Documents that make a rebuild last long enough to be caught running. */
const BULK = 300;
/** The queue's lock (JOB_LOCK_MS): a dead node's job is taken over within about 1.5 × this. */
const LOCK_MS = 3_000;

let cluster: TestCluster;

async function call(base: string, method: string, path: string, opts: { body?: unknown; form?: FormData } = {}): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, ...(opts.form ? { body: opts.form } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  return { status: res.status, body: (await res.json()) as Json };
}

/** The queue's waits (a build, a take-over after a node's lock expires) are long. */
const until = <T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 60_000, every = 50): Promise<T> => untilPolled(what, check, ms, every);

const url = (i: number) => cluster.nodes[i]!.url;
const job = async (node: number, id: string) => (await call(url(node), 'GET', `/api/admin/jobs/${id}`)).body;
const ended = (j: Json) => j.status === 'succeeded' || j.status === 'failed';

/** The pid of the worker process holding the index LOCK, and the node that forked it. */
async function builder(): Promise<{ pid: number; node: number } | undefined> {
  const pid = parseLock(await readFile(join(cluster.env.INDEX_DIR!, 'LOCK'), 'utf8').catch(() => ''))?.pid;
  if (!pid) return undefined;
  const node = cluster.nodes.findIndex((n) => n.server.proc.pid === parentOf(pid));
  return node >= 0 ? { pid, node } : undefined;
}

beforeAll(async () => {
  cluster = await startTestCluster(2, { JOB_LOCK_MS: String(LOCK_MS) });
  await Promise.all(Array.from({ length: BULK }, (_, i) => writeFile(join(cluster.env.UPLOAD_DIR!, `tb-${i}.txt`), notice(100 + i))));
}, 300_000);

afterAll(async () => {
  await cluster?.close();
});

describe('re-index jobs of two nodes through one queue', () => {
  it('lists a job enqueued on one node on the other, and builds the jobs asked on both one at a time', async () => {
    const first = await call(url(0), 'POST', '/api/admin/reindex', { body: { rebuild: true } });
    expect(first.status).toBe(202);
    const firstId = first.body.job.id as string;
    // The job list is in Redis: node B lists it at once.
    const listed = (await call(url(1), 'GET', '/api/admin/jobs')).body.jobs as Json[];
    expect(listed.map((j) => j.id)).toContain(firstId);
    // A second start through the other node is refused while the first is queued or running.
    const refused = await call(url(1), 'POST', '/api/admin/reindex', { body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'JOB_CONFLICT', job: { id: firstId } });

    // Past its scan: the first job will not read what is uploaded now.
    await until('the first job to load documents', async () => {
      const j = await job(1, firstId);
      if (ended(j)) throw new Error(`the first job ended too soon: ${JSON.stringify(j)}`);
      return j.status === 'running' && j.progress?.phase === 'load' ? true : undefined;
    }, 60_000, 20);
    // An upload through node B while the first job runs: one more job follows it.
    const form = new FormData();
    form.append('files', new Blob([notice(9_001, 'Văn bản tải lên khi đang lập chỉ mục.')]), 'tai-len-khi-dang-chay.txt');
    const uploaded = await call(url(1), 'POST', '/api/admin/documents', { form });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.queued).toBe(true);
    const jobs = await until('a second job to be listed', async () => {
      const all = (await call(url(0), 'GET', '/api/admin/jobs')).body.jobs as Json[];
      return all.length >= 2 ? all : undefined;
    });
    const secondId = jobs.find((j) => j.id !== firstId)!.id as string;

    const [a, b] = await until('both jobs to end', async () => {
      const both = [await job(0, firstId), await job(1, secondId)];
      return both.every(ended) ? both : undefined;
    }, 240_000, 200);
    expect(a).toMatchObject({ status: 'succeeded', summary: { published: true } });
    expect(b).toMatchObject({ status: 'succeeded', summary: { published: true, added: 1 } });
    // One at a time across the cluster: the second started after the first ended.
    expect(Date.parse(b!.startedAt)).toBeGreaterThanOrEqual(Date.parse(a!.finishedAt));
    // Both nodes serve the last one.
    for (const n of [0, 1]) {
      await until(`node ${n} to serve the second job's version`, async () => ((await call(url(n), 'GET', '/readyz')).body.index?.version === b!.summary.version ? true : undefined), 10_000);
    }
  }, 300_000);

  it('stops a job building on one node when it is cancelled through the other', async () => {
    const started = await call(url(1), 'POST', '/api/admin/reindex', { body: { rebuild: true } });
    expect(started.status).toBe(202);
    const id = started.body.job.id as string;
    const building = await until('a worker to hold the index lock', async () => {
      const j = await job(0, id);
      if (ended(j)) throw new Error(`the job ended before it could be cancelled: ${JSON.stringify(j)}`);
      return j.status === 'running' ? builder() : undefined;
    }, 60_000, 20);
    const other = 1 - building.node;
    const cancelled = await call(url(other), 'DELETE', `/api/admin/jobs/${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id, status: 'failed', error: { code: 'JOB_CANCELLED', message: JOB_MESSAGES.JOB_CANCELLED } });
    await until('the cancelled worker to exit', () => (processAlive(building.pid) ? undefined : true), 10_000);
    expect((await job(building.node, id)).status).toBe('failed');
  }, 120_000);

  it('takes over the job of a node killed while building: the other node runs it again and publishes once', async () => {
    const started = await call(url(0), 'POST', '/api/admin/reindex', { body: { rebuild: true } });
    expect(started.status).toBe(202);
    const id = started.body.job.id as string;
    const building = await until('a worker to be loading documents', async () => {
      const j = await job(0, id);
      if (ended(j)) throw new Error(`the job ended before its node could be killed: ${JSON.stringify(j)}`);
      return j.status === 'running' && j.progress?.phase === 'load' ? builder() : undefined;
    }, 60_000, 20);
    const survivor = 1 - building.node;
    await cluster.kill(building.node);
    const killedAt = Date.now();

    // The survivor's worker finds the job stalled (its lock expired) and runs it again.
    const takenOverAt = await until('the job to be taken over', async () => {
      const lock = await builder();
      return lock?.node === survivor ? Date.now() : undefined;
    }, 60_000, 50);
    console.info(`job taken over ${takenOverAt - killedAt} ms after its node was killed (JOB_LOCK_MS ${LOCK_MS})`);
    expect(takenOverAt - killedAt).toBeLessThan(LOCK_MS * 1.5 + 5_000);
    const done = await until('the job to end', async () => {
      const j = await job(survivor, id);
      return ended(j) ? j : undefined;
    }, 240_000, 200);
    expect(done).toMatchObject({ id, status: 'succeeded', summary: { published: true } });
    // Published once: the killed run left no version, the taken-over one made one.
    const versions = (await call(url(survivor), 'GET', '/api/admin/versions')).body;
    expect((versions.versions as Json[]).filter((v) => v.build?.job === id).map((v) => v.version)).toEqual([done.summary.version]);
    expect(versions.active).toBe(done.summary.version);
    await until('the survivor to serve the new version', async () => ((await call(url(survivor), 'GET', '/readyz')).body.index?.version === done.summary.version ? true : undefined), 10_000);
  }, 360_000);
});
