import { once } from 'node:events';
import { readFile, writeFile, rm, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.ts';
import { readCurrent } from '../../index/layout.ts';
import { parseLock } from '../../ingest/store/lock.ts';
import { openIndex } from '../../index/open-index.ts';
import { JOB_MESSAGES, JobConflictError } from './job-errors.ts';
import type { JobInfo } from './job-info.ts';
import { ReindexJobs, type ReindexJobsOptions } from './reindex-jobs.ts';
import { notice, workspace, type Workspace } from './testing/tiny-corpus.ts';

let ws: Workspace;
const open: ReindexJobs[] = [];

beforeEach(async () => {
  ws = await workspace();
  await ws.write({ 'tb-1.txt': notice(1), 'tb-2.txt': notice(2), 'tb-3.txt': notice(3) });
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((j) => j.close()));
  await ws.cleanup();
});

async function jobsFor(opts: Partial<ReindexJobsOptions> = {}): Promise<ReindexJobs> {
  const jobs = new ReindexJobs({ indexDir: ws.indexDir, inputs: [ws.corpus], stateFile: ws.stateFile, ...opts });
  open.push(jobs);
  await jobs.init();
  return jobs;
}

/** The next 'update' for which `pred` holds. */
function updateWhere(jobs: ReindexJobs, pred: (j: JobInfo) => boolean): Promise<JobInfo> {
  return new Promise((resolve) => {
    const on = (j: JobInfo) => {
      if (!pred(j)) return;
      jobs.off('update', on);
      resolve(j);
    };
    jobs.on('update', on);
  });
}

const finished = (jobs: ReindexJobs) => updateWhere(jobs, (j) => j.status === 'succeeded' || j.status === 'failed');
const firstProgress = (jobs: ReindexJobs) => updateWhere(jobs, (j) => j.progress !== undefined);

/** Pid of the process holding the index lock: the worker, once ingest has started. */
async function lockHolder(): Promise<number> {
  const pid = parseLock(await readFile(join(ws.indexDir, 'LOCK'), 'utf8'))?.pid ?? NaN;
  expect(pid).toBeGreaterThan(0);
  expect(pid).not.toBe(process.pid);
  return pid;
}

async function persisted(): Promise<JobInfo[]> {
  return (JSON.parse(await readFile(ws.stateFile, 'utf8')) as { jobs: JobInfo[] }).jobs;
}

const exists = (path: string) => readFile(path).then(() => true, () => false);

