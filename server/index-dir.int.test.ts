/**
 * INDEX_DIR problems have their own clear errors (issue 12, item 9): a file where the
 * folder should be makes /readyz say so instead of "starting" forever, and the start-up
 * job fails with the same code.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../core/errors.ts';
import { loadConfig } from '../config/config.ts';
import { startServer, type RunningServer } from './server.ts';

let work: string;
let server: RunningServer;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'index-dir-'));
  await writeFile(join(work, 'index'), 'not a folder');
  await mkdir(join(work, 'uploads'));
  server = await startServer(loadConfig({
    PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
    INDEX_DIR: join(work, 'index'), UPLOAD_DIR: join(work, 'uploads'), STATE_DIR: join(work, 'state'), AUDIT_DIR: join(work, 'audit'),
  }), { ingestOnStart: true });
});

afterAll(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('an INDEX_DIR that is a file', () => {
  it('makes /readyz answer 503 with its own code and a Vietnamese reason, not "starting"', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    const body = await res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ ok: false, code: 'INDEX_DIR_NOT_DIRECTORY', message: MESSAGES.INDEX_DIR_NOT_DIRECTORY });
  });

  it('fails the start-up job with the same code, never retried', async () => {
    const deadline = Date.now() + 60_000;
    let job = (await server.jobs.list())[0];
    while ((!job || job.status === 'queued' || job.status === 'running') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await server.jobs.list())[0];
    }
    expect(job).toMatchObject({ status: 'failed', error: { code: 'INDEX_DIR_NOT_DIRECTORY', message: MESSAGES.INDEX_DIR_NOT_DIRECTORY } });
    expect(server.jobs.retryPending).toBe(false);
    const chat = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Đăng ký khai sinh cần giấy tờ gì?' }) });
    expect(chat.status).toBe(503);
  });
});
