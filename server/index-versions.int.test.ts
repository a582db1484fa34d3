/**
 * Versions and rollback (issue 12, item 2): INDEX_KEEP_VERSIONS versions kept, listed with
 * counts, changes, who built them and disk use (CLI and admin API); a rollback by the
 * admin API under continuous load fails no request and reaches the answer workers; a
 * rollback by the CLI is picked up by a running server; the next job builds on the
 * rolled-back version.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/config.ts';
import { childEnvironment } from '../config/environment.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { ingest } from '../ingest/pipeline.ts';
import { readCurrent } from '../index/layout.ts';
import { listVersions } from '../index/versions.ts';
import { notice } from './jobs/testing/tiny-corpus.ts';
import { startServer, type RunningServer } from './server.ts';
import { ADMIN_TOKEN } from './testing/test-server.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const QUESTION = 'Xã Trà Phong Thử Nghiệm tiếp công dân vào thời gian nào?';
const NEW_DOC = [
  'THÔNG BÁO',
  'Về lịch tiếp công dân định kỳ tại xã Trà Phong Thử Nghiệm',
  '1. Ủy ban nhân dân xã Trà Phong Thử Nghiệm tiếp công dân định kỳ vào sáng thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ.',
  '2. Địa điểm tiếp công dân: Hội trường Ủy ban nhân dân xã Trà Phong Thử Nghiệm.',
  '',
].join('\n');

let work: string;
let folder: string;
let config: Config;
/** Versions published, oldest first. */
const published: string[] = [];

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'ingest', 'cli.ts'), ...args], {
      cwd: REPO_ROOT, env: childEnvironment({ INDEX_KEEP_VERSIONS: '3' }), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? -1, stdout, stderr }));
  });
}

async function call(server: RunningServer, method: string, path: string, opts: { body?: unknown; token?: string } = {}): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
}

async function publish(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  const s = await ingest({ inputs: [folder], indexDir: config.INDEX_DIR, keepVersions: 3, by: 'cli:tester' });
  expect(s.published).toBe(true);
  published.push(s.version!);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'index-versions-'));
  folder = join(work, 'thong-bao');
  await mkdir(folder, { recursive: true });
  config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
    INDEX_DIR: join(work, 'index'), UPLOAD_DIR: join(work, 'uploads'), STATE_DIR: join(work, 'state'), AUDIT_DIR: join(work, 'audit'),
    ASSISTANT_TOKENS: `admin:${ADMIN_TOKEN}`, SERVER_SECRET: 'server-secret-for-tests-0123456789',
    RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_PER_TOKEN: '1000000', INDEX_KEEP_VERSIONS: '3', ANSWER_WORKERS: '2',
  });
  await mkdir(config.UPLOAD_DIR, { recursive: true });
  // Four versions: 3 notices; a fourth; the fourth changed; the new commune's notice.
  await publish({ 'tb-1.txt': notice(1), 'tb-2.txt': notice(2), 'tb-3.txt': notice(3) });
  await publish({ 'tb-4.txt': notice(4) });
  await publish({ 'tb-4.txt': notice(4, 'Bổ sung: nhận hồ sơ cả ngày thứ Bảy.') });
  await publish({ 'tra-phong.txt': NEW_DOC });
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('versions kept and listed', () => {
  it('keeps INDEX_KEEP_VERSIONS versions, each with its counts, changes, author and disk use', async () => {
    const list = await listVersions(config.INDEX_DIR);
    expect(list.active).toBe(published[3]);
    expect(list.versions.map((v) => v.version)).toEqual([published[3], published[2], published[1]]);
    const [newest, middle] = list.versions;
    expect(newest).toMatchObject({ active: true, documents: 5, build: { via: 'cli', by: 'cli:tester', parent: published[2], changes: { added: 1, updated: 0, removed: 0, unchanged: 4 } } });
    expect(middle).toMatchObject({ active: false, documents: 4, build: { changes: { added: 0, updated: 1, removed: 0 } } });
    for (const v of list.versions) {
      expect(v.bytes).toBeGreaterThan(0);
      expect(v.lastServedAt).toEqual(expect.any(String));
    }
    // Unchanged chunk segments and the embedder are hard links: a version's own bytes are fewer than its bytes.
    expect(newest!.ownBytes).toBeLessThan(newest!.bytes);
    expect(list.totalBytes).toBeLessThan(list.versions.reduce((n, v) => n + v.bytes, 0));

    const printed = await cli(['--versions', '--index', config.INDEX_DIR]);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toContain(`▶ ${published[3]}  5 văn bản`);
    expect(printed.stdout).toContain('+1 thêm, 0 cập nhật, −0 gỡ · dòng lệnh, cli:tester');
  });
});

