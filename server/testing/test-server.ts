/**
 * A real server for integration tests: a small index (the shipped corpus, a slice of the
 * national TTHC catalog, one internal document) in a temporary directory, built with the
 * same ingest inputs the server's re-index jobs use, and the server on a free port.
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { ingest } from '../../ingest/pipeline.ts';
import { loadConfig, type Config } from '../../config/config.ts';
import { configFromEnvironment } from '../../config/environment.ts';
import { datasetPaths, requireDataset } from '../../config/paths.ts';
import { ingestInputs, startServer, type RunningServer } from '../server.ts';

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
export const OFFICIAL_TOKEN = 'official-token-for-tests-0123456789';

/** A sentence only the internal document contains, to prove citizens never see it. */
export const INTERNAL_MARKER = 'Phương án bố trí nhân sự tổ công tác đặc biệt Sông Vệ';

export interface TestServer {
  server: RunningServer;
  config: Config;
  work: string;
  url: string;
  close(): Promise<void>;
}

/**
 * Write to `target` the catalog lines of procedures whose names contain one of `names`
 * (every procedure when `names` is empty), at most `max` of them.
 */
export async function tthcSlice(target: string, names: string[], max: number): Promise<void> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(requireDataset(datasetPaths(configFromEnvironment()).tthc), 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    const title = /"ten_thu_tuc":\s*"([^"]*)"/.exec(line)?.[1] ?? '';
    if (names.length === 0 || names.some((n) => title.includes(n))) lines.push(line);
    if (lines.length >= max) break;
  }
  rl.close();
  await writeFile(target, `${lines.join('\n')}\n`);
}

export async function buildTestCorpus(work: string): Promise<string[]> {
  const internal = join(work, 'internal');
  await mkdir(internal, { recursive: true });
  await writeFile(join(internal, 'ke-hoach-noi-bo-to-cong-tac.txt'), [
    'KẾ HOẠCH',
    'Bố trí nhân sự tổ công tác đặc biệt Sông Vệ (tài liệu nội bộ)',
    `1. ${INTERNAL_MARKER}: tổ gồm 7 cán bộ, trực từ ngày 01/12/2026.`,
    '2. Kinh phí dự kiến cho tổ công tác đặc biệt Sông Vệ là 120 triệu đồng.',
    '',
  ].join('\n'));
  await writeFile(join(internal, 'ke-hoach-noi-bo-to-cong-tac.txt.meta.json'), JSON.stringify({ audience: 'internal', type: 'kế hoạch' }));
  const tthc = join(work, 'tthc.jsonl');
  await tthcSlice(tthc, ['khai sinh', 'thường trú', 'hộ chiếu', 'kết hôn'], 40);
  return [tthc, internal];
}

/** Build the test corpus and index, then start the server. `env` overrides the defaults. */
export async function startTestServer(env: Record<string, string> = {}, opts: { work?: string; logger?: Logger } = {}): Promise<TestServer> {
  const work = opts.work ?? await mkdtemp(join(os.tmpdir(), 'server-'));
  const extra = await buildTestCorpus(work);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    INDEX_DIR: join(work, 'index'),
    UPLOAD_DIR: join(work, 'uploads'),
    STATE_DIR: join(work, 'state'),
    AUDIT_DIR: join(work, 'audit'),
    CORPUS_PATHS: extra.join(','),
    ASSISTANT_TOKENS: `admin:${ADMIN_TOKEN},official:${OFFICIAL_TOKEN}`,
    SERVER_SECRET: 'server-secret-for-tests-0123456789',
    LOG_LEVEL: 'silent',
    // The upload check's worker starts slowly on a loaded test machine: never let it defer a file here.
    UPLOAD_CHECK_TIMEOUT_MS: '120000',
    ...env,
  });
  await mkdir(config.UPLOAD_DIR, { recursive: true });
  await ingest({ inputs: ingestInputs(config), indexDir: config.INDEX_DIR, embedder: config.embedder });
  const server = await startServer(config, opts.logger ? { logger: opts.logger } : {});
  return {
    server, config, work, url: server.url,
    close: async () => {
      await server.close();
      if (!opts.work) await rm(work, { recursive: true, force: true });
    },
  };
}