describe('ReindexJobs', () => {
  it('runs ingest in a worker, publishes a new version and reports progress and counts', async () => {
    const jobs = await jobsFor();
    const updates: JobInfo[] = [];
    jobs.on('update', (j) => updates.push(j));
    const succeeded = once(jobs, 'succeeded');

    const started = jobs.start({ user: 'u-7f3a' });
    expect(started).toMatchObject({ kind: 'reindex', status: 'queued', requestedBy: 'u-7f3a', options: { rebuild: false } });
    expect(jobs.running()?.id).toBe(started.id);
    const [first] = (await succeeded) as [JobInfo];

    expect(first.id).toBe(started.id);
    expect(first.summary).toMatchObject({ published: true, added: 3, updated: 0, removed: 0, unchanged: 0, skipped: [], documents: 3 });
    expect(first.summary!.chunks).toBeGreaterThanOrEqual(3);
    expect(first.summary!.version).toBe(await readCurrent(ws.indexDir));
    expect(first.startedAt! >= first.createdAt && first.finishedAt! >= first.startedAt!).toBe(true);
    expect(updates.map((u) => u.status).filter((s, i, all) => s !== all[i - 1])).toEqual(['queued', 'running', 'succeeded']);
    const progress = updates.flatMap((u) => (u.progress ? [u.progress] : []));
    expect(progress[0]!.phase).toBe('scan');
    expect(progress.at(-1)).toMatchObject({ phase: 'done', percent: 100, sourcesDone: 3, sourcesTotal: 3 });
    expect(progress.map((p) => p.percent)).toEqual([...progress.map((p) => p.percent)].sort((a, b) => a - b));
    expect(jobs.running()).toBeUndefined();
    expect((await openIndex(ws.indexDir)).state.docs.size).toBe(3);

    // Second run: one changed, one removed, one added, one empty file in a subfolder.
    await ws.write({ 'tb-1.txt': notice(1, 'Bổ sung: nhận hồ sơ cả ngày thứ Bảy.'), 'tb-4.txt': notice(4), 'phu-luc/rong.txt': '  \n' });
    await rm(join(ws.corpus, 'tb-2.txt'));
    const second = finished(jobs);
    jobs.start({ user: 'u-7f3a' });
    const done = await second;
    expect(done.status).toBe('succeeded');
    expect(done.summary).toMatchObject({ published: true, added: 1, updated: 1, removed: 1, unchanged: 1, documents: 3 });
    expect(done.summary!.skipped).toEqual([{ sourceId: 'phu-luc/rong.txt', code: 'FILE_EMPTY', message: expect.stringContaining('phu-luc/rong.txt') }]);
    expect(done.summary!.version).not.toBe(first.summary!.version);
    expect(await readCurrent(ws.indexDir)).toBe(done.summary!.version);

    expect(jobs.list().map((j) => j.id)).toEqual([done.id, first.id]);
    expect(JSON.stringify(jobs.list())).not.toContain(ws.dir);
    expect((await persisted()).map((j) => [j.id, j.status])).toEqual([[done.id, 'succeeded'], [first.id, 'succeeded']]);
  });

  it('refuses a second job while one runs, with the running job attached', async () => {
    const jobs = await jobsFor();
    const done = finished(jobs);
    const first = jobs.start({ user: 'u-1' });
    let conflict: unknown;
    try {
      jobs.start({ user: 'u-2' }, { rebuild: true });
    } catch (err) {
      conflict = err;
    }
    expect(conflict).toBeInstanceOf(JobConflictError);
    const e = conflict as JobConflictError;
    expect([e.code, e.userMessage, e.running.id]).toEqual(['JOB_CONFLICT', 'Đang có một lượt lập chỉ mục chạy; vui lòng đợi lượt đó xong.', first.id]);
    expect(jobs.list()).toHaveLength(1);
    expect((await done).status).toBe('succeeded');

    const next = finished(jobs);
    expect(jobs.start({ user: 'u-2' }, { rebuild: true }).options.rebuild).toBe(true);
    expect((await next).summary).toMatchObject({ published: true, added: 3 });
  });

  it('runs one follow-up job for requests made while a job runs, so no change is left unindexed', async () => {
    const jobs = await jobsFor();
    const succeeded: JobInfo[] = [];
    jobs.on('succeeded', (j) => succeeded.push(j));
    const first = jobs.request({ user: 'u-1' });
    expect(first.queued).toBe(false);
    // Two requests during the run coalesce into one follow-up, which keeps the rebuild asked for.
    expect(jobs.request({ user: 'u-2' })).toEqual({ job: expect.objectContaining({ id: first.job.id }), queued: true });
    expect(jobs.request({ user: 'u-3' }, { rebuild: true }).queued).toBe(true);
    const deadline = Date.now() + 30_000;
    while (succeeded.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(succeeded.map((j) => j.id)[0]).toBe(first.job.id);
    expect(succeeded[1]).toMatchObject({ requestedBy: 'u-3', options: { rebuild: true } });
    await new Promise((r) => setTimeout(r, 300));
    expect(jobs.list()).toHaveLength(2);
    expect(jobs.running()).toBeUndefined();
  });

  it('reports a worker killed with SIGKILL as crashed, keeps the old version serving, and runs it again by itself, taking over the lock', async () => {
    const base = await ingest({ inputs: [ws.corpus], indexDir: ws.indexDir });
    await ws.addBulk(300);
    const jobs = await jobsFor({ retry: { baseMs: 300 } });
    const failed = once(jobs, 'failed');
    const progressed = firstProgress(jobs);
    jobs.start({ user: 'u-1' });
    await progressed;
    const pid = await lockHolder();
    process.kill(pid, 'SIGKILL');

    const [job, detail] = (await failed) as [JobInfo, string];
    expect(job.status).toBe('failed');
    expect(job.error!.code).toBe('JOB_CRASHED');
    expect(job.error!.message).toContain('SIGKILL');
    expect(job.error!.message).toContain('chỉ mục cũ vẫn đang phục vụ');
    expect(detail).toContain('SIGKILL');
    expect(await readCurrent(ws.indexDir)).toBe(base.version);
    const index = await openIndex(ws.indexDir);
    expect(index.state.docs.size).toBe(3);
    expect((await index.search('đăng ký thường trú xã số 2', { k: 1 }))[0]!.sourceId).toBe('tb-2.txt');
    // The dead worker's lock is still there: the next run must take it over.
    expect(await lockHolder()).toBe(pid);
    expect(jobs.retryPending).toBe(true);

    // Nobody asks: the server's retry runs it again after its delay.
    const done = await finished(jobs);
    expect(done).toMatchObject({ status: 'succeeded', retryOf: job.id, attempt: 2, requestedBy: 'u-1' });
    expect(done.summary).toMatchObject({ published: true, added: 300, unchanged: 3, documents: 303 });
    expect(await readCurrent(ws.indexDir)).toBe(done.summary!.version);
  });

  it('starts a job that met the lock of a live writer again with backoff, once the lock is free', async () => {
    const base = await ingest({ inputs: [ws.corpus], indexDir: ws.indexDir });
    await ws.write({ 'tb-4.txt': notice(4) });
    // A CLI run of this very process holds the index.
    await writeFile(join(ws.indexDir, 'LOCK'), JSON.stringify({ pid: process.pid, ppid: process.ppid, role: 'cli' }));
    const jobs = await jobsFor({ retry: { baseMs: 200, maxAttempts: 10 } });
    const failures: JobInfo[] = [];
    jobs.on('failed', (j) => failures.push(j));
    const first = jobs.start({ user: 'u-1' });
    await expect.poll(() => failures.length, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(2);
    expect(failures.map((j) => j.error!.code)).toEqual(failures.map(() => 'INDEX_LOCKED'));
    expect(failures[1]).toMatchObject({ retryOf: first.id, attempt: 2 });
    expect(await readCurrent(ws.indexDir)).toBe(base.version);

    const done = finished(jobs);
    await rm(join(ws.indexDir, 'LOCK'));
    const ok = await done;
    expect(ok).toMatchObject({ status: 'succeeded', retryOf: first.id });
    expect(ok.attempt).toBeGreaterThanOrEqual(3);
    expect(ok.summary).toMatchObject({ added: 1, documents: 4 });
  });

  it('gives up after the last attempt', async () => {
    await mkdir(ws.indexDir, { recursive: true });
    await writeFile(join(ws.indexDir, 'LOCK'), JSON.stringify({ pid: process.pid, role: 'cli' }));
    const jobs = await jobsFor({ retry: { baseMs: 50, maxAttempts: 3 } });
    const failures: JobInfo[] = [];
    jobs.on('failed', (j) => failures.push(j));
    jobs.start({ user: 'u-1' });
    await expect.poll(() => failures.length, { timeout: 20_000, interval: 20 }).toBe(3);
    await new Promise((r) => setTimeout(r, 400));
    expect(failures.map((j) => j.attempt ?? 1)).toEqual([1, 2, 3]);
    expect(jobs.retryPending).toBe(false);
    expect(jobs.running()).toBeUndefined();
  });

  it('marks a job left running by a previous server process as interrupted on init, then resumes it', async () => {
    await ws.addBulk(300);
    const before = await jobsFor();
    const job = before.start({ user: 'u-1' }, { rebuild: true });
    await firstProgress(before);
    await expect.poll(async () => (await persisted())[0]?.status, { timeout: 5000, interval: 10 }).toBe('running');
    // The previous server is gone: so is its worker.
    process.kill(await lockHolder(), 'SIGKILL');

    const after = new ReindexJobs({ indexDir: ws.indexDir, inputs: [ws.corpus], stateFile: ws.stateFile });
    open.push(after);
    const report = await after.init();
    expect(report.interrupted.map((j) => j.id)).toEqual([job.id]);
    const seen = after.get(job.id)!;
    expect(seen.status).toBe('failed');
    expect(seen.error).toEqual({ code: 'JOB_INTERRUPTED', message: 'Tiến trình lập chỉ mục bị dừng đột ngột (máy chủ khởi động lại); chỉ mục cũ vẫn đang phục vụ.' });
    expect(seen.finishedAt).toBeDefined();
    expect((await persisted())[0]).toMatchObject({ id: job.id, status: 'failed', error: { code: 'JOB_INTERRUPTED' } });
    expect(after.running()).toBeUndefined();

    // Once listening, the new server runs it again: same requester, same options.
    const done = finished(after);
    const resumed = after.resumeInterrupted()!;
    expect(resumed).toMatchObject({ retryOf: job.id, attempt: 2, requestedBy: 'u-1', options: { rebuild: true } });
    expect(after.resumeInterrupted()).toBeUndefined();
    expect(await done).toMatchObject({ id: resumed.id, status: 'succeeded', summary: { documents: 303 } });
  });

  it('kills a job that runs past its time limit and fails it with JOB_TIMEOUT', async () => {
    await ws.addBulk(300);
    const jobs = await jobsFor({ timeoutMs: 300, killGraceMs: 1000 });
    const failed = once(jobs, 'failed');
    const t0 = Date.now();
    jobs.start({ user: 'u-1' });
    const [job] = (await failed) as [JobInfo];
    expect(job.error).toEqual({ code: 'JOB_TIMEOUT', message: 'Lượt lập chỉ mục chạy quá thời gian cho phép (0,3 giây) nên đã bị dừng; chỉ mục cũ vẫn đang phục vụ.' });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await readCurrent(ws.indexDir)).toBeUndefined();
    expect(jobs.running()).toBeUndefined();
  });

  it('cancels a running job: the worker exits, releases the lock and nothing is published', async () => {
    const base = await ingest({ inputs: [ws.corpus], indexDir: ws.indexDir });
    await ws.addBulk(300);
    const jobs = await jobsFor();
    const failedEvents: JobInfo[] = [];
    jobs.on('failed', (j) => failedEvents.push(j));
    const job = jobs.start({ user: 'u-1' });
    await firstProgress(jobs);
    const pid = await lockHolder();

    const cancelled = await jobs.cancel(job.id);
    expect(cancelled!.status).toBe('failed');
    expect(cancelled!.error).toEqual({ code: 'JOB_CANCELLED', message: JOB_MESSAGES.JOB_CANCELLED });
    expect(failedEvents.map((j) => j.id)).toEqual([job.id]);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await exists(join(ws.indexDir, 'LOCK'))).toBe(false);
    expect(await readCurrent(ws.indexDir)).toBe(base.version);
    expect(jobs.running()).toBeUndefined();
    expect((await jobs.cancel(job.id))!.error!.code).toBe('JOB_CANCELLED');
    expect(await jobs.cancel('no-such-job')).toBeUndefined();
  });

  it('on close stops the running job, records it as interrupted and refuses new jobs', async () => {
    await ws.addBulk(300);
    const jobs = await jobsFor();
    const job = jobs.start({ user: 'u-1' });
    await firstProgress(jobs);
    await jobs.close();
    expect(jobs.get(job.id)!.error!.code).toBe('JOB_INTERRUPTED');
    expect((await persisted())[0]).toMatchObject({ id: job.id, status: 'failed', error: { code: 'JOB_INTERRUPTED' } });
    expect(() => jobs.start({ user: 'u-1' })).toThrow(/closed/);
    expect(await readCurrent(ws.indexDir)).toBeUndefined();
  });

  it('reports a worker that cannot start as crashed, with its stderr kept for the log only', async () => {
    const jobs = await jobsFor({ workerPath: join(ws.dir, 'khong-co-worker.ts') });
    const failed = once(jobs, 'failed');
    jobs.start({ user: 'u-1' });
    const [job, detail] = (await failed) as [JobInfo, string];
    expect(job.error).toEqual({ code: 'JOB_CRASHED', message: 'Tiến trình lập chỉ mục dừng bất thường (mã thoát 1); chỉ mục cũ vẫn đang phục vụ.' });
    expect(detail).toContain('khong-co-worker.ts');
    expect(JSON.stringify(job)).not.toContain(ws.dir);
  });

  it('sets a corrupt state file aside and starts with an empty list', async () => {
    await mkdir(dirname(ws.stateFile), { recursive: true });
    const garbage = '{"formatVersion":1,"jobs":[{"id":';
    await writeFile(ws.stateFile, garbage);
    const jobs = new ReindexJobs({ indexDir: ws.indexDir, inputs: [ws.corpus], stateFile: ws.stateFile });
    open.push(jobs);
    const report = await jobs.init();
    expect(report.corruptStateMovedTo).toMatch(/jobs\.json\.corrupt-/);
    expect(await readFile(report.corruptStateMovedTo!, 'utf8')).toBe(garbage);
    expect(jobs.list()).toEqual([]);
    expect(await persisted()).toEqual([]);
    expect((await readdir(dirname(ws.stateFile))).sort()).toEqual(['jobs.json', report.corruptStateMovedTo!.split('/').at(-1)!].sort());
  });

  it('keeps the newest jobs of a persisted history, newest first', async () => {
    const old = (i: number): JobInfo => ({
      id: `job-${i}`, kind: 'reindex', status: 'succeeded', requestedBy: 'u-1', createdAt: `2026-01-0${i}T08:00:00.000Z`,
      finishedAt: `2026-01-0${i}T08:01:00.000Z`, options: { rebuild: false },
    });
    await mkdir(dirname(ws.stateFile), { recursive: true });
    await writeFile(ws.stateFile, JSON.stringify({ formatVersion: 1, jobs: [1, 4, 2, 5, 3].map(old) }));
    const jobs = new ReindexJobs({ indexDir: ws.indexDir, inputs: [ws.corpus], stateFile: ws.stateFile, historyLimit: 3 });
    open.push(jobs);
    expect(await jobs.init()).toEqual({ interrupted: [] });
    expect(jobs.list().map((j) => j.id)).toEqual(['job-5', 'job-4', 'job-3']);
    expect(jobs.get('job-1')).toBeUndefined();
  });
});
