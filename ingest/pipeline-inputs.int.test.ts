import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures, type FixturePaths } from '../scripts/make-fixtures.ts';
import { makeTinyModel } from '../scripts/make-tiny-model.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { ingest, type IngestSummary } from './pipeline.ts';
import { openIndex } from '../index/open-index.ts';

let work: string;
let fx: FixturePaths;
let summary: IngestSummary;

beforeAll(async () => {
  work = await mkdtemp(join(os.tmpdir(), 'pipeline-inputs-'));
  fx = await makeFixtures(join(work, 'fixtures'));
  summary = await ingest({ inputs: [fx.dir], indexDir: join(work, 'index') });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'ingest', 'cli.ts'), ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? -1, stdout, stderr }));
  });
}

describe('ingesting a directory of good and bad files', () => {
  it('skips each bad file with its own code and a Vietnamese message naming it, and indexes the rest', () => {
    const byCode = new Map(summary.skipped.map((s) => [s.code, s]));
    for (const code of ['PDF_ENCRYPTED', 'PDF_CORRUPT', 'PDF_NO_TEXT', 'DOCX_TOO_LARGE_UNPACKED', 'DOCX_CORRUPT', 'TEXT_ENCODING', 'METADATA_INVALID', 'JSONL_MALFORMED', 'JSONL_MISSING_FIELD', 'DUPLICATE_ID']) {
      expect(byCode.has(code), code).toBe(true);
    }
    expect(byCode.get('PDF_ENCRYPTED')!.message).toMatch(/mật khẩu/);
    expect(byCode.get('PDF_ENCRYPTED')!.source).toBe(fx.badPdfEncrypted);
    expect(byCode.get('JSONL_MALFORMED')!.message).toMatch(/^Dòng 4: /);
    // Good ones: PDF, DOCX, 3 UTF-16, Windows-1252, Windows-1258, Markdown, HTML and 3 records.
    expect(summary.added.length).toBe(12);
    expect(summary.added).toEqual(expect.arrayContaining(['ke-hoach-12-kh-ubnd.pdf', 'bao-cao-quy-2.docx', 'utf16le-bom.txt', 'western-1252.txt', 'QD-01']));
    expect(summary.published).toBe(true);
  });

  it('keeps PDF page numbers and sidecar metadata on the indexed plan', async () => {
    const index = await openIndex(join(work, 'index'));
    const plan = [...index.state.docs.values()].find((d) => d.number === '12/KH-UBND')!;
    expect(plan.type).toBe('kế hoạch');
    expect(plan.audience).toBe('internal');
    const chunks = plan.labels.map((l) => index.chunk(l)!);
    expect(chunks.some((c) => c.page === 2 && c.text.includes('Số hóa hồ sơ'))).toBe(true);
    const citizen = await index.search('số hóa hồ sơ thủ tục hành chính', { k: 5 });
    expect(citizen.some((h) => h.docId === plan.id)).toBe(false);
    const official = await index.search('số hóa hồ sơ thủ tục hành chính', { k: 5, audiences: ['public', 'internal'] });
    expect(official[0]!.docId).toBe(plan.id);
    expect(official[0]!.section).toMatch(/^Mục II/);
  });

  it('refuses a document bearing a secrecy marking and reports it', async () => {
    const dir = join(work, 'secret');
    await mkdir(dir);
    await writeFile(join(dir, 'mat.txt'), 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nMẬT\nBÁO CÁO\nTình hình an ninh trên địa bàn.\n');
    await writeFile(join(dir, 'cong-khai.txt'), 'THÔNG BÁO\nLịch tiếp công dân tháng 7 năm 2026.\n');
    const s = await ingest({ inputs: [dir], indexDir: join(work, 'index-secret') });
    expect(s.added).toEqual(['cong-khai.txt']);
    expect(s.skipped).toHaveLength(1);
    expect(s.skipped[0]!.code).toBe('SECRET_MARKING');
    expect(s.skipped[0]!.message).toMatch(/độ mật/i);
  });

  it('skips a record whose id another source already uses', async () => {
    const dir = join(work, 'dups');
    await mkdir(dir);
    await writeFile(join(dir, 'a.jsonl'), `${JSON.stringify({ id: 'QD-1', title: 'Quyết định A', text: 'Nội dung quyết định A về lệ phí.' })}\n`);
    await writeFile(join(dir, 'b.jsonl'), `${JSON.stringify({ id: 'QD-1', title: 'Quyết định B', text: 'Nội dung khác.' })}\n`);
    const s = await ingest({ inputs: [dir], indexDir: join(work, 'index-dups') });
    expect(s.added).toEqual(['QD-1']);
    expect(s.skipped.map((k) => k.code)).toEqual(['DUPLICATE_ID']);
    expect(s.skipped[0]!.source).toMatch(/b\.jsonl#L1$/);
  });
});

describe('ingest CLI', () => {
  it('prints a JSON summary and exits 0 when something was indexed', async () => {
    const r = await cli([fx.goodMarkdown, fx.badPdfCorrupt, '--index', join(work, 'index-cli'), '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as IngestSummary;
    expect(s.added).toHaveLength(1);
    expect(s.skipped.map((k) => k.code)).toEqual(['PDF_CORRUPT']);
  });

  it('exits 1 with a Vietnamese message when nothing could be indexed', async () => {
    const r = await cli([fx.badPdfCorrupt, '--index', join(work, 'index-none')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Không có tài liệu nào được lập chỉ mục/);
  });

  it('exits 2 with the usage text on bad arguments', async () => {
    const r = await cli(['--index']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cách dùng/);
  });
});

describe('a neural embedder through the same HNSW path', () => {
  it('builds and searches an index with a transformers.js model from a local directory', async () => {
    const { modelDir, dimension } = await makeTinyModel(join(work, 'model'));
    const dir = join(work, 'tiny');
    await mkdir(dir);
    await writeFile(join(dir, 'a.txt'), 'THÔNG BÁO\nLịch tiếp công dân định kỳ tháng 6.\n');
    await writeFile(join(dir, 'b.txt'), 'KẾ HOẠCH\nChuyển đổi số trong cơ quan nhà nước.\n');
    const s = await ingest({ inputs: [dir], indexDir: join(work, 'index-tiny'), embedder: { kind: 'transformers', model: modelDir } });
    expect(s.embedder).toBe(`transformers:${modelDir}`);
    const index = await openIndex(join(work, 'index-tiny'));
    expect(index.state.vectors.size).toBe(s.chunks);
    expect(index.state.embedder.dimension).toBe(dimension);
    const hits = await index.search('lịch tiếp công dân', { k: 2, weights: { bm25: 0, dense: 1 } });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.score).toBeGreaterThan(0);
    const again = await ingest({ inputs: [dir], indexDir: join(work, 'index-tiny'), embedder: { kind: 'transformers', model: modelDir } });
    expect(again.published).toBe(false);
  });
});

describe('an input that has disappeared', () => {
  it('keeps the documents of a recorded root that is not on disk and reports it', async () => {
    const dir = join(work, 'vanishing');
    await mkdir(join(dir, 'docs'), { recursive: true });
    await mkdir(join(dir, 'other'), { recursive: true });
    await writeFile(join(dir, 'docs', 'thong-bao.txt'), 'THÔNG BÁO\nLịch tiếp công dân vào sáng thứ Ba hằng tuần tại trụ sở.\n');
    await writeFile(join(dir, 'other', 'ke-hoach.txt'), 'KẾ HOẠCH\nTổ chức hội nghị tiếp xúc cử tri quý IV.\n');
    const indexDir = join(work, 'vanishing-index');
    const first = await ingest({ inputs: [join(dir, 'docs'), join(dir, 'other')], indexDir });
    await rm(join(dir, 'docs'), { recursive: true });
    const again = await ingest({ inputs: [join(dir, 'docs')], indexDir });
    expect(again).toMatchObject({ published: false, removed: [], missingRoots: [join(dir, 'docs')], documents: 2 });
    // A change elsewhere publishes, still with the missing root's document.
    await writeFile(join(dir, 'other', 'ke-hoach.txt'), 'KẾ HOẠCH\nTổ chức hội nghị tiếp xúc cử tri quý IV năm 2026.\n');
    const changed = await ingest({ inputs: [], indexDir });
    expect(changed).toMatchObject({ published: true, updated: ['ke-hoach.txt'], removed: [], missingRoots: [join(dir, 'docs')], documents: 2 });
    const index = await openIndex(indexDir);
    expect(index.version).not.toBe(first.version);
    expect(index.state.manifest.build?.missingRoots).toEqual([join(dir, 'docs')]);
    // A rebuild would lose it: it stops instead.
    await expect(ingest({ inputs: [], indexDir, rebuild: true })).rejects.toMatchObject({ code: 'SOURCE_MISSING' });
  });

  it('stops on a new input that does not exist, keeping the active version', async () => {
    const indexDir = join(work, 'vanishing-index');
    const before = await openIndex(indexDir);
    const err = await ingest({ inputs: [join(work, 'khong-co')], indexDir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect((err as { userMessage: string }).userMessage).toContain('chỉ mục hiện tại được giữ nguyên');
    expect((await openIndex(indexDir)).version).toBe(before.version);
  });
});
