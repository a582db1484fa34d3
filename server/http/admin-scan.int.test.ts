/**
 * A scanned decision uploaded by an admin becomes answerable: the re-index job OCRs it,
 * reports per-page progress and the extraction in its summary, the documents API shows
 * the admin its pages, OCR'd pages and confidence, and search finds it by number and content.
 * Needs tesseract-ocr, tesseract-ocr-vie and poppler-utils (.ci/run installs them).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFormatFixtures } from '../../ingest/loaders/test-support.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../testing/test-server.ts';

let t: TestServer;
let fx: Awaited<ReturnType<typeof tempFormatFixtures>>;

beforeAll(async () => {
  [t, fx] = await Promise.all([startTestServer({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000' }), tempFormatFixtures()]);
});

afterAll(async () => {
  await t?.close();
  await fx?.cleanup();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: string, path: string, opts: { body?: unknown; token?: string; form?: FormData } = {}): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.url}${path}`, { method, headers, ...(opts.form ? { body: opts.form } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  return { status: res.status, body: (await res.json()) as Json };
}

describe('an image-only PDF uploaded by an admin', () => {
  it('is OCR\'d by the re-index job, shown with its confidence, and found by its number and content', async () => {
    const version = t.server.indexes.version;
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(await readFile(fx.scanPdf))]), 'quyet-dinh-1287-scan.pdf');
    const up = await call('POST', '/api/admin/documents', { token: ADMIN_TOKEN, form });
    expect(up.status).toBe(201);
    const docId = up.body.files[0].docId as string;

    const seen: Json[] = [];
    let job: Json;
    const deadline = Date.now() + 240_000;
    for (;;) {
      job = (await call('GET', `/api/admin/jobs/${String(up.body.job.id)}`, { token: ADMIN_TOKEN })).body;
      if (job.progress?.pages) seen.push(job.progress.pages as Json);
      if (job.status === 'succeeded' || job.status === 'failed') break;
      if (Date.now() > deadline) throw new Error(`job still ${String(job.status)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job.status).toBe('succeeded');
    expect(job.summary.skipped).toEqual([]);
    expect(job.summary.extraction).toEqual([expect.objectContaining({ sourceId: expect.stringContaining('quyet-dinh-1287-scan.pdf'), pages: 1, ocrPages: [1], lowConfidencePages: [] })]);
    // The last progress report the job kept names the file and its page count.
    expect(seen.every((p) => p.file === 'quyet-dinh-1287-scan.pdf' && p.total === 1)).toBe(true);
    for (let i = 0; i < 100 && t.server.indexes.version === version; i++) await new Promise((r) => setTimeout(r, 50));

    const listed = (await call('GET', '/api/documents?q=1287', { token: ADMIN_TOKEN })).body.documents as Json[];
    const doc = listed.find((d) => d.id === docId)!;
    expect(doc).toMatchObject({ number: '1287/QĐ-UBND', extraction: { pages: 1, ocrPages: [1] } });
    expect(doc.extraction.meanConfidence).toBeGreaterThan(80);
    // Citizens see the document, not how it was extracted.
    const publicView = (await call('GET', `/api/documents/${docId}`)).body;
    expect(publicView.number).toBe('1287/QĐ-UBND');
    expect(publicView.extraction).toBeUndefined();

    // Retrieval finds the scan by its number and its fee clause, as it would the typed text.
    const byNumber = (await call('POST', '/api/search', { body: { query: 'Quyết định 1287/QĐ-UBND', k: 3 } })).body.results as Json[];
    expect(byNumber[0]).toMatchObject({ docId, title: 'Về việc công bố danh mục thủ tục hành chính lĩnh vực hộ tịch' });
    const byFee = (await call('POST', '/api/search', { body: { query: 'lệ phí đăng ký khai sinh quyết định 1287', k: 3 } })).body.results as Json[];
    expect(byFee.find((r) => r.docId === docId)?.text).toContain('Điều 2. Lệ phí đăng ký khai sinh là 8.000 đồng.');
  });
});
