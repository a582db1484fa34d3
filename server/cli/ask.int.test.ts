import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.ts';
import { childEnvironment } from '../../config/environment.ts';
import { REPO_ROOT } from '../../config/paths.ts';
import type { ChatResponse, SearchResponse } from '../assistant.ts';

let work: string;
let indexDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(os.tmpdir(), 'ask-cli-'));
  indexDir = join(work, 'index');
  await ingest({ inputs: [join(REPO_ROOT, 'corpora')], indexDir });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function ask(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server', 'cli', 'ask.ts'), ...args], {
      cwd: REPO_ROOT,
      // No LLM: the extractive answerer, deterministic and offline.
      env: childEnvironment({ INDEX_DIR: '', LLM_BASE_URL: '', AUDIT_DIR: join(work, 'audit'), ...env }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const SHIPPED = /^quang-ngai\//;

describe('npm run ask', () => {
  it('answers a question about a shipped document in the /api/chat shape, citing it', async () => {
    const r = await ask(['--json', '--index', indexDir, 'Danh mục nhu cầu công nghệ của các sở, ban, ngành tỉnh Quảng Ngãi gồm những gì?']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as ChatResponse;
    expect(Object.keys(res).sort()).toEqual(['answer', 'citations', 'conversationId', 'exchangeId', 'notices', 'refused'].sort());
    expect(res.refused).toBe(false);
    expect(res.answer.length).toBeGreaterThan(0);
    expect(res.citations.length).toBeGreaterThan(0);
    expect(res.citations.some((c) => SHIPPED.test(c.sourceId))).toBe(true);
    for (const c of res.citations) expect(typeof c.quote).toBe('string');
  });

  it('prints the answer with numbered sources for a person', async () => {
    const r = await ask(['--index', indexDir, 'Thông báo 114/TB-SKHCN về nhu cầu công nghệ']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nNguồn:\n {2}\[1\] /);
  });

  it('searches in the /api/search shape and as a readable list', async () => {
    const json = await ask(['--json', '--k', '3', '--index', indexDir, '--search', 'chiến lược trí tuệ nhân tạo']);
    expect(json.code).toBe(0);
    const res = JSON.parse(json.stdout) as SearchResponse;
    expect(res.results.length).toBeGreaterThan(0);
    expect(res.results.length).toBeLessThanOrEqual(3);
    expect(Object.keys(res.results[0]!).filter((k) => k !== 'passages').sort()).toEqual(['docId', 'score', 'section', 'sourceId', 'text', 'title']);
    expect(res.results.every((h) => SHIPPED.test(h.sourceId))).toBe(true);

    const text = await ask(['--index', indexDir, '--search', 'chiến lược trí tuệ nhân tạo']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^1\. .+ — .+\[quang-ngai\//);
  });

  it('exits 1 with a hint to build the index when there is none', async () => {
    const r = await ask(['--index', join(work, 'missing'), 'đăng ký khai sinh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('npm start');
    expect(r.stderr).toContain('[INDEX_NOT_FOUND]');
  });

  it('exits 2 on bad arguments', async () => {
    expect((await ask(['--role', 'admin', 'câu hỏi'])).code).toBe(2);
    expect((await ask(['--k', '0', '--search', 'x'])).code).toBe(2);
    expect((await ask([])).code).toBe(2);
  });

  it('leaves an audit record of the exchange with the question redacted', async () => {
    const r = await ask(['--json', '--index', indexDir, 'Số tôi 0912345678, danh mục nhu cầu công nghệ gồm những gì?']);
    expect(r.code).toBe(0);
    const files = await readdir(join(work, 'audit'));
    expect(files.length).toBeGreaterThan(0);
    const text = (await Promise.all(files.map((f) => readFile(join(work, 'audit', f), 'utf8')))).join('');
    expect(text).toContain('danh mục nhu cầu công nghệ');
    expect(text).toContain('[số điện thoại]');
    expect(text).not.toContain('0912345678');
  });
});
