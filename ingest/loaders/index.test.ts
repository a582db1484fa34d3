import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSources, loadSource, sourceIdFor } from './index.ts';
import { collect, tempFixtures } from './test-support.ts';

let fx: Awaited<ReturnType<typeof tempFixtures>>;
let scratch: string;
beforeAll(async () => {
  fx = await tempFixtures();
  scratch = await mkdtemp(join(tmpdir(), 'loaders-index-'));
});
afterAll(async () => {
  await fx.cleanup();
  await rm(scratch, { recursive: true, force: true });
});

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('discoverSources', () => {
  it('lists supported files recursively, sorted, without hidden files or sidecars', async () => {
    const found = await discoverSources([fx.dir]);
    const rel = found.map((p) => sourceIdFor(p, fx.dir));
    expect(rel).toEqual([
      'ban-scan.pdf', 'bao-cao-quy-2.docx', 'bom-nen.docx', 'hong.pdf', 'ke-hoach-12-kh-ubnd.pdf', 'khong-phai-zip.docx',
      'mat-khau.pdf', 'phu-luc/huong-dan.md', 'phu-luc/thong-bao.html', 'rac-nhi-phan.txt', 'sai-sieu-du-lieu.txt',
      'thong-bao-1258.txt', 'utf16be-khong-bom.txt', 'utf16le-bom.txt', 'utf16le-khong-bom.txt', 'van-ban.jsonl',
      'western-1252.txt',
    ]);
  });

  it('keeps explicit file paths, even missing ones, and removes duplicates', async () => {
    const missing = join(fx.dir, 'khong-ton-tai.pdf');
    expect(await discoverSources([fx.goodDocx, missing, fx.goodDocx])).toEqual([fx.goodDocx, missing].sort());
  });
});

describe('loadSource on a directory', () => {
  it('yields every good document and one skip per bad file or line, each naming its file', async () => {
    const { docs, skipped } = await collect(loadSource(fx.dir));
    expect(docs.map((d) => d.sourceId).sort()).toEqual([
      'CV-05', 'KH-02', 'QD-01', 'bao-cao-quy-2.docx', 'ke-hoach-12-kh-ubnd.pdf', 'phu-luc/huong-dan.md',
      'phu-luc/thong-bao.html', 'thong-bao-1258.txt', 'utf16be-khong-bom.txt', 'utf16le-bom.txt',
      'utf16le-khong-bom.txt', 'western-1252.txt',
    ]);
    expect(skipped.map((s) => [s.source.slice(fx.dir.length + 1), s.code])).toEqual([
      ['ban-scan.pdf', 'PDF_NO_TEXT'],
      ['bom-nen.docx', 'DOCX_TOO_LARGE_UNPACKED'],
      ['hong.pdf', 'PDF_CORRUPT'],
      ['khong-phai-zip.docx', 'DOCX_CORRUPT'],
      ['mat-khau.pdf', 'PDF_ENCRYPTED'],
      ['rac-nhi-phan.txt', 'TEXT_ENCODING'],
      ['sai-sieu-du-lieu.txt', 'METADATA_INVALID'],
      ['van-ban.jsonl#L4', 'JSONL_MALFORMED'],
      ['van-ban.jsonl#L5', 'JSONL_MISSING_FIELD'],
      ['van-ban.jsonl#L6', 'DUPLICATE_ID'],
    ]);
    for (const s of skipped) expect(s.message).toContain(`(tệp ${s.source.slice(fx.dir.length + 1).replace(/#L\d+$/, '')})`);
  });
});

describe('loadSource on a file', () => {
  it('merges a valid sidecar into meta and hashes file plus sidecar', async () => {
    const { docs } = await collect(loadSource(fx.goodPdf));
    expect(docs[0]!.meta).toEqual({
      title: 'Kế hoạch triển khai chuyển đổi số năm 2026', type: 'kế hoạch', number: '12/KH-UBND',
      issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi', issuedDate: '2026-06-04', status: 'in_force', audience: 'internal',
      // A text PDF: two pages, none OCR'd.
      extraction: { pages: 2, ocrPages: [], pageConfidence: [], lowConfidencePages: [], warnings: [] },
    });
    expect(docs[0]!.contentHash).not.toBe(sha256(await readFile(fx.goodPdf)));
    expect(docs[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the content hash when only the sidecar changes', async () => {
    const pdf = join(scratch, 'kh.pdf');
    await copyFile(fx.goodPdf, pdf);
    const before = (await collect(loadSource(pdf))).docs[0]!.contentHash;
    expect(before).toBe(sha256(await readFile(pdf)));
    await writeFile(join(scratch, 'kh.meta.json'), JSON.stringify({ audience: 'public', supersedes: '83/KH-UBND' }));
    const after = (await collect(loadSource(pdf))).docs[0]!;
    expect(after.contentHash).not.toBe(before);
    expect(after.meta).toEqual({
      audience: 'public', supersedes: ['83/KH-UBND'],
      extraction: { pages: 2, ocrPages: [], pageConfidence: [], lowConfidencePages: [], warnings: [] },
    });
  });

  it('names the bad fields of an invalid sidecar', async () => {
    const { skipped } = await collect(loadSource(fx.badSidecarText));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.code).toBe('METADATA_INVALID');
    expect(skipped[0]!.message).toContain('sai-sieu-du-lieu.meta.json: type, issuedDate');
  });

  it('skips a file over maxBytes with FILE_TOO_LARGE', async () => {
    const { docs, skipped } = await collect(loadSource(fx.goodPdf, { maxBytes: 1000 }));
    expect(docs).toEqual([]);
    expect(skipped.map((s) => s.code)).toEqual(['FILE_TOO_LARGE']);
    expect(skipped[0]!.message).toContain('ke-hoach-12-kh-ubnd.pdf');
  });

  it('applies maxBytes to JSONL files too', async () => {
    const { skipped } = await collect(loadSource(fx.jsonl, { maxBytes: 100 }));
    expect(skipped.map((s) => [s.code, s.source])).toEqual([['FILE_TOO_LARGE', fx.jsonl]]);
  });

  it('reports a missing file as FILE_UNREADABLE and an unknown extension as FILE_UNSUPPORTED', async () => {
    const missing = await collect(loadSource(join(scratch, 'khong-co.pdf')));
    expect(missing.skipped.map((s) => [s.code, s.message.includes('khong-co.pdf')])).toEqual([['FILE_UNREADABLE', true]]);
    const odd = join(scratch, 'chuong-trinh.exe');
    await writeFile(odd, 'x');
    const unsupported = await collect(loadSource(odd));
    expect(unsupported.skipped.map((s) => s.code)).toEqual(['FILE_UNSUPPORTED']);
  });

  it('names sources relative to root with forward slashes', async () => {
    const { docs } = await collect(loadSource(fx.goodHtml, { root: fx.dir }));
    expect(docs[0]!.sourceId).toBe('phu-luc/thong-bao.html');
    expect(docs[0]!.source).toBe(fx.goodHtml);
    expect(docs[0]!.contentHash).toBe(sha256(await readFile(fx.goodHtml)));
  });
});
