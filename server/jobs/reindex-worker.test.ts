import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCurrent } from '../../index/layout.ts';
import { parseLock } from '../../ingest/store/lock.ts';
import type { WorkerMessage } from './worker-protocol.ts';
import { notice, workspace, type Workspace } from './testing/tiny-corpus.ts';

/** An input as the server gives it. */
const input = (path: string) => ({ path, origin: 'corpus_paths' as const });
const WORKER = fileURLToPath(new URL('./reindex-worker.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

let ws: Workspace;
const children: ChildProcess[] = [];

beforeEach(async () => {
  ws = await workspace();
  await ws.write({ 'tb-1.txt': notice(1), 'tb-2.txt': notice(2) });
});

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await ws.cleanup();
});

function startWorker(): { child: ChildProcess; messages: WorkerMessage[]; exited: Promise<[number | null, NodeJS.Signals | null]> } {
  const child = fork(WORKER, [], { execArgv: ['--import', TSX], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.push(child);
  const messages: WorkerMessage[] = [];
  child.on('message', (m: WorkerMessage) => messages.push(m));
  return { child, messages, exited: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]> };
}

describe('reindex worker', () => {
  it('runs one ingest, reports throttled progress then done, and exits 0', async () => {
    const { child, messages, exited } = startWorker();
    child.send({ type: 'start', options: { inputs: [input(ws.corpus)], indexDir: ws.indexDir } });
    expect(await exited).toEqual([0, null]);
    const types = messages.map((m) => m.type);
    expect(types.at(-1)).toBe('done');
    expect(types.slice(0, -1).every((t) => t === 'progress')).toBe(true);
    // scan, load ×2, embed, index, save, done arrive within a few ms: throttled, the last one kept.
    expect(types.length - 1).toBeLessThan(7);
    const last = messages.at(-2);
    expect(last?.type === 'progress' && last.progress.phase).toBe('done');
    const done = messages.at(-1)!;
    expect(done.type === 'done' && done.summary).toMatchObject({ published: true, added: 2, documents: 2, version: await readCurrent(ws.indexDir) });
  });

  it('reports an invalid start message as failed with a Vietnamese message', async () => {
    const { child, messages, exited } = startWorker();
    child.send({ type: 'start', options: { inputs: [input(ws.corpus)], indexDir: '' } });
    expect((await exited)[0]).toBe(1);
    expect(messages).toEqual([{ type: 'failed', error: { code: 'INVALID_ARGUMENT', message: 'Tham số không hợp lệ.', detail: expect.stringContaining('bad start message') } }]);
  });

  it('reports a run that indexes nothing as failed with the ingest error code', async () => {
    await mkdir(join(ws.dir, 'rong'), { recursive: true });
    await writeFile(join(ws.dir, 'rong', 'trong.txt'), '   \n');
    const { child, messages, exited } = startWorker();
    child.send({ type: 'start', options: { inputs: [input(join(ws.dir, 'rong'))], indexDir: join(ws.dir, 'index-rong') } });
    await exited;
    const last = messages.at(-1)!;
    expect(last.type === 'failed' && last.error.code).toBe('NOTHING_INDEXED');
    // The message says which file was skipped, and why: the run's summary is never shown when nothing is indexed.
    expect(last.type === 'failed' && last.error.message).toMatch(/^Không có tài liệu nào được lập chỉ mục\. Các tệp bị bỏ qua: trong\.txt: .+ \[[A-Z_]+\]\.$/);
  });

  it('reports a missing input as failed, naming it, with the index kept', async () => {
    const { child, messages, exited } = startWorker();
    child.send({ type: 'start', options: { inputs: [input(join(ws.dir, 'khong-co'))], indexDir: ws.indexDir } });
    await exited;
    const last = messages.at(-1)!;
    expect(last.type === 'failed' && last.error.code).toBe('FILE_UNREADABLE');
    expect(last.type === 'failed' && last.error.message).toContain('chỉ mục hiện tại được giữ nguyên');
  });

  it('exits and releases the index lock when its parent disconnects mid-run', async () => {
    await ws.addBulk(300);
    const { child, messages, exited } = startWorker();
    child.send({ type: 'start', options: { inputs: [input(ws.corpus)], indexDir: ws.indexDir } });
    await once(child, 'message');
    expect(parseLock(await readFile(join(ws.indexDir, 'LOCK'), 'utf8'))).toMatchObject({ pid: child.pid, role: 'reindex-worker', ppid: process.pid });
    child.disconnect();
    const t0 = Date.now();
    const [code] = await exited;
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(code).toBe(1);
    expect(messages.map((m) => m.type)).toEqual(['progress']);
    await expect(readFile(join(ws.indexDir, 'LOCK'))).rejects.toThrow(/ENOENT/);
    expect(await readCurrent(ws.indexDir)).toBeUndefined();
  });

  it('exits when its parent disconnects before sending any job', async () => {
    const { child, exited } = startWorker();
    await once(child, 'spawn');
    child.disconnect();
    const t0 = Date.now();
    expect((await exited)[1]).toBeNull();
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
