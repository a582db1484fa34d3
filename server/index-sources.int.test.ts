/**
 * The index owns its sources (issue 12, item 1): README's flow — `npm run ingest --
 * corpora <catalog> --index X`, then start the server, whose start-up job runs over
 * corpora/, the uploads and CORPUS_PATHS — keeps every document; changing CORPUS_PATHS
 * removes nothing without an explicit removal; a removal is previewed then confirmed (CLI
 * and admin API); a run that would remove too much unasked stops and reports.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/config.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { childEnvironment } from '../config/environment.ts';
import { startServer, type RunningServer } from './server.ts';
import type { JobInfo } from './jobs/job-info.ts';
import { ADMIN_TOKEN, tthcSlice } from './testing/test-server.ts';
import { ingest } from '../ingest/pipeline.ts';
import { readCurrent } from '../index/layout.ts';
import { notice } from './jobs/testing/tiny-corpus.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
}

/** Wait for a job to end, then for the server to serve what it published. */
async function jobDone(server: RunningServer, id: string): Promise<JobInfo> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await server.jobs.get(id);
    if (job && (job.status === 'succeeded' || job.status === 'failed')) {
      if (job.summary?.published) await server.indexes.load();
      return job;
    }
    if (Date.now() > deadline) throw new Error(`job ${id} did not finish`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let work: string;
let catalog: string;
let otherCatalog: string;

/** `npm run ingest -- …` as README runs it: from the checkout, with the shared variables unset. */
function ingestCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'ingest', 'cli.ts'), ...args], {
      cwd: REPO_ROOT, env: childEnvironment({ INDEX_DIR: '', CORPUS_PATHS: '' }), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? -1, stdout, stderr }));
  });
}

function serverConfig(name: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
    INDEX_DIR: join(work, name, 'index'), UPLOAD_DIR: join(work, name, 'uploads'),
    STATE_DIR: join(work, name, 'state'), AUDIT_DIR: join(work, name, 'audit'),
    ASSISTANT_TOKENS: `admin:${ADMIN_TOKEN}`, SERVER_SECRET: 'server-secret-for-tests-0123456789',
    ...env,
  });
}

