import { spawn } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from './pipeline.ts';
import { openIndex } from '../index/open-index.ts';
import { readCurrent, versionsDir } from '../index/layout.ts';
import { REPO_ROOT } from '../config/paths.ts';

let work: string;
let corpus: string;
let indexDir: string;

beforeEach(async () => {
  work = await mkdtemp(join(os.tmpdir(), 'pipeline-'));
  corpus = join(work, 'corpora');
  indexDir = join(work, 'index');
  await cp(join(REPO_ROOT, 'corpora'), corpus, { recursive: true });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const seed = 'quang-ngai/thong-bao-114-tb-skhcn-nhu-cau-cong-nghe.md';

describe('ingest pipeline on the shipped corpus', () => {
  it('indexes the five seed documents with their sidecar metadata and makes them searchable', async () => {
    const s = await ingest({ inputs: [corpus], indexDir });
    expect(s.published).toBe(true);
    expect(s.added).toHaveLength(5);
    expect(s.skipped).toEqual([]);
    const index = await openIndex(indexDir);
    const notice = [...index.state.docs.values()].find((d) => d.sourceId === seed)!;
    expect(notice.number).toBe('114/TB-SKHCN');
    expect(notice.issuedDate).toBe('2026-06-04');
    expect(notice.type).toBe('thông báo');
    expect(notice.audience).toBe('public');
    const hits = await index.search('danh mục nhu cầu công nghệ trí tuệ nhân tạo', { k: 3 });
    expect(hits[0]!.sourceId).toBe(seed);
    const folded = await index.search('danh muc nhu cau cong nghe', { k: 3 });
    expect(folded[0]!.sourceId).toBe(seed);
  });

  it('does no work on an unchanged re-run, replaces a changed source and deletes a removed one', async () => {
    const first = await ingest({ inputs: [corpus], indexDir });
    const again = await ingest({ inputs: [corpus], indexDir });
    expect(again.published).toBe(false);
    expect(again.version).toBe(first.version);
    expect(again.unchanged).toBe(5);

    await appendFile(join(corpus, seed), '\n#### 3. Bổ sung\n\nĐề nghị gửi đề xuất về kính hiển vi điện tử quét trước ngày 30/9/2026.\n');
    const changed = await ingest({ inputs: [corpus], indexDir });
    expect(changed.updated).toEqual([seed]);
    expect(changed.added).toEqual([]);
    expect(changed.unchanged).toBe(4);
    const index = await openIndex(indexDir);
    const hits = await index.search('kính hiển vi điện tử quét', { k: 1 });
    expect(hits[0]!.sourceId).toBe(seed);

    await rm(join(corpus, seed));
    const removed = await ingest({ inputs: [corpus], indexDir });
    expect(removed.removed).toEqual([seed]);
    expect(removed.documents).toBe(4);
    const after = await openIndex(indexDir);
    expect((await after.search('kính hiển vi điện tử quét', { k: 5 })).some((h) => h.sourceId === seed)).toBe(false);
  });

  it('re-indexes a document when only its sidecar metadata changes', async () => {
    await ingest({ inputs: [corpus], indexDir });
    const sidecar = join(corpus, `${seed}.meta.json`);
    const meta = JSON.parse(await readFile(sidecar, 'utf8'));
    await writeFile(sidecar, JSON.stringify({ ...meta, audience: 'internal' }));
    const s = await ingest({ inputs: [corpus], indexDir });
    expect(s.updated).toEqual([seed]);
    const index = await openIndex(indexDir);
    const doc = [...index.state.docs.values()].find((d) => d.sourceId === seed)!;
    expect(doc.audience).toBe('internal');
    const citizen = await index.search('danh mục nhu cầu công nghệ', { k: 10 });
    expect(citizen.some((h) => h.sourceId === seed)).toBe(false);
    const official = await index.search('danh mục nhu cầu công nghệ', { k: 10, audiences: ['public', 'internal'] });
    expect(official.some((h) => h.sourceId === seed)).toBe(true);
  });

  it('keeps the previous index fully usable when a run is killed with SIGKILL before publishing', async () => {
    const first = await ingest({ inputs: [corpus], indexDir });
    await appendFile(join(corpus, seed), '\nĐoạn mới chưa được xuất bản.\n');
    const script = `
      import { ingest } from ${JSON.stringify(join(REPO_ROOT, 'ingest', 'pipeline.ts'))};
      await ingest({ inputs: [${JSON.stringify(corpus)}], indexDir: ${JSON.stringify(indexDir)},
        beforePublish: async () => { process.stdout.write('READY\\n'); await new Promise(() => {}); } });
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolveReady, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('READY') && resolveReady());
      child.on('exit', (code) => reject(new Error(`child exited early: ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));

    expect(await readCurrent(indexDir)).toBe(first.version);
    expect((await readdir(versionsDir(indexDir))).length).toBe(2);
    const index = await openIndex(indexDir);
    expect(index.state.docs.size).toBe(5);
    expect((await index.search('danh mục nhu cầu công nghệ', { k: 1 }))[0]!.sourceId).toBe(seed);

    // The next run takes over the stale lock, sweeps the half-built version and publishes.
    const next = await ingest({ inputs: [corpus], indexDir });
    expect(next.updated).toEqual([seed]);
    expect(await readCurrent(indexDir)).toBe(next.version);
    expect(await readdir(versionsDir(indexDir))).toContain(first.version);
  }, 120_000);

  it('re-indexes only the changed record of a JSONL file and keeps the others searchable', async () => {
    const records = join(work, 'records.jsonl');
    const rec = (id: string, text: string) => JSON.stringify({ id, title: `Văn bản ${id}`, text });
    await writeFile(records, [rec('A', 'Quy định về lệ phí cấp phép khai thác cát sỏi lòng sông.'), rec('B', 'Hướng dẫn tiếp nhận hồ sơ trực tuyến.')].join('\n'));
    await ingest({ inputs: [corpus, records], indexDir });
    await writeFile(records, [rec('A', 'Quy định về lệ phí cấp phép khai thác cát sỏi lòng sông.'), rec('B', 'Hướng dẫn tiếp nhận hồ sơ qua dịch vụ bưu chính công ích.')].join('\n'));
    const s = await ingest({ inputs: [corpus, records], indexDir });
    expect(s.updated).toEqual(['B']);
    expect(s.unchanged).toBe(6);
    const index = await openIndex(indexDir);
    expect((await index.search('khai thác cát sỏi', { k: 1 }))[0]!.sourceId).toBe('A');
    expect((await index.search('bưu chính công ích', { k: 1 }))[0]!.sourceId).toBe('B');
    expect(index.state.chunks.size).toBe(s.chunks);
  });

  it('rebuilds from the sources when the active version is unreadable', async () => {
    const first = await ingest({ inputs: [corpus], indexDir });
    await writeFile(join(versionsDir(indexDir), first.version!, 'manifest.json'), '{"formatVersion": 0}');
    const s = await ingest({ inputs: [corpus], indexDir });
    expect(s.published).toBe(true);
    expect(s.added).toHaveLength(5);
    expect((await openIndex(indexDir)).state.docs.size).toBe(5);
  });
});
