/**
 * The index owns its sources (issue 12, item 1): README's flow — `npm run ingest --
 * corpora <catalog> --index X`, then start the server, whose start-up job runs over
 * corpora/, the uploads and CORPUS_PATHS — keeps every document; changing CORPUS_PATHS
 * removes nothing without an explicit removal.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/config.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { childEnvironment } from '../config/environment.ts';
import { startServer, type RunningServer } from './server.ts';
import type { JobInfo } from './jobs/job-info.ts';
import { tthcSlice } from './testing/test-server.ts';

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
    ...env,
  });
}

/** Start a server with its start-up job (what `npm start` does) and wait for that job to end. */
async function startAndSettle(config: Config): Promise<{ server: RunningServer; job: JobInfo }> {
  const server = await startServer(config, { ingestOnStart: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = server.jobs.list().find((j) => j.requestedBy === 'system');
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