/** Start a server with its start-up job (what `npm start` does) and wait for that job to end. */
async function startAndSettle(config: Config): Promise<{ server: RunningServer; job: JobInfo }> {
  const server = await startServer(config, { ingestOnStart: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = (await server.jobs.list()).find((j) => j.requestedBy === 'system');
    if (job && (job.status === 'succeeded' || job.status === 'failed')) {
      // A published version is served right after the job's end.
      if (job.summary?.published) await server.indexes.load();
      return { server, job };
    }
    if (Date.now() > deadline) throw new Error(`start-up job did not finish: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'index-sources-'));
  catalog = join(work, 'tthc.jsonl');
  otherCatalog = join(work, 'tthc-other.jsonl');
  await tthcSlice(catalog, [], 120);
  await tthcSlice(otherCatalog, ['khai sinh', 'kết hôn'], 20);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("README's ingest-then-start flow", () => {
  it('keeps every document the CLI ingested when the server starts and runs its start-up job', async () => {
    const indexDir = join(work, 'readme', 'index');
    const cli = await ingestCli(['corpora', catalog, '--index', indexDir, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const ingested = JSON.parse(cli.stdout) as { documents: number };
    expect(ingested.documents).toBe(5 + 120);

    const config = serverConfig('readme');
    await mkdir(config.UPLOAD_DIR, { recursive: true });
    const { server, job } = await startAndSettle(config);
    try {
      expect(job.status).toBe('succeeded');
      expect(job.summary?.removed).toBe(0);
      expect(server.indexes.current.state.docs.size).toBe(ingested.documents);
    } finally {
      await server.close();
    }
  });
});

describe('changing CORPUS_PATHS', () => {
  it('removes nothing without an explicit removal', async () => {
    const first = serverConfig('corpus-paths', { CORPUS_PATHS: catalog });
    const a = await startAndSettle(first);
    const before = [...a.server.indexes.current.state.docs.keys()];
    await a.server.close();
    expect(before).toHaveLength(5 + 120);

    const second = serverConfig('corpus-paths', { CORPUS_PATHS: otherCatalog });
    const b = await startAndSettle(second);
    try {
      expect(b.job.status).toBe('succeeded');
      expect(b.job.summary?.removed ?? 0).toBe(0);
      const after = b.server.indexes.current.state.docs;
      expect(before.filter((id) => !after.has(id))).toEqual([]);
    } finally {
      await b.server.close();
    }
  });
});

describe('removing a source explicitly through the admin API', () => {
  it('previews what will go, refuses a stale confirmation, then removes exactly that source', async () => {
    const config = serverConfig('admin-removal');
    await ingest({ inputs: [join(REPO_ROOT, 'corpora'), catalog], indexDir: config.INDEX_DIR, by: 'cli:tester' });
    const server = await startServer(config);
    try {
      const listed = await call(server.url, 'GET', '/api/admin/sources');
      expect(listed.status).toBe(200);
      const byPath = new Map((listed.body.sources as Json[]).map((r) => [r.path as string, r]));
      expect(byPath.get(catalog)).toMatchObject({ kind: 'file', origin: 'cli', addedBy: 'cli:tester', files: 1, documents: 120, exists: true, configured: false, removable: true });
      expect(byPath.get(join(REPO_ROOT, 'corpora'))).toMatchObject({ kind: 'dir', documents: 5, configured: true, removable: false });

      const shipped = byPath.get(join(REPO_ROOT, 'corpora'))!;
      const refused = await call(server.url, 'GET', `/api/admin/sources/${shipped.id}/removal`);
      expect(refused).toMatchObject({ status: 409, body: { code: 'SOURCE_CONFIGURED' } });

      const id = byPath.get(catalog)!.id as string;
      const preview = await call(server.url, 'GET', `/api/admin/sources/${id}/removal`);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ documents: 120, files: 1, version: server.indexes.version, message: `Sẽ gỡ 120 văn bản (1 tệp) của nguồn “${catalog}”.` });
      expect(preview.body.sample).toHaveLength(10);

      const stale = await call(server.url, 'POST', `/api/admin/sources/${id}/removal`, { token: 'not-the-preview' });
      expect(stale).toMatchObject({ status: 409, body: { code: 'PREVIEW_STALE' } });
      expect((await call(server.url, 'POST', `/api/admin/sources/${id}/removal`, {})).status).toBe(400);

      const confirmed = await call(server.url, 'POST', `/api/admin/sources/${id}/removal`, { token: preview.body.token });
      expect(confirmed.status).toBe(202);
      expect(confirmed.body).toMatchObject({ documents: 120, job: { options: { removeRoots: [id] } } });
      const job = await jobDone(server, confirmed.body.job.id as string);
      expect(job).toMatchObject({ status: 'succeeded', summary: { removed: 120, removedRoots: [{ id, name: 'tthc.jsonl' }] } });
      expect(server.indexes.current.state.docs.size).toBe(5);
      const after = await call(server.url, 'GET', '/api/admin/sources');
      expect((after.body.sources as Json[]).map((r) => r.path)).not.toContain(catalog);
      const versions = await call(server.url, 'GET', '/api/admin/versions');
      expect(versions.body.versions[0]).toMatchObject({ active: true, documents: 5, build: { via: 'job', job: job.id, changes: { removed: 120 }, removedRoots: [catalog] } });
    } finally {
      await server.close();
    }
  });
});

describe('a run that would remove too much unasked', () => {
  it('stops before publishing, says why on /readyz, and goes through once the removal is accepted', async () => {
    const config = serverConfig('removal-guard');
    const folder = join(work, 'removal-guard', 'cong-van');
    await mkdir(folder, { recursive: true });
    for (let i = 1; i <= 10; i++) await writeFile(join(folder, `tb-${i}.txt`), notice(i));
    await mkdir(config.UPLOAD_DIR, { recursive: true });
    await ingest({ inputs: [join(REPO_ROOT, 'corpora'), folder], indexDir: config.INDEX_DIR });
    const server = await startServer(config);
    try {
      const before = server.indexes.version;
      // 4 of 15 documents (27 %) gone from their folder: more than INDEX_MAX_REMOVAL_SHARE (25 %).
      for (let i = 1; i <= 4; i++) await rm(join(folder, `tb-${i}.txt`));
      const started = await call(server.url, 'POST', '/api/admin/reindex', {});
      const blocked = await jobDone(server, started.body.job.id as string);
      expect(blocked.status).toBe('failed');
      expect(blocked.error!.code).toBe('INDEX_REMOVAL_BLOCKED');
      expect(blocked.error!.message).toContain('sẽ gỡ 4 trong 15 văn bản');
      expect(server.indexes.version).toBe(before);
      expect(await readCurrent(config.INDEX_DIR)).toBe(before);
      // The job's failure reaches /readyz from its event, which may come a moment after its status.
      const readyz = () => fetch(`${server.url}/readyz`).then((r) => r.json() as Promise<Json>);
      await expect.poll(readyz, { timeout: 10_000 }).toMatchObject({ status: 'degraded', problems: [{ code: 'INDEX_REMOVAL_BLOCKED' }] });

      const accepted = await call(server.url, 'POST', '/api/admin/reindex', { allowRemoval: true });
      const done = await jobDone(server, accepted.body.job.id as string);
      expect(done).toMatchObject({ status: 'succeeded', summary: { removed: 4, documents: 11 } });
      await expect.poll(readyz, { timeout: 10_000 }).toMatchObject({ status: 'ready' });
    } finally {
      await server.close();
    }
  });
});

describe('npm run ingest -- --remove', () => {
  it('prints what will go, removes nothing unconfirmed, and removes the source with --yes', async () => {
    const indexDir = join(work, 'cli-removal', 'index');
    const first = await ingestCli(['corpora', catalog, '--index', indexDir, '--json']);
    expect(first.code, first.stderr).toBe(0);

    const sources = await ingestCli(['--sources', '--index', indexDir, '--json']);
    expect((JSON.parse(sources.stdout) as Json).roots.map((r: Json) => [r.origin, r.documents])).toEqual([['cli', 5], ['cli', 120]]);

    const unconfirmed = await ingestCli(['--remove', catalog, '--index', indexDir]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain(`Sẽ gỡ 120 văn bản (1 tệp) của nguồn “${catalog}”`);
    expect(unconfirmed.stderr).toContain('chạy lại với --yes');
    const version = await readCurrent(indexDir);

    const confirmed = await ingestCli(['--remove', catalog, '--yes', '--index', indexDir, '--json']);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    const summary = JSON.parse(confirmed.stdout) as Json;
    expect(summary).toMatchObject({ published: true, removedRoots: [catalog], documents: 5 });
    expect(summary.removed).toHaveLength(120);
    expect(await readCurrent(indexDir)).not.toBe(version);

    const retired = await ingestCli(['corpora', '--keep-missing', '--index', indexDir]);
    expect(retired.code).toBe(2);
    expect(retired.stderr).toContain('--keep-missing đã bỏ');
  });
});
