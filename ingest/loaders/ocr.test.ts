/**
 * Contract of the OCR loaders (scanned PDF, mixed PDF, PNG, TIFF) on generated scans:
 * text, confidence and pages in meta.extraction, orientation, limits, a missing engine,
 * cancel. Needs tesseract-ocr, tesseract-ocr-vie and poppler-utils (.ci/run installs them).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISION, SCAN_PAGE_2, TYPED_PAGE } from '../../scripts/make-fixtures.ts';
import { runningTools } from '../ocr/processes.ts';
import { structureDocument } from '../structure-step.ts';
import { loadSource } from './index.ts';
import { collect, tempFormatFixtures } from './test-support.ts';

let fx: Awaited<ReturnType<typeof tempFormatFixtures>>;
beforeAll(async () => { fx = await tempFormatFixtures(); });
afterAll(async () => { await fx.cleanup(); });

const HEADER_LINES = [...DECISION.issuerLines, DECISION.number, ...DECISION.mottoLines, DECISION.placeDate];

describe('scanned PDF (200 dpi, noise, 1° skew)', () => {
  it('recognises the page, header cells on their own lines, with its confidence and progress per page', async () => {
    const progress: Array<[number, number]> = [];
    const { docs, skipped } = await collect(loadSource(fx.scanPdf, { onPages: (d, n) => progress.push([d, n]) }));
    expect(skipped).toEqual([]);
    const doc = docs[0]!;
    expect(doc.text.split('\n').slice(0, HEADER_LINES.length)).toEqual(HEADER_LINES);
    expect(doc.text).toContain(DECISION.article2);
    expect(doc.meta?.extraction).toMatchObject({ pages: 1, ocrPages: [1], lowConfidencePages: [], engine: expect.stringMatching(/^tesseract 5/) });
    expect(doc.meta!.extraction!.meanConfidence).toBeGreaterThan(85);
    expect(progress).toEqual([[0, 1], [1, 1]]);
  });

  it('becomes a document whose number, issuer and date the metadata parser finds', async () => {
    const { docs } = await collect(loadSource(fx.scanPdf));
    const built = structureDocument(docs[0]!);
    if (!built.ok) throw new Error(built.skipped.message);
    expect(built.meta).toMatchObject({ number: '1287/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi', issuedDate: '2025-08-15', type: 'quyết định' });
    expect(built.meta.extraction?.ocrPages).toEqual([1]);
  });
});

describe('mixed PDF', () => {
  it('keeps the text layer of the typed page and recognises only the scanned one', async () => {
    const { docs } = await collect(loadSource(fx.mixedPdf));
    const doc = docs[0]!;
    expect(doc.meta?.extraction).toMatchObject({ pages: 2, ocrPages: [2] });
    expect(doc.pages![0]).toContain(TYPED_PAGE[1]);
    expect(doc.pages![1]!.replace(/\s+/g, ' ')).toContain(SCAN_PAGE_2[1]);
  });
});

describe('images', () => {
  it('recognises a PNG, and a two-page TIFF page by page', async () => {
    const png = (await collect(loadSource(fx.scanPng))).docs[0]!;
    expect(png.text).toContain(DECISION.article2);
    const tiff = (await collect(loadSource(fx.scanTiff))).docs[0]!;
    expect(tiff.pages).toHaveLength(2);
    expect(tiff.meta?.extraction).toMatchObject({ pages: 2, ocrPages: [1, 2] });
    expect(tiff.pages![1]!.replace(/\s+/g, ' ')).toContain(SCAN_PAGE_2[0]);
  });

  it('turns an upside-down page upright and says so', async () => {
    const doc = (await collect(loadSource(fx.upsideDownPng))).docs[0]!;
    expect(doc.text).toContain(DECISION.article2);
    expect(doc.meta?.extraction?.warnings).toEqual(['Trang 1 bị xoay; đã xoay lại 180° trước khi nhận dạng.']);
  });

  it('skips a file that is not an image with IMAGE_CORRUPT', async () => {
    const { skipped } = await collect(loadSource(fx.badImage));
    expect(skipped.map((s) => [s.code, s.message.includes('anh-hong.png')])).toEqual([['IMAGE_CORRUPT', true]]);
  });
});

describe('limits and a missing engine', () => {
  it('refuses too many pages, too many pixels and too long a page with a Vietnamese message', async () => {
    const pages = await collect(loadSource(fx.scanTiff, { ocr: { maxPages: 1 } }));
    expect(pages.skipped[0]).toMatchObject({ code: 'OCR_TOO_MANY_PAGES', message: expect.stringContaining('giới hạn 1 trang') });
    const pixels = await collect(loadSource(fx.scanPng, { ocr: { maxPixels: 1_000_000 } }));
    expect(pixels.skipped[0]).toMatchObject({ code: 'OCR_IMAGE_TOO_LARGE', message: expect.stringContaining('triệu điểm ảnh') });
    const time = await collect(loadSource(fx.scanPng, { ocr: { pageTimeoutMs: 1 } }));
    expect(time.skipped[0]).toMatchObject({ code: 'OCR_TIMEOUT', message: expect.stringContaining('Giới hạn 0 giây mỗi trang') });
  });

  it('names the Debian packages when tesseract or its Vietnamese data is missing, and skips only the scans', async () => {
    const dir = join(fx.dir, 'thieu-ocr');
    await mkdir(dir);
    await Promise.all([copyFile(fx.scanPdf, join(dir, 'scan.pdf')), copyFile(fx.decisionDocx, join(dir, 'van-ban.docx'))]);
    const noEngine = await collect(loadSource(dir, { ocr: { tesseract: '/khong-co/tesseract' } }));
    expect(noEngine.docs.map((d) => d.sourceId)).toEqual(['van-ban.docx']);
    expect(noEngine.skipped).toEqual([expect.objectContaining({
      code: 'OCR_UNAVAILABLE', message: expect.stringContaining('sudo apt-get install tesseract-ocr tesseract-ocr-vie'),
    })]);
    const noLanguage = await collect(loadSource(fx.scanPng, { ocr: { language: 'khongco' } }));
    expect(noLanguage.skipped[0]).toMatchObject({ code: 'OCR_UNAVAILABLE', message: expect.stringContaining('khongco.traineddata') });
  });

  it('kills every OCR process when the load is cancelled', async () => {
    const cancel = new AbortController();
    const run = collect(loadSource(fx.scanTiff, { signal: cancel.signal, onPages: () => undefined }));
    // Cancel while the first page is being recognised.
    for (let i = 0; i < 200 && runningTools() === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(runningTools()).toBeGreaterThan(0);
    cancel.abort();
    await run;
    // Killed at once; each is counted off when its exit is reported, a moment later on a busy machine.
    await expect.poll(() => runningTools(), { timeout: 5_000 }).toBe(0);
  });
});
