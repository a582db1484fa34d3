import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../core/errors.ts';
import { docIdFor } from '../../core/ids.ts';
import { makeFixtures, type FixturePaths } from '../../scripts/make-fixtures.ts';
import { checkUploads, withIndexConflicts } from './upload-check.ts';
import { UploadStore } from './uploads.ts';

let dir: string;
let fx: FixturePaths;
const text = (s: string) => new TextEncoder().encode(s);
const LIMITS = { timeoutMs: 120_000, maxBytes: 50 * 1024 * 1024 };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upload-check-'));
  fx = await makeFixtures(join(dir, 'fixtures'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('upload check', () => {
  it('reads each file with the loaders and the structure step, as the job will', async () => {
    const verdicts = await checkUploads([
      { fileName: 'hong.pdf', data: readFileSync(fx.badPdfCorrupt) },
      { fileName: 'thong-bao.txt', data: text('THÔNG BÁO\nLịch tiếp công dân tháng 12.\n') },
      { fileName: 'mat.txt', data: text('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nTỐI MẬT\nBÁO CÁO\nTình hình.\n') },
      { fileName: 'ban-ghi.jsonl', data: text(`${JSON.stringify({ id: 'A-1', text: 'Nội dung một.' })}\n{bad\n${JSON.stringify({ id: 'A-2', text: 'Nội dung hai.' })}\n`) },
    ], LIMITS);
    expect(verdicts.map((v) => v.checked)).toEqual([true, true, true, true]);
    const [pdf, good, secret, records] = verdicts as Array<Extract<(typeof verdicts)[number], { checked: true }>>;
    expect(pdf!.problems).toEqual([{ code: 'PDF_CORRUPT', message: expect.stringContaining(MESSAGES.PDF_CORRUPT) }]);
    expect(good).toMatchObject({ sourceIds: ['thong-bao.txt'], problems: [] });
    expect(secret!.problems[0]).toMatchObject({ code: 'SECRET_MARKING', message: expect.stringContaining('TỐI MẬT') });
    expect(records).toMatchObject({ sourceIds: ['A-1', 'A-2'], problems: [{ code: 'JSONL_MALFORMED', message: expect.stringMatching(/^Dòng 2: /) }] });
  });

  it('leaves a file whose check passes the time limit to the job (deferred), never refusing it', async () => {
    const verdicts = await checkUploads([{ fileName: 'ke-hoach.pdf', data: readFileSync(fx.goodPdf) }], { ...LIMITS, timeoutMs: 1 });
    expect(verdicts).toEqual([{ fileName: 'ke-hoach.pdf', checked: false }]);
  });

  it('adds the ids another source of the index owns', () => {
    // X-1 belongs to another file; X-2 to this very upload (a replacement); X-3 is new.
    const indexed = new Map([
      [docIdFor('X-1'), { file: '/srv/other.jsonl', title: 'Văn bản khác' }],
      [docIdFor('X-2'), { file: join(dir, 'uploads', 'a.jsonl'), title: 'Chính nó' }],
    ]);
    const verdicts = withIndexConflicts(
      [{ fileName: 'a.jsonl', checked: true, sourceIds: ['X-1', 'X-2', 'X-3'], problems: [] }], (id) => indexed.get(id), join(dir, 'uploads'),
    );
    expect(verdicts[0]).toEqual(expect.objectContaining({ problems: [{ code: 'DUPLICATE_ID', message: expect.stringContaining('“X-1” đã là của văn bản “Văn bản khác”') }] }));
  });

  it('makes the upload store refuse what the check refuses, storing nothing, and mark deferred files', async () => {
    const uploads = new UploadStore(join(dir, 'store'), { check: (files) => checkUploads(files, LIMITS) });
    const refused = await uploads.save([{ originalname: 'tot.txt', buffer: text('THÔNG BÁO\nLịch trực.\n') }, { originalname: 'hong.pdf', buffer: readFileSync(fx.badPdfCorrupt) }]);
    expect(refused).toMatchObject({ ok: false, errors: [{ fileName: 'hong.pdf', code: 'PDF_CORRUPT' }] });
    expect(await readdir(join(dir, 'store'))).toEqual([]);

    const slow = new UploadStore(join(dir, 'store'), { check: (files) => checkUploads(files, { ...LIMITS, timeoutMs: 1 }) });
    const kept = await slow.save([{ originalname: 'ke-hoach.pdf', buffer: readFileSync(fx.goodPdf) }]);
    expect(kept).toMatchObject({ ok: true, saved: [{ fileName: 'ke-hoach.pdf', check: 'deferred' }] });
  });
});

describe('removing one record of an uploaded JSONL file', () => {
  it('rewrites the file without every line of that record, keeps the others byte for byte, and deletes an emptied file', async () => {
    const uploads = new UploadStore(join(dir, 'records'));
    const lines = [
      JSON.stringify({ id: 'R-1', text: 'Một.' }), JSON.stringify({ id: 'R-2', text: 'Hai.' }), '{not json', '',
      JSON.stringify({ id: 'R-2', text: 'Hai, lặp lại.' }), JSON.stringify({ id: 'R-3', text: 'Ba.' }),
    ];
    await uploads.save([{ originalname: 'ban-ghi.jsonl', buffer: text(`${lines.join('\n')}\n`) }]);
    expect(await uploads.removeRecord('ban-ghi.jsonl', 'R-2')).toEqual({ ok: true, fileName: 'ban-ghi.jsonl', removedLines: [2, 5], fileRemoved: false });
    expect(readFileSync(join(dir, 'records', 'ban-ghi.jsonl'), 'utf8')).toBe(`${[lines[0], lines[2], lines[3], lines[5]].join('\n')}\n`);
    expect(await uploads.removeRecord('ban-ghi.jsonl', 'R-9')).toMatchObject({ ok: false, code: 'RECORD_NOT_FOUND' });
    expect(await uploads.removeRecord('../x.jsonl', 'R-1')).toMatchObject({ ok: false, code: 'NAME_INVALID' });

    await uploads.save([{ originalname: 'mot.jsonl', buffer: text(`${JSON.stringify({ id: 'M-1', text: 'Chỉ một.' })}\n`) }]);
    expect(await uploads.removeRecord('mot.jsonl', 'M-1')).toMatchObject({ ok: true, fileRemoved: true });
    expect(await readdir(join(dir, 'records'))).toEqual(['ban-ghi.jsonl']);
  });
});
