/**
 * Ingest of scans and the new formats: a missing OCR engine skips only the scans and the
 * next run reads them once it is there; a run cancelled during OCR publishes nothing;
 * the summary lists how each scan was read. Needs tesseract-ocr, -vie and poppler-utils.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFormatFixtures } from './loaders/test-support.ts';
import { runningTools } from './ocr/processes.ts';
import { ingest, type IngestProgress } from './pipeline.ts';
import { readCurrent } from '../index/layout.ts';
import { openIndex } from '../index/open-index.ts';

let fx: Awaited<ReturnType<typeof tempFormatFixtures>>;
let work: string;
let inputs: string;

beforeAll(async () => {
  fx = await tempFormatFixtures();
  work = await mkdtemp(join(os.tmpdir(), 'pipeline-ocr-'));
  inputs = join(work, 'van-ban');
  await mkdir(inputs);
  await Promise.all([
    copyFile(fx.scanPdf, join(inputs, 'quyet-dinh-scan.pdf')),
    copyFile(fx.decisionDocx, join(inputs, 'quyet-dinh.docx')),
    copyFile(fx.appendixXlsx, join(inputs, 'phu-luc.xlsx')),
  ]);
});

afterAll(async () => {
  await fx.cleanup();
  await rm(work, { recursive: true, force: true });
});

describe('ingest of scans', () => {
  it('skips only the scan while tesseract is missing, then reads it on the next run without any change to the file', async () => {
    const indexDir = join(work, 'index-retry');
    const first = await ingest({ inputs: [inputs], indexDir, ocr: { tesseract: '/khong-co/tesseract' } });
    expect(first.added.sort()).toEqual(['phu-luc.xlsx', 'quyet-dinh.docx']);
    expect(first.skipped.map((s) => [s.code, s.message.includes('tesseract-ocr-vie')])).toEqual([['OCR_UNAVAILABLE', true]]);

    const pages: NonNullable<IngestProgress['pages']>[] = [];
    const second = await ingest({ inputs: [inputs], indexDir, onProgress: (p) => p.pages && pages.push(p.pages) });
    expect(second.added).toEqual(['quyet-dinh-scan.pdf']);
    expect(second.skipped).toEqual([]);
    expect(second.extraction).toEqual([expect.objectContaining({ sourceId: 'quyet-dinh-scan.pdf', pages: 1, ocrPages: [1], lowConfidencePages: [] })]);
    expect(pages.map((p) => [p.done, p.total])).toEqual([[0, 1], [1, 1]]);

    const index = await openIndex(indexDir);
    const hits = await index.search('lệ phí đăng ký khai sinh quyết định 1287', { k: 5 });
    expect(hits.some((h) => h.sourceId === 'quyet-dinh-scan.pdf' && h.text.includes('8.000 đồng'))).toBe(true);
    const sheetRow = [...index.state.chunks.values()].find((c) => c.sectionLabel === 'Trang tính “Danh mục”, dòng 4');
    expect(sheetRow?.text).toContain('Tên thủ tục: Đăng ký khai sinh');
  });

  it('publishes nothing and leaves no OCR process when cancelled during OCR', async () => {
    const indexDir = join(work, 'index-cancel');
    const cancel = new AbortController();
    const run = ingest({ inputs: [inputs], indexDir, signal: cancel.signal, onProgress: (p) => p.pages && cancel.abort() });
    await expect(run).rejects.toMatchObject({ code: 'INGEST_CANCELLED' });
    expect(runningTools()).toBe(0);
    expect(await readCurrent(indexDir)).toBeUndefined();
  });
});
