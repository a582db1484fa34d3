/**
 * Fault cases against real servers: a kill -9 during a re-index and a restart (the server
 * as a child process), re-index jobs that fail while the old index keeps answering, a
 * flood from one IP, malformed, oversized and slow requests, clients that leave mid-answer,
 * graceful shutdown, and uploads that must be refused or skipped with a Vietnamese reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { MESSAGES } from '../core/errors.ts';
import { ingest } from '../ingest/pipeline.ts';
import { parseLock } from '../ingest/store/lock.ts';
import { MANIFEST } from '../index/manifest-file.ts';
import { versionsDir } from '../index/layout.ts';
import { makeFixtures, type FixturePaths } from '../scripts/make-fixtures.ts';
import { startScriptedOpenAiServer, type ScriptedOpenAiServer } from './answer/testing/scripted-openai-server.ts';
import { loadConfig } from '../config/config.ts';
import { childEnvironment } from '../config/environment.ts';
import { HTTP_MESSAGES } from './http/errors.ts';
import { crashedMessage, JOB_MESSAGES } from './jobs/job-errors.ts';
import { notice } from './jobs/testing/tiny-corpus.ts';
import { ingestInputs } from './server.ts';
import { isReindexWorker, parentOf, processAlive, spawnServer, type ChildServer } from './testing/child-server.ts';
import { parseRaw, rawConnection } from './testing/raw-http.ts';
import { ADMIN_TOKEN, buildTestCorpus, OFFICIAL_TOKEN, startTestServer, type TestServer } from './testing/test-server.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Reply {
  status: number;
  body: Json;
  headers: Headers;
  text: string;
}

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;
const PROCEDURE_QUESTION = 'Đăng ký khai sinh cần những giấy tờ gì?';
/** Generous rate limits for the servers whose tests are not about rate limiting. */
const NO_LIMITS = { RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000' };

async function call(base: string, method: string, path: string, opts: {
  body?: unknown; raw?: RequestInit['body']; token?: string; headers?: Record<string, string>; signal?: AbortSignal;
} = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const body = opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined);
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
  const text = await res.text();
  let parsed: Json = {};
  try {
    parsed = JSON.parse(text) as Json;
  } catch {
    // Not JSON: the test reads `text`.
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

/** Poll `probe` until it gives something other than undefined; fail after `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function finishedJob(base: string, id: string, timeoutMs = 40_000): Promise<Json> {
  return waitFor(`job ${id} to finish`, async () => {
    const job = (await call(base, 'GET', `/api/admin/jobs/${id}`, { token: ADMIN_TOKEN })).body;
    return job.status === 'succeeded' || job.status === 'failed' ? job : undefined;
  }, timeoutMs, 100);
}

async function servedVersion(base: string): Promise<string | undefined> {
  return (await call(base, 'GET', '/readyz')).body.index?.version as string | undefined;
}

/** The chat answers a procedure question from the index, with citations. */
async function expectAnswer(base: string, token?: string): Promise<void> {
  const r = await call(base, 'POST', '/api/chat', { body: { message: PROCEDURE_QUESTION }, ...(token ? { token } : {}) });
  expect(r.status).toBe(200);
  expect(r.body.refused).toBe(false);
  expect(r.body.citations.length).toBeGreaterThan(0);
}

/** Servers started as child processes, killed in afterAll whatever happened. */
const children: ChildProcess[] = [];
/** Re-index workers seen; any still running at the end is killed. */
const workers: number[] = [];

async function startChild(env: NodeJS.ProcessEnv): Promise<ChildServer> {
  const server = await spawnServer(env);
  children.push(server.proc);
  return server;
}

function killChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

afterAll(() => {
  killChildren();
  for (const pid of workers) if (processAlive(pid) && isReindexWorker(pid)) process.kill(pid, 'SIGKILL');
});

// ---------------------------------------------------------------------------------------

describe('kill -9 during a re-index, then a restart (server as a child process)', () => {
  let work: string;
  let indexDir: string;
  let stateFile: string;
  let env: NodeJS.ProcessEnv;
  let prebuiltDocuments: number;
  let server: ChildServer;
  let jobId: string;
  const BULK = 300;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'faults-kill-'));
    const extra = await buildTestCorpus(work);
    const ours = {
      PORT: '0', HOST: '127.0.0.1',
      INDEX_DIR: join(work, 'index'), UPLOAD_DIR: join(work, 'uploads'), STATE_DIR: join(work, 'state'), AUDIT_DIR: join(work, 'audit'),
      CORPUS_PATHS: extra.join(','),
      ASSISTANT_TOKENS: `admin:${ADMIN_TOKEN},official:${OFFICIAL_TOKEN}`,
      SERVER_SECRET: 'server-secret-for-tests-0123456789',
      LOG_LEVEL: 'warn', SKIP_START_INGEST: 'true', SHUTDOWN_GRACE_MS: '5000', ...NO_LIMITS,
      // A developer's .env must not change the server under test (set variables win over it).
      LLM_BASE_URL: '', TOKENS_FILE: '', CORS_ORIGINS: '', METRICS_TOKEN: '',
    };
    const config = loadConfig(ours);
    indexDir = config.INDEX_DIR;
    stateFile = join(config.STATE_DIR, 'jobs.json');
    await mkdir(config.UPLOAD_DIR, { recursive: true });
    prebuiltDocuments = (await ingest({ inputs: ingestInputs(config), indexDir })).documents;
    // Work for the job that will be cut short: new documents to load and embed.
    await Promise.all(Array.from({ length: BULK }, (_, i) => writeFile(join(config.UPLOAD_DIR, `tb-${i}.txt`), notice(100 + i))));
    env = childEnvironment(ours);
  });

  afterAll(async () => {
    killChildren();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('leaves no worker holding the index lock when the server is killed mid-run', async () => {
    server = await startChild(env);
    const started = await call(server.url, 'POST', '/api/admin/reindex', { token: ADMIN_TOKEN, body: { rebuild: true } });
    expect(started.status).toBe(202);
    jobId = started.body.job.id as string;
    const lock = join(indexDir, 'LOCK');
    // Cut short while loading documents: the worker holds the lock and has work left.
    const workerPid = await waitFor('the worker to be loading documents', async () => {
      const job = (await call(server.url, 'GET', `/api/admin/jobs/${jobId}`, { token: ADMIN_TOKEN })).body;
      if (job.status !== 'queued' && job.status !== 'running') throw new Error(`the job ended before it could be cut short: ${JSON.stringify(job)}`);
      if (job.status !== 'running' || job.progress?.phase !== 'load' || !(job.progress.sourcesDone > 0)) return undefined;
      const pid = parseLock(await readFile(lock, 'utf8').catch(() => ''))?.pid ?? 0;
      return pid > 0 ? pid : undefined;
    }, 30_000, 20);
    workers.push(workerPid);
    expect(parentOf(workerPid)).toBe(server.proc.pid);
    // What a restart reads: the job is on disk as queued or running.
    const persisted = JSON.parse(await readFile(stateFile, 'utf8')) as Json;
    expect(['queued', 'running']).toContain(persisted.jobs.find((j: Json) => j.id === jobId)?.status);

    server.proc.kill('SIGKILL');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const killedAt = Date.now();
    // The orphan's watchdog sees its server gone, removes the lock it held and ends it, busy or not.
    await waitFor('the orphaned worker to exit', () => (processAlive(workerPid) ? undefined : true), 15_000, 20);
    expect(Date.now() - killedAt).toBeLessThan(3_000);
    expect(existsSync(lock)).toBe(false);
  });

  it('restarts serving a complete index version, reports the cut-short job as JOB_INTERRUPTED and runs it again by itself', async () => {
    server = await startChild(env);
    const ready = await call(server.url, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    const current = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
    expect(ready.body.index.version).toBe(current);
    expect(existsSync(join(versionsDir(indexDir), current, MANIFEST))).toBe(true);
    await expectAnswer(server.url);

    const job = await call(server.url, 'GET', `/api/admin/jobs/${jobId}`, { token: ADMIN_TOKEN });
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ id: jobId, status: 'failed', error: { code: 'JOB_INTERRUPTED', message: JOB_MESSAGES.JOB_INTERRUPTED } });
    expect(job.body.error.message).toMatch(VIETNAMESE);
    expect(job.body.finishedAt).toEqual(expect.any(String));

    // Nobody asks again (and SKIP_START_INGEST is set): the server resumes the job, as requested by the same admin.
    const jobs = (await call(server.url, 'GET', '/api/admin/jobs', { token: ADMIN_TOKEN })).body.jobs as Json[];
    const resumed = jobs.find((j) => j.retryOf === jobId);
    expect(resumed).toMatchObject({ attempt: 2, requestedBy: job.body.requestedBy, options: { rebuild: true } });
    const done = await finishedJob(server.url, resumed!.id as string);
    expect(done.status).toBe('succeeded');
    // The uploads the interrupted run never finished are in.
    expect(done.summary.documents).toBeGreaterThanOrEqual(prebuiltDocuments + BULK);
    await waitFor('the new version to be served', async () => ((await servedVersion(server.url)) === done.summary.version ? true : undefined), 10_000);
    await expectAnswer(server.url);
  });

  it('runs a new re-index job to success on the same directories', async () => {
    const started = await call(server.url, 'POST', '/api/admin/reindex', { token: ADMIN_TOKEN });
    expect(started.status).toBe(202);
    const done = await finishedJob(server.url, started.body.job.id as string);
    expect(done.status).toBe('succeeded');
    expect(done.summary.published).toBe(false);
    await expectAnswer(server.url);
  });

  it('exits with code 0 on SIGTERM within the shutdown grace time', async () => {
    const sent = Date.now();
    server.proc.kill('SIGTERM');
    const exit = await Promise.race([server.exited, sleep(10_000).then(() => 'still running after 10 s')]);
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    expect(Date.now() - sent).toBeLessThan(5_000 + 2_000);
  });
});

