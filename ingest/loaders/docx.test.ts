import { readFile, stat } from 'node:fs/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Footer, Header, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_PARAGRAPHS } from '../../scripts/make-fixtures.ts';
import { structureDocument } from '../structure-step.ts';
import { inspectDocx } from './docx.ts';
import { loadSource } from './index.ts';
import { collect, tempFixtures } from './test-support.ts';

let fx: Awaited<ReturnType<typeof tempFixtures>>;
beforeAll(async () => { fx = await tempFixtures(); });
afterAll(async () => { await fx.cleanup(); });

describe('DOCX loader', () => {
  it('extracts the Vietnamese headings and paragraphs, one paragraph per block', async () => {
    const { docs, skipped } = await collect(loadSource(fx.goodDocx));
    expect(skipped).toEqual([]);
    const text = docs[0]!.text;
    const p = REPORT_PARAGRAPHS;
    expect(text.split('\n\n')).toEqual([p.heading, p.subtitle, p.section1, p.body1, p.section2, p.body2]);
    expect(docs[0]!.pages).toBeUndefined();
  });

  it('reads the zip bomb\'s declared size from the central directory without inflating it', async () => {
    const onDisk = (await stat(fx.badDocxBomb)).size;
    expect(onDisk).toBeLessThan(1024 * 1024);
    await expect(inspectDocx(await readFile(fx.badDocxBomb), Number.MAX_SAFE_INTEGER))
      .rejects.toMatchObject({ code: 'DOCX_TOO_LARGE_UNPACKED', message: expect.stringContaining('ratio') });
  });

  it('skips the zip bomb with DOCX_TOO_LARGE_UNPACKED and names the file', async () => {
    const { docs, skipped } = await collect(loadSource(fx.badDocxBomb));
    expect(docs).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.code).toBe('DOCX_TOO_LARGE_UNPACKED');
    expect(skipped[0]!.message).toContain('bom-nen.docx');
  });

  it('refuses a DOCX whose total unpacked size exceeds maxUnpackedBytes', async () => {
    const { skipped } = await collect(loadSource(fx.goodDocx, { maxUnpackedBytes: 1000 }));
    expect(skipped.map((s) => s.code)).toEqual(['DOCX_TOO_LARGE_UNPACKED']);
  });

  it('skips a .docx that is not a zip with DOCX_CORRUPT', async () => {
    const { docs, skipped } = await collect(loadSource(fx.badDocxNotZip));
    expect(docs).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.code).toBe('DOCX_CORRUPT');
    expect(skipped[0]!.message).toContain('khong-phai-zip.docx');
  });

  it('reports the entries of a real DOCX, including word/document.xml', async () => {
    const summary = await inspectDocx(await readFile(fx.goodDocx));
    expect(summary.hasDocumentXml).toBe(true);
    expect(summary.entries).toBeGreaterThan(3);
  });
});

describe('DOCX loader: page headers and footers', () => {
  it('keeps them apart from the body as margins, and a stamp there keeps the document out of the index', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docx-margins-'));
    try {
      const path = join(dir, 'bao-cao.docx');
      const doc = new Document({ sections: [{
        headers: { default: new Header({ children: [new Paragraph('MẬT')] }) },
        footers: { default: new Footer({ children: [new Paragraph('Trang 1')] }) },
        children: [new Paragraph('SỞ KHOA HỌC VÀ CÔNG NGHỆ'), new Paragraph('BÁO CÁO'), new Paragraph('1. Kết quả rà soát hệ thống.')],
      }] });
      await writeFile(path, await Packer.toBuffer(doc));
      const { docs } = await collect(loadSource(path));
      expect(docs[0]!.text).not.toContain('MẬT');
      expect(docs[0]!.margins).toEqual(expect.arrayContaining(['MẬT', 'Trang 1']));
      const built = structureDocument(docs[0]!);
      expect(built.ok ? undefined : built.skipped.code).toBe('SECRET_MARKING');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