describe('rollback', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer(config);
  });

  afterAll(async () => {
    await server?.close();
  });

  const cites = async (): Promise<boolean> => {
    const r = await call(server, 'POST', '/api/chat', { body: { message: QUESTION } });
    expect(r.status).toBe(200);
    return (r.body.citations as Json[]).some((c) => c.sourceId === 'tra-phong.txt');
  };

  it('rolls back through the admin API under continuous load with no failed request, answer workers included', async () => {
    expect(server.pool?.workers).toHaveLength(2);
    expect(await cites()).toBe(true);
    const statuses: number[] = [];
    let firing = true;
    const clients = Array.from({ length: 4 }, async () => {
      while (firing) {
        const r = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: QUESTION }) })
          .then((res) => res.status, () => -1);
        statuses.push(r);
      }
    });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const rolled = await call(server, 'POST', `/api/admin/versions/${published[2]}/rollback`, { token: ADMIN_TOKEN });
      expect(rolled).toMatchObject({ status: 200, body: { version: published[2], previous: published[3], switched: true, documents: 4 } });
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      firing = false;
      await Promise.all(clients);
    }
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(server.indexes.version).toBe(published[2]);
    expect(await readCurrent(config.INDEX_DIR)).toBe(published[2]);
    // Every answer worker serves the rolled-back version: none cites the newer notice.
    for (let i = 0; i < 6; i++) expect(await cites()).toBe(false);

    expect((await call(server, 'POST', '/api/admin/versions/v999999-nope/rollback', { token: ADMIN_TOKEN }))).toMatchObject({ status: 404, body: { code: 'VERSION_NOT_FOUND' } });
    expect((await call(server, 'POST', `/api/admin/versions/${published[3]}/rollback`)).status).toBe(401);
    const listed = await call(server, 'GET', '/api/admin/versions', { token: ADMIN_TOKEN });
    expect(listed.body).toMatchObject({ active: published[2], served: published[2], keep: 3 });
  });

  it('serves a version the CLI rolled back to, without a restart', async () => {
    const r = await cli(['--rollback', published[3]!, '--index', config.INDEX_DIR]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Đã quay về phiên bản ${published[3]}`);
    const deadline = Date.now() + 15_000;
    while (server.indexes.version !== published[3] && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    expect(server.indexes.version).toBe(published[3]);
    expect(await cites()).toBe(true);
  });

  it('builds the next job on the rolled-back version', async () => {
    const back = await call(server, 'POST', `/api/admin/versions/${published[1]}/rollback`, { token: ADMIN_TOKEN });
    expect(back.status).toBe(200);
    const started = await call(server, 'POST', '/api/admin/reindex', { token: ADMIN_TOKEN });
    expect(started.status).toBe(202);
    const id = started.body.job.id as string;
    const deadline = Date.now() + 60_000;
    let job = (await server.jobs.get(id))!;
    while (job.status !== 'succeeded' && job.status !== 'failed' && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 100));
      job = (await server.jobs.get(id))!;
    }
    expect(job.status).toBe('succeeded');
    const list = await listVersions(config.INDEX_DIR);
    const built = list.versions.find((v) => v.version === job.summary!.version)!;
    // On top of it: the notices folder is a recorded root, so its files changed since come back
    // (the new commune's notice, the updated fourth one), and the server's configured corpora/ (5) joins.
    expect(built.build).toMatchObject({ via: 'job', job: id, parent: published[1], changes: { added: 1 + 5, updated: 1, removed: 0 } });
    expect(built.documents).toBe(5 + 5);
    // Versions served most recently are kept: the new one, the one rolled back to, and the one before.
    expect(list.versions).toHaveLength(3);
    expect(list.versions.map((v) => v.version)).toContain(published[1]);
  });
});
