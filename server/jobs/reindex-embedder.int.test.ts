/**
 * The server's re-index jobs build with the configured embedder (EMBEDDER,
 * EMBEDDING_MODEL), as `npm run ingest` does: here a tiny transformers.js model from a
 * local directory instead of the built-in LSA embedder.
 */
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyModel } from '../../scripts/make-tiny-model.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import type { JobInfo } from './job-info.ts';

let dir: string;
let model: { modelDir: string; dimension: number };
let t: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'reindex-embedder-'));
  model = await makeTinyModel(join(dir, 'tiny-bert'));
  t = await startTestServer({ EMBEDDER: 'transformers', EMBEDDING_MODEL: model.modelDir });
});

afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function run(rebuild: boolean): Promise<JobInfo> {
  const done = once(t.server.jobs, 'succeeded') as Promise<[JobInfo]>;
  const failed = once(t.server.jobs, 'failed').then(([job]) => {
    throw new Error(`re-index job failed: ${JSON.stringify((job as JobInfo).error)}`);
  });
  t.server.jobs.start({ user: 'test' }, { rebuild });
  const [job] = await Promise.race([done, failed]);
  return job;
}

describe('re-index jobs and the configured embedder', () => {
  it('find nothing to do on an index built with the configured model (a job with another embedder would re-embed it all)', async () => {
    const job = await run(false);
    expect(job.summary).toMatchObject({ published: false, added: 0, updated: 0 });
  });

  it('rebuild the index with the configured transformers model, which the server then serves', async () => {
    const before = t.server.indexes.version;
    const job = await run(true);
    expect(job.summary?.published).toBe(true);
    const deadline = Date.now() + 10_000;
    while (t.server.indexes.version === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const served = t.server.indexes.current;
    expect(served.version).toBe(job.summary?.version);
    expect(served.state.manifest.embedder).toMatchObject({ kind: 'transformers', dimension: model.dimension, options: { model: model.modelDir } });
    expect((await served.search('đăng ký khai sinh', { k: 3, audiences: ['public'] })).length).toBeGreaterThan(0);
  });
});
