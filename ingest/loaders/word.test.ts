/** Contract of the word-processor loaders (DOCX, ODT, DOC): header tables, notes, bad input. */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISION } from '../../scripts/make-fixtures.ts';
import { structureDocument } from '../structure-step.ts';
import { loadSource } from './index.ts';
import { collect, tempFormatFixtures } from './test-support.ts';

let fx: Awaited<ReturnType<typeof tempFormatFixtures>>;
beforeAll(async () => { fx = await tempFormatFixtures(); });
afterAll(async () => { await fx.cleanup(); });

const HEADER_LINES = [...DECISION.issuerLines, ...DECISION.mottoLines, DECISION.number, DECISION.placeDate];

describe.each([
  ['DOCX', 'decisionDocx'],
  ['ODT', 'decisionOdt'],
  ['DOC', 'decisionDoc'],
] as const)('%s decision', (_format, key) => {
  it('lays the header out one line per header cell line, never glued', async () => {
    const { docs, skipped } = await collect(loadSource(fx[key]));
    expect(skipped).toEqual([]);
    expect(docs[0]!.text.split('\n').filter(Boolean).slice(0, HEADER_LINES.length)).toEqual(HEADER_LINES);
    expect(docs[0]!.text).not.toMatch(/DÂNTỈNH|NGÃISố/u);
  });

  it('gives the metadata parser the number, issuer, date and type of the header', async () => {
    const { docs, skipped } = await collect(loadSource(fx[key]));
    expect(skipped).toEqual([]);
    const built = structureDocument(docs[0]!);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.meta).toMatchObject({
      number: '1287/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi', issuedDate: '2025-08-15', type: 'quyết định',
    });
  });

});

// The minimal .doc writer of the fixtures has no notes; Word and OpenDocument files do.
describe.each([['DOCX', 'decisionDocx'], ['ODT', 'decisionOdt']] as const)('%s notes', (_format, key) => {
  it('keeps the footnote and the endnote as notes, out of the body, indexed as passages of their own', async () => {
    const { docs } = await collect(loadSource(fx[key]));
    const doc = docs[0]!;
    expect(doc.notes?.map((n) => [n.kind, n.text])).toEqual([['footnote', DECISION.footnote], ['endnote', DECISION.endnote]]);
    expect(doc.text).not.toContain('123/2015/NĐ-CP');
    expect(doc.text).toContain(DECISION.article1);
    const built = structureDocument(doc);
    if (!built.ok) throw new Error(built.skipped.message);
    const note = built.chunks.find((c) => c.sectionLabel === 'Chú thích 1');
    expect(note?.text).toBe(DECISION.footnote);
    expect(built.chunks.some((c) => c.sectionLabel.startsWith('Chú thích cuối') && c.text === DECISION.endnote)).toBe(true);
  });
});

describe('bad word-processor files', () => {
  it.each([
    ['badOdtNoContent', 'ODT_CORRUPT', 'odt-thieu-noi-dung.odt'],
    ['badDocNotWord', 'DOC_CORRUPT', 'khong-phai-word.doc'],
  ] as const)('skips %s with %s and names the file', async (key, code, name) => {
    const { docs, skipped } = await collect(loadSource(fx[key]));
    expect(docs).toEqual([]);
    expect(skipped.map((s) => s.code)).toEqual([code]);
    expect(skipped[0]!.message).toContain(name);
  });

  it('says which Debian package to install when antiword is missing, and skips only that file', async () => {
    const dir = join(fx.dir, 'thieu-antiword');
    await mkdir(dir);
    await Promise.all([copyFile(fx.decisionDoc, join(dir, 'cu.doc')), copyFile(fx.decisionDocx, join(dir, 'moi.docx'))]);
    const { docs, skipped } = await collect(loadSource(dir, { converters: { antiword: '/khong-co/antiword' } }));
    expect(skipped.map((s) => [s.code, s.message])).toEqual([[
      'CONVERTER_UNAVAILABLE', expect.stringContaining('cài gói Debian antiword (sudo apt-get install antiword)'),
    ]]);
    expect(docs.map((d) => d.sourceId)).toEqual(['moi.docx']);
  });
});