describe('failed re-index jobs and refused uploads (in-process server)', () => {
  let t: TestServer;
  let lock: string;
  let uploadDir: string;
  let fx: FixturePaths;
  let fixturesDir: string;

  beforeAll(async () => {
    fixturesDir = await mkdtemp(join(tmpdir(), 'faults-fixtures-'));
    [t, fx] = await Promise.all([startTestServer({ ...NO_LIMITS, MAX_UPLOAD_MB: '1' }), makeFixtures(fixturesDir)]);
    lock = join(t.config.INDEX_DIR, 'LOCK');
    uploadDir = resolve(t.config.UPLOAD_DIR);
  });

  afterAll(async () => {
    await t?.close();
    if (fixturesDir) await rm(fixturesDir, { recursive: true, force: true });
  });

  describe('a failed job leaves the old index serving and says why', () => {
    it('fails INDEX_LOCKED while another live process holds the index, keeps answering, and runs the job again once the lock is free', async () => {
      const before = await servedVersion(t.url);
      // A CLI run of this very process holds the index.
      await writeFile(lock, JSON.stringify({ pid: process.pid, role: 'cli' }));
      let failedId: string;
      try {
        const started = await call(t.url, 'POST', '/api/admin/reindex', { token: ADMIN_TOKEN, body: { rebuild: true } });
        expect(started.status).toBe(202);
        failedId = started.body.job.id as string;
        await expectAnswer(t.url);
        const done = await finishedJob(t.url, failedId);
        expect(done).toMatchObject({ status: 'failed', error: { code: 'INDEX_LOCKED', message: MESSAGES.INDEX_LOCKED } });
        expect(done.error.message).toMatch(VIETNAMESE);
        // The retry is planned when the failure is handled, which may come a moment after its status.
        await expect.poll(async () => (await call(t.url, 'GET', '/api/admin/status', { token: ADMIN_TOKEN })).body, { timeout: 10_000 }).toMatchObject({ retryPending: true });
        expect(await servedVersion(t.url)).toBe(before);
      } finally {
        await rm(lock, { force: true });
      }
      await expectAnswer(t.url);
      // The retry (after its backoff delay) finds the lock free and publishes.
      const retry = await waitFor('the retry of the locked-out job', async () => {
        const jobs = (await call(t.url, 'GET', '/api/admin/jobs', { token: ADMIN_TOKEN })).body.jobs as Json[];
        return jobs.find((j) => j.retryOf === failedId);
      }, 30_000, 100);
      const done = await finishedJob(t.url, retry.id as string);
      expect(done).toMatchObject({ status: 'succeeded', attempt: 2, options: { rebuild: true } });
      await waitFor('the retried version to be served', async () => ((await servedVersion(t.url)) === done.summary.version ? true : undefined), 10_000);
    });

    let crashedId: string;

    it('fails JOB_CRASHED when the worker is killed mid-run, answering questions throughout', async () => {
      const before = await servedVersion(t.url);
      const answers: Reply[] = [];
      let chatting = true;
      const chatter = (async () => {
        while (chatting) answers.push(await call(t.url, 'POST', '/api/chat', { body: { message: PROCEDURE_QUESTION } }));
      })();
      try {
        const started = await call(t.url, 'POST', '/api/admin/reindex', { token: ADMIN_TOKEN, body: { rebuild: true } });
        expect(started.status).toBe(202);
        const workerPid = await waitFor('the worker to take the index lock', async () => {
          const pid = parseLock(await readFile(lock, 'utf8').catch(() => ''))?.pid ?? 0;
          return pid > 0 ? pid : undefined;
        }, 30_000, 10);
        workers.push(workerPid);
        // The worker is a child of this process (the server runs in it), not some other lock holder.
        expect(parentOf(workerPid)).toBe(process.pid);
        process.kill(workerPid, 'SIGKILL');
        crashedId = started.body.job.id as string;
        const done = await finishedJob(t.url, crashedId);
        expect(done).toMatchObject({ status: 'failed', error: { code: 'JOB_CRASHED', message: crashedMessage({ code: null, signal: 'SIGKILL' }) } });
        expect(done.error.message).toContain('chỉ mục cũ vẫn đang phục vụ');
      } finally {
        chatting = false;
        await chatter;
      }
      expect(answers.length).toBeGreaterThan(0);
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      expect(answers.every((a) => a.body.citations.length > 0)).toBe(true);
      expect(await servedVersion(t.url)).toBe(before);
    });

    it('runs the crashed job again by itself, taking over the lock the killed worker left behind', async () => {
      const retry = await waitFor('the retry of the crashed job', async () => {
        const jobs = (await call(t.url, 'GET', '/api/admin/jobs', { token: ADMIN_TOKEN })).body.jobs as Json[];
        return jobs.find((j) => j.retryOf === crashedId);
      }, 30_000, 100);
      const done = await finishedJob(t.url, retry.id as string);
      expect(done).toMatchObject({ status: 'succeeded', attempt: 2 });
      expect(existsSync(lock)).toBe(false);
      await expectAnswer(t.url);
    });
  });

  describe('uploads through POST /api/admin/documents', () => {
    async function upload(files: Array<{ name: string; data: Uint8Array | string }>, fields: Record<string, string> = {}): Promise<Reply> {
      const form = new FormData();
      for (const f of files) form.append('files', new Blob([typeof f.data === 'string' ? f.data : new Uint8Array(f.data)]), f.name);
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      return call(t.url, 'POST', '/api/admin/documents', { token: ADMIN_TOKEN, raw: form });
    }
    const listing = async () => (await readdir(uploadDir)).sort();
    const file = (path: string) => readFileSync(path);

    it.each([
      { what: 'an encrypted PDF', files: () => [{ name: 'mat-khau.pdf', data: file(fx.badPdfEncrypted) }], status: 422, code: 'PDF_ENCRYPTED', says: 'mật khẩu' },
      { what: 'an empty file', files: () => [{ name: 'trong.txt', data: '' }], status: 422, code: 'FILE_EMPTY', says: MESSAGES.FILE_EMPTY },
      { what: 'an .exe', files: () => [{ name: 'cai-dat.exe', data: 'MZ\x90\x00' }], status: 415, code: 'FILE_UNSUPPORTED', says: 'Chỉ nhận PDF, DOCX' },
      { what: 'a file over MAX_UPLOAD_MB', files: () => [{ name: 'lon.txt', data: 'đăng ký khai sinh '.repeat(110_000) }], status: 413, code: 'FILE_TOO_LARGE', says: 'tối đa 1 MB' },
      {
        what: 'a good file together with a bad one',
        files: () => [{ name: 'tot.txt', data: notice(7) }, { name: 'mat-khau.pdf', data: file(fx.badPdfEncrypted) }],
        status: 422, code: 'PDF_ENCRYPTED', says: 'Chưa lưu tệp nào',
      },
    ])('refuses $what with $status $code, a Vietnamese reason, and stores nothing', async ({ files, status, code, says }) => {
      const before = await listing();
      const jobsBefore = (await call(t.url, 'GET', '/api/admin/jobs', { token: ADMIN_TOKEN })).body.jobs.length as number;
      const r = await upload(files());
      expect(r.status).toBe(status);
      expect(r.body).toMatchObject({ ok: false, code });
      expect(r.body.message).toContain(says);
      expect(r.body.message).toMatch(VIETNAMESE);
      expect(await listing()).toEqual(before);
      expect((await call(t.url, 'GET', '/api/admin/jobs', { token: ADMIN_TOKEN })).body.jobs).toHaveLength(jobsBefore);
      expect((await call(t.url, 'GET', '/healthz')).status).toBe(200);
    });

    it('stores a path-traversal file name under a safe name inside UPLOAD_DIR, never outside', async () => {
      const r = await upload([
        { name: '../../evil.txt', data: 'Thông báo lịch trực ban đêm của phường Nghĩa Chánh.\n' },
        { name: '..\\..\\evil-win.txt', data: 'Thông báo lịch trực ban ngày của phường Nghĩa Lộ.\n' },
      ], { reindex: 'false' });
      expect(r.status).toBe(201);
      const names = (r.body.files as Json[]).map((f) => f.fileName as string);
      expect(names).toEqual(['evil.txt', 'evil-win.txt']);
      for (const name of names) expect(existsSync(join(uploadDir, name))).toBe(true);
      for (const outside of [resolve(uploadDir, '../../evil.txt'), resolve(uploadDir, '../evil.txt'), resolve(uploadDir, '..', 'evil-win.txt')]) {
        expect(existsSync(outside)).toBe(false);
      }
      expect(r.body.job).toBeUndefined();
    });

    it.each([
      { what: 'a corrupt PDF behind a valid header', files: () => [{ name: 'hong.pdf', data: file(fx.badPdfCorrupt) }], code: 'PDF_CORRUPT', says: MESSAGES.PDF_CORRUPT },
      { what: 'a zip-bomb DOCX', files: () => [{ name: 'bom-nen.docx', data: file(fx.badDocxBomb) }], code: 'DOCX_TOO_LARGE_UNPACKED', says: MESSAGES.DOCX_TOO_LARGE_UNPACKED },
      { what: 'an image-only PDF', files: () => [{ name: 'ban-scan.pdf', data: file(fx.badPdfNoText) }], code: 'PDF_NO_TEXT', says: MESSAGES.PDF_NO_TEXT },
      {
        what: 'a secret-marked document',
        files: () => [{ name: 'bao-cao-mat.txt', data: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nMẬT\nBÁO CÁO\nTình hình an ninh trên địa bàn.\n' }],
        code: 'SECRET_MARKING', says: MESSAGES.SECRET_MARKING,
      },
      {
        what: 'a JSONL file with a bad line among good records',
        files: () => [{ name: 'ban-ghi.jsonl', data: `${JSON.stringify({ id: 'TB-01', title: 'Thông báo', text: 'Lịch trực tiếp dân tháng 8.' })}\n{"id": "TB-02", "text": \n` }],
        code: 'JSONL_MALFORMED', says: 'Dòng 2',
      },
      {
        what: 'a record whose id another source of the index owns',
        files: () => [{ name: 'trung-ma.jsonl', data: `${JSON.stringify({ id: '1.001193', title: 'Trùng mã', text: 'Một bản ghi mang mã của thủ tục đăng ký khai sinh.' })}\n` }],
        code: 'DUPLICATE_ID', says: 'đã là của văn bản',
      },
    ])('refuses $what at upload, as the job would, with the Vietnamese reason and nothing kept', async ({ files, code, says }) => {
      const before = await listing();
      const jobsBefore = (await call(t.url, 'GET', '/api/admin/jobs', { token: ADMIN_TOKEN })).body.jobs.length as number;
      const r = await upload(files());
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ ok: false, code });
      expect(r.body.message).toContain(says);
      expect(r.body.message).toMatch(VIETNAMESE);
      expect(r.body.files[0]).toMatchObject({ code, fileName: files()[0]!.name });
      expect(await listing()).toEqual(before);
      expect((await call(t.url, 'GET', '/api/admin/jobs', { token: ADMIN_TOKEN })).body.jobs).toHaveLength(jobsBefore);
    });

    it('checks an upload in a worker thread: the server keeps answering meanwhile, then a good file is indexed', async () => {
      const pending = upload([{ name: 'lich-truc.txt', data: 'THÔNG BÁO\nLịch trực ban đêm của phường Nghĩa Chánh trong tháng 12.\n' }]);
      await expectAnswer(t.url);
      const r = await pending;
      expect(r.status).toBe(201);
      expect(r.body.files[0]).toMatchObject({ fileName: 'lich-truc.txt', check: 'passed', documents: 1 });
      const done = await finishedJob(t.url, r.body.job.id as string);
      expect(done.status).toBe('succeeded');
      await waitFor('the new version to be served', async () => ((await servedVersion(t.url)) === done.summary.version ? true : undefined), 10_000);
      // The traversal uploads were indexed under their safe names too.
      const search = await call(t.url, 'POST', '/api/search', { body: { query: 'lịch trực ban đêm phường Nghĩa Chánh', k: 3 } });
      expect(search.body.results.map((x: Json) => x.sourceId)).toEqual(expect.arrayContaining(['evil.txt', 'lich-truc.txt']));
    });
  });
});

describe('abusive clients (in-process server, 20 requests a minute per IP, 2 s request timeout)', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ RATE_LIMIT_PER_IP: '20', REQUEST_TIMEOUT_MS: '2000' });
  });

  afterAll(async () => {
    await t?.close();
  });

  // The malformed requests carry a token so that the per-IP quota is left to the flood test.
  it('answers raw garbage bytes sent as JSON with 400 BAD_JSON', async () => {
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    const r = await call(t.url, 'POST', '/api/chat', { token: OFFICIAL_TOKEN, raw: garbage, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, code: 'BAD_JSON', message: HTTP_MESSAGES.BAD_JSON });
    await expectAnswer(t.url, OFFICIAL_TOKEN);
  });

  it('refuses a 10 MB body with 413 PAYLOAD_TOO_LARGE and stays healthy', async () => {
    const raw = JSON.stringify({ message: 'a'.repeat(10 * 1024 * 1024) });
    const r = await call(t.url, 'POST', '/api/chat', { token: OFFICIAL_TOKEN, raw, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: HTTP_MESSAGES.PAYLOAD_TOO_LARGE });
    expect((await call(t.url, 'GET', '/healthz')).status).toBe(200);
    await expectAnswer(t.url, OFFICIAL_TOKEN);
  });

  it('survives a request with a huge header (431 from Node)', async () => {
    const conn = await rawConnection(t.url, `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Huge: ${'a'.repeat(32 * 1024)}\r\n\r\n`);
    const { text } = await Promise.race([conn.closed, sleep(5_000).then(() => ({ text: 'still open after 5 s' }))]);
    conn.destroy();
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect((await call(t.url, 'GET', '/healthz')).status).toBe(200);
    await expectAnswer(t.url, OFFICIAL_TOKEN);
  });

  it('closes connections that send their headers or body too slowly within a few seconds, serving others meanwhile', async () => {
    const started = Date.now();
    const slowHeaders = await rawConnection(t.url, 'POST /api/chat HTTP/1.1\r\nHost: localhost\r\n');
    const body = JSON.stringify({ message: PROCEDURE_QUESTION });
    const slowBody = await rawConnection(t.url, `POST /api/chat HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${OFFICIAL_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    let n = 0;
    const drip = setInterval(() => {
      slowHeaders.write(`X-Drip-${n}: a\r\n`);
      slowBody.write(body[n] ?? ' ');
      n++;
    }, 200);
    try {
      await expectAnswer(t.url, OFFICIAL_TOKEN);
      expect((await call(t.url, 'GET', '/healthz')).status).toBe(200);
      const timeout = sleep(8_000).then(() => ({ text: 'still open after 8 s', at: Infinity }));
      const [h, b] = await Promise.all([Promise.race([slowHeaders.closed, timeout]), Promise.race([slowBody.closed, timeout])]);
      expect(h.text).toMatch(/^HTTP\/1\.1 408 /);
      expect(b.text).toMatch(/^HTTP\/1\.1 408 /);
      expect(Math.max(h.at, b.at) - started).toBeLessThan(6_000);
    } finally {
      clearInterval(drip);
      slowHeaders.destroy();
      slowBody.destroy();
    }
    await expectAnswer(t.url, OFFICIAL_TOKEN);
  });

  it('answers a flood from one IP with 429 RATE_LIMITED and Retry-After, limits a token in its own bucket, never limits /healthz', async () => {
    const flood = await Promise.all(Array.from({ length: 60 }, () => call(t.url, 'POST', '/api/chat', { body: { message: PROCEDURE_QUESTION } })));
    const ok = flood.filter((r) => r.status === 200);
    const limited = flood.filter((r) => r.status === 429);
    expect(ok.length + limited.length).toBe(60);
    // A burst of 7 (a third of the minute's 20), plus one token every 3 s refilled meanwhile (a slow CI may take a few).
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.length).toBeLessThanOrEqual(10);
    for (const r of limited) {
      expect(r.body).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
      expect(r.body.message).toContain(HTTP_MESSAGES.RATE_LIMITED);
      const retryAfter = Number(r.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(3);
      expect(r.body.retryAfterSec).toBe(retryAfter);
    }
    // Same IP, but an admin token: its own bucket.
    const admin = await call(t.url, 'POST', '/api/chat', { token: ADMIN_TOKEN, body: { message: PROCEDURE_QUESTION } });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('ratelimit-limit')).toBe('600');
    expect((await call(t.url, 'POST', '/api/chat', { body: { message: PROCEDURE_QUESTION } })).status).toBe(429);
    const probes = await Promise.all(Array.from({ length: 40 }, (_, i) => call(t.url, 'GET', i % 2 ? '/healthz' : '/readyz')));
    expect(probes.map((p) => p.status)).toEqual(probes.map(() => 200));
  });
});

describe('answers in flight (in-process server with a slow scripted LLM)', () => {
  let llm: ScriptedOpenAiServer;
  let t: TestServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    llm = await startScriptedOpenAiServer(Array.from({ length: 100 }, () => ({
      chunks: ['Hồ sơ gồm tờ khai đăng ký khai sinh', ' và giấy chứng sinh [1].'], delayMs: 700, chunkDelayMs: 50,
    })));
    t = await startTestServer({ ...NO_LIMITS, LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'scripted', SHUTDOWN_GRACE_MS: '10000' });
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t?.close();
    await llm?.close();
  });

  async function connected(): Promise<Socket> {
    const s = connectSocket(t.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(s);
    await new Promise<void>((r, reject) => {
      s.once('connect', () => r());
      s.once('connect_error', reject);
    });
    return s;
  }

  const modelCalls = () => llm.requests.length;
  const modelCalled = (count: number) => waitFor(`${count} model call(s)`, () => (modelCalls() >= count ? true : undefined), 10_000, 10);

  describe('clients that leave mid-answer', () => {
    it('stops the model call of a REST client that aborts /api/chat, and keeps serving', async () => {
      const before = modelCalls();
      const controller = new AbortController();
      const pending = call(t.url, 'POST', '/api/chat', { body: { message: 'Đăng ký thường trú cần giấy tờ gì?' }, signal: controller.signal });
      await modelCalled(before + 1);
      controller.abort();
      await expect(pending).rejects.toThrow(/abort/i);
      await waitFor('the model call to be abandoned', () => (llm.requests[before]?.aborted ? true : undefined), 5_000);
      expect((await call(t.url, 'GET', '/healthz')).status).toBe(200);
      await expectAnswer(t.url);
    });

    it('stops the answer of a socket.io client that disconnects right after asking, and answers the next one', async () => {
      const before = modelCalls();
      const quitter = await connected();
      quitter.emit('ask', { message: 'Cấp hộ chiếu phổ thông cần giấy tờ gì?', requestId: 'q1' });
      await modelCalled(before + 1);
      quitter.disconnect();
      // Nobody listens any more: the model call is abandoned, not left generating.
      await waitFor('the model call to be abandoned', () => (llm.requests[before]?.aborted ? true : undefined), 5_000);
      // One that leaves before the server has even read the question.
      const hasty = await connected();
      hasty.emit('ask', { message: 'Đăng ký kết hôn cần giấy tờ gì?' });
      hasty.disconnect();

      const s = await connected();
      const ack = await s.timeout(20_000).emitWithAck('ask', { message: PROCEDURE_QUESTION }) as Json;
      expect(ack.ok).toBe(true);
      expect(ack.citations.length).toBeGreaterThan(0);
    });

    it('audits no failed exchange other than the cancelled ones', async () => {
      const records = await waitFor('the cancelled exchange in the audit trail', async () => {
        const r = await call(t.url, 'GET', '/api/admin/audit?format=json', { token: ADMIN_TOKEN });
        const list = r.body.records as Json[];
        return list.some((x) => x.outcome === 'error' && x.reason === 'CANCELLED') ? list : undefined;
      }, 10_000, 100);
      const failed = records.filter((r) => r.outcome === 'error');
      expect(failed.map((r) => r.reason)).toEqual(failed.map(() => 'CANCELLED'));
      expect(records.filter((r) => r.outcome === 'answered').length).toBeGreaterThanOrEqual(2);
    });
  });

  it('on close() finishes every accepted answer, refuses late requests with 503 SHUTTING_DOWN, and hangs up on none', async () => {
    const before = modelCalls();
    const questions = ['Đăng ký khai sinh cần giấy tờ gì?', 'Đăng ký thường trú cần giấy tờ gì?', 'Cấp hộ chiếu phổ thông cần giấy tờ gì?', 'Đăng ký kết hôn cần giấy tờ gì?', 'Lệ phí đăng ký khai sinh là bao nhiêu?'];
    const replies = questions.map((message) => call(t.url, 'POST', '/api/chat', { body: { message } }));
    await modelCalled(before + questions.length);
    // Requests begun before the shutdown (their connections are not idle) and completed after it.
    const lateReady = await rawConnection(t.url, 'GET /readyz HTTP/1.1\r\nHost: localhost\r\n');
    const lateChat = await rawConnection(t.url, 'POST /api/chat HTTP/1.1\r\nHost: localhost\r\n');
    await sleep(200);

    const closing = t.server.close();
    lateReady.write('Connection: close\r\n\r\n');
    const body = JSON.stringify({ message: PROCEDURE_QUESTION });
    lateChat.write(`Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);

    const settled = await Promise.allSettled(replies);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value.status : String(s.reason)))).toEqual(questions.map(() => 200));
    for (const s of settled) if (s.status === 'fulfilled') expect(s.value.body.citations.length).toBeGreaterThan(0);
    const ready = parseRaw((await lateReady.closed).text);
    expect(ready).toMatchObject({ status: 503, body: { ok: false, code: 'SHUTTING_DOWN', message: HTTP_MESSAGES.SHUTTING_DOWN } });
    const late = parseRaw((await lateChat.closed).text);
    expect(late).toMatchObject({ status: 503, body: { ok: false, code: 'SHUTTING_DOWN', message: HTTP_MESSAGES.SHUTTING_DOWN } });

    await Promise.race([closing, sleep(15_000).then(() => {
      throw new Error('close() did not resolve within 15 s');
    })]);
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
  });
});
