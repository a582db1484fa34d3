import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../core/errors.ts';
import { docIdFor } from '../../core/ids.ts';
import { discoverSources } from '../../ingest/loaders/discover.ts';
import { readSidecar } from '../../ingest/loaders/metadata.ts';
import { makeEncryptedPdf, makePlanPdf } from '../../scripts/fixtures/pdf.ts';
import { isTempName } from './atomic-write.ts';
import { ADMIN_MESSAGES, ADMIN_SPECIFICS } from './messages.ts';
import { UploadStore, type SaveResult, type SavedFile } from './uploads.ts';

const TEXT = Buffer.from('THÔNG BÁO\nLịch tiếp công dân tháng 6 năm 2026.\n');
const META = { title: 'Kế hoạch chuyển đổi số', type: 'kế hoạch', number: '12/KH-UBND', audience: 'internal', status: 'in_force' };

let root: string;
let dir: string;
let store: UploadStore;
let planPdf: Buffer;
let encryptedPdf: Buffer;

beforeAll(async () => {
  [planPdf, encryptedPdf] = await Promise.all([makePlanPdf(), makeEncryptedPdf()]);
});

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'uploads-'));
  dir = join(root, 'uploads');
  store = new UploadStore(dir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function saved(result: SaveResult): SavedFile[] {
  if (!result.ok) throw new Error(`expected a successful save, got ${JSON.stringify(result.errors)}`);
  return result.saved;
}

async function entries(path = dir): Promise<string[]> {
  return (await readdir(path).catch(() => [] as string[])).sort();
}

describe('UploadStore.save', () => {
  it('stores each file under its safe name and reports its sourceId, docId and size', async () => {
    const result = saved(await store.save([
      { originalname: 'Kế hoạch 12-KH-UBND.PDF', buffer: planPdf },
      { originalname: 'thong-bao.txt', buffer: TEXT },
    ]));
    expect(result).toEqual([
      { originalName: 'Kế hoạch 12-KH-UBND.PDF', fileName: 'Kế hoạch 12-KH-UBND.pdf', kind: 'document', sourceId: 'Kế hoạch 12-KH-UBND.pdf',
        docId: docIdFor('Kế hoạch 12-KH-UBND.pdf'), bytes: planPdf.length, replaced: false, metadata: 'none' },
      { originalName: 'thong-bao.txt', fileName: 'thong-bao.txt', kind: 'document', sourceId: 'thong-bao.txt',
        docId: 'thong-bao.txt', bytes: TEXT.length, replaced: false, metadata: 'none' },
    ]);
    expect(await readFile(join(dir, 'Kế hoạch 12-KH-UBND.pdf'))).toEqual(planPdf);
    expect(await readFile(join(dir, 'thong-bao.txt'), 'utf8')).toBe(TEXT.toString());
  });

  it('writes a sidecar for every file that ingestion reads back as the same metadata', async () => {
    const meta = { ...META, title: 'Kế hoạch chuyển đổi số'.normalize('NFD'), supersedes: '83/KH-UBND' };
    saved(await store.save([{ originalname: 'a.txt', buffer: TEXT }, { originalname: 'b.txt', buffer: TEXT }], { metadata: meta }));
    for (const name of ['a.txt', 'b.txt']) {
      const { meta: read } = await readSidecar(join(dir, `${name}.meta.json`), `${name}.meta.json`);
      expect(read).toEqual({ ...META, supersedes: ['83/KH-UBND'] });
    }
  });

  it('keeps traversal attempts inside the folder', async () => {
    const result = saved(await store.save([
      { originalname: '../../etc/passwd.txt', buffer: TEXT },
      { originalname: '..\\..\\x.pdf', buffer: planPdf },
      { originalname: '/abs/y.pdf', buffer: planPdf },
      { originalname: 'nul\0byte.md', buffer: TEXT },
      { originalname: '.\\..\\.txt', buffer: TEXT },
    ]));
    expect(result.map((f) => f.fileName)).toEqual(['passwd.txt', 'x.pdf', 'y.pdf', 'nul byte.md', 'tai-lieu.txt']);
    expect(await entries(root)).toEqual(['uploads']);
    expect(await entries()).toEqual(['nul byte.md', 'passwd.txt', 'tai-lieu.txt', 'x.pdf', 'y.pdf']);
  });

  it('repairs a Vietnamese name that multer decoded as Latin-1', async () => {
    const mangled = Buffer.from('Báo cáo quý 2.txt', 'utf8').toString('latin1');
    const [file] = saved(await store.save([{ originalname: mangled, buffer: TEXT }]));
    expect(file).toMatchObject({ originalName: 'Báo cáo quý 2.txt', fileName: 'Báo cáo quý 2.txt' });
    expect(await entries()).toEqual(['Báo cáo quý 2.txt']);
  });

  it('writes nothing when one file of the call is refused, and names only the bad ones', async () => {
    const result = await store.save([
      { originalname: 'tot.pdf', buffer: planPdf },
      { originalname: 'mat-khau.pdf', buffer: encryptedPdf },
      { originalname: 'virus.exe', buffer: TEXT },
      { originalname: 'rong.txt', buffer: Buffer.alloc(0) },
    ]);
    expect(result).toEqual({
      ok: false,
      message: ADMIN_SPECIFICS.nothingSaved,
      errors: [
        { originalName: 'mat-khau.pdf', fileName: 'mat-khau.pdf', code: 'PDF_ENCRYPTED', message: `${MESSAGES.PDF_ENCRYPTED} (tệp mat-khau.pdf)` },
        { originalName: 'virus.exe', fileName: 'virus.exe', code: 'FILE_UNSUPPORTED',
          message: 'Định dạng tệp chưa được hỗ trợ. Chỉ nhận PDF, DOCX, DOC, ODT, XLSX, XLS, ODS, CSV, ảnh PNG, JPEG, TIFF, TXT, MD, HTML và JSONL. (tệp virus.exe)' },
        { originalName: 'rong.txt', fileName: 'rong.txt', code: 'FILE_EMPTY', message: `${MESSAGES.FILE_EMPTY} (tệp rong.txt)` },
      ],
    });
    expect(await entries()).toEqual([]);
  });

  it('writes nothing when the metadata is invalid, naming the bad fields', async () => {
    const result = await store.save([{ originalname: 'a.txt', buffer: TEXT }], { metadata: { type: 'sắc lệnh', tittle: 'x' } });
    expect(result).toEqual({
      ok: false, message: ADMIN_SPECIFICS.nothingSaved,
      errors: [{ code: 'METADATA_INVALID', message: `${MESSAGES.METADATA_INVALID} Trường sai hoặc không được hỗ trợ: type, tittle.` }],
    });
    expect(await entries()).toEqual([]);
  });

  it('refuses metadata for a JSONL file, whose records carry their own', async () => {
    const jsonl = Buffer.from('{"id":"QD-01","title":"Quyết định","text":"Điều 1."}\n');
    const refused = await store.save([{ originalname: 'van-ban.jsonl', buffer: jsonl }], { metadata: META });
    expect(refused).toMatchObject({ ok: false, errors: [{ code: 'METADATA_INVALID', message: `${MESSAGES.METADATA_INVALID} ${ADMIN_SPECIFICS.recordsCarryMetadata} (tệp van-ban.jsonl)` }] });
    expect(saved(await store.save([{ originalname: 'van-ban.jsonl', buffer: jsonl }]))).toEqual([
      { originalName: 'van-ban.jsonl', fileName: 'van-ban.jsonl', kind: 'records', bytes: jsonl.length, replaced: false, metadata: 'none' },
    ]);
  });

  it('refuses an empty call', async () => {
    expect(await store.save([])).toEqual({ ok: false, message: ADMIN_SPECIFICS.nothingSaved, errors: [{ code: 'NO_FILES', message: ADMIN_MESSAGES.NO_FILES }] });
  });

  it('reports a name that already exists as a conflict and leaves the stored file as it was', async () => {
    saved(await store.save([{ originalname: 'a.txt', buffer: TEXT }]));
    const result = await store.save([{ originalname: 'b.txt', buffer: TEXT }, { originalname: 'a.txt', buffer: Buffer.from('bản mới') }]);
    expect(result).toEqual({
      ok: false, message: ADMIN_SPECIFICS.nothingSaved,
      errors: [{ originalName: 'a.txt', fileName: 'a.txt', code: 'FILE_EXISTS', message: `${ADMIN_MESSAGES.FILE_EXISTS} (tệp a.txt)` }],
    });
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe(TEXT.toString());
    expect(await entries()).toEqual(['a.txt']);
  });

  it('overwrites with replace, keeping the old sidecar unless new metadata is given', async () => {
    saved(await store.save([{ originalname: 'a.txt', buffer: TEXT }], { metadata: META }));
    const sidecar = await readFile(join(dir, 'a.txt.meta.json'), 'utf8');
    const [kept] = saved(await store.save([{ originalname: 'a.txt', buffer: Buffer.from('bản mới') }], { replace: true }));
    expect(kept).toMatchObject({ replaced: true, metadata: 'kept', bytes: Buffer.byteLength('bản mới') });
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('bản mới');
    expect(await readFile(join(dir, 'a.txt.meta.json'), 'utf8')).toBe(sidecar);

    const [written] = saved(await store.save([{ originalname: 'a.txt', buffer: TEXT }], { replace: true, metadata: { audience: 'public' } }));
    expect(written).toMatchObject({ replaced: true, metadata: 'written' });
    expect(JSON.parse(await readFile(join(dir, 'a.txt.meta.json'), 'utf8'))).toEqual({ audience: 'public' });
  });

  it('removes a sidecar left without its file, so that it does not apply to a new upload unasked', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'a.txt.meta.json'), JSON.stringify({ audience: 'internal' }));
    const [file] = saved(await store.save([{ originalname: 'a.txt', buffer: TEXT }]));
    expect(file).toMatchObject({ replaced: false, metadata: 'none' });
    expect(await entries()).toEqual(['a.txt']);
  });

  it('refuses two files of the same name (in any case) in one call', async () => {
    const result = await store.save([{ originalname: 'a.txt', buffer: TEXT }, { originalname: 'x/A.TXT', buffer: TEXT }]);
    expect(result).toMatchObject({ ok: false, errors: [{ fileName: 'A.txt', code: 'DUPLICATE_NAME', message: `${ADMIN_MESSAGES.DUPLICATE_NAME} (tệp A.txt)` }] });
    expect(await entries()).toEqual([]);
  });

  it('refuses a name whose docId is already used by another file', async () => {
    // Found by search: the same slug and the same 24-bit hash.
    expect(docIdFor('bAOCaoQUyhAi.pdf')).toBe(docIdFor('baocaoQUYHAi.pdf'));
    saved(await store.save([{ originalname: 'bAOCaoQUyhAi.pdf', buffer: planPdf }]));
    const result = await store.save([{ originalname: 'baocaoQUYHAi.pdf', buffer: planPdf }]);
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'DOC_ID_TAKEN', message: `${ADMIN_MESSAGES.DOC_ID_TAKEN} (tệp baocaoQUYHAi.pdf)` }] });
  });

  it('runs concurrent calls one at a time, so the same new name is saved once', async () => {
    const results = await Promise.all([1, 2, 3].map((n) => store.save([{ originalname: 'a.txt', buffer: Buffer.from(`bản ${n}`) }])));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.errors[0]?.code === 'FILE_EXISTS')).toHaveLength(2);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('bản 1');
  });

  it('leaves no temp files behind, and ingestion discovers exactly the saved documents', async () => {
    saved(await store.save([{ originalname: 'a.txt', buffer: TEXT }, { originalname: 'b.pdf', buffer: planPdf }], { metadata: META }));
    saved(await store.save([{ originalname: 'a.txt', buffer: TEXT }], { replace: true }));
    expect((await entries()).filter(isTempName)).toEqual([]);
    expect(await entries()).toEqual(['a.txt', 'a.txt.meta.json', 'b.pdf', 'b.pdf.meta.json']);
    expect(await discoverSources([dir])).toEqual([join(dir, 'a.txt'), join(dir, 'b.pdf')]);
  });

  it('sweeps temp files that a crash left long ago, and no others', async () => {
    await mkdir(dir, { recursive: true });
    const old = join(dir, '.tmp-1-aaaaaaaaaaaa.tmp');
    const fresh = join(dir, '.tmp-2-bbbbbbbbbbbb.tmp');
    await writeFile(old, 'x');
    await writeFile(fresh, 'y');
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(old, hoursAgo, hoursAgo);
    saved(await store.save([{ originalname: 'a.txt', buffer: TEXT }]));
    expect(await entries()).toEqual(['.tmp-2-bbbbbbbbbbbb.tmp', 'a.txt']);
  });
});

describe('UploadStore.remove, list and has', () => {
  beforeEach(async () => {
    saved(await store.save([{ originalname: 'Kế hoạch.pdf', buffer: planPdf }], { metadata: META }));
    saved(await store.save([{ originalname: 'b.txt', buffer: TEXT }, { originalname: 'van-ban.jsonl', buffer: Buffer.from('{"id":"1","text":"x"}\n') }]));
  });

  it('lists the files with size, time and whether they have metadata, without sidecars or temp files', async () => {
    await writeFile(join(dir, '.tmp-9-cccccccccccc.tmp'), 'x');
    await writeFile(join(dir, '.an.txt'), 'x');
    const list = await store.list();
    expect(list.map(({ modifiedAt: _m, ...rest }) => rest)).toEqual([
      { fileName: 'b.txt', kind: 'document', sourceId: 'b.txt', docId: 'b.txt', bytes: TEXT.length, hasMetadata: false },
      { fileName: 'Kế hoạch.pdf', kind: 'document', sourceId: 'Kế hoạch.pdf', docId: docIdFor('Kế hoạch.pdf'), bytes: planPdf.length, hasMetadata: true },
      { fileName: 'van-ban.jsonl', kind: 'records', bytes: 22, hasMetadata: false },
    ]);
    const mtime = (await stat(join(dir, 'b.txt'))).mtime.toISOString();
    expect(list[0]?.modifiedAt).toBe(mtime);
  });

  it('lists nothing for a folder that does not exist yet', async () => {
    expect(await new UploadStore(join(root, 'chua-co')).list()).toEqual([]);
  });

  it('removes a file with its sidecar', async () => {
    expect(await store.remove('Kế hoạch.pdf')).toEqual({
      ok: true, fileName: 'Kế hoạch.pdf', removedMetadata: true, kind: 'document', sourceId: 'Kế hoạch.pdf', docId: docIdFor('Kế hoạch.pdf'),
    });
    expect(await entries()).toEqual(['b.txt', 'van-ban.jsonl']);
    expect(await store.remove('b.txt')).toMatchObject({ ok: true, removedMetadata: false });
  });

  it('finds a name sent in NFD', async () => {
    expect(await store.has('Kế hoạch.pdf'.normalize('NFD'))).toBe(true);
    expect(await store.remove('Kế hoạch.pdf'.normalize('NFD'))).toMatchObject({ ok: true, fileName: 'Kế hoạch.pdf' });
  });

  it('answers not found for unknown names, sidecars and hidden files', async () => {
    await writeFile(join(dir, '.an.txt'), 'x');
    for (const name of ['khong-co.pdf', 'Kế hoạch.pdf.meta.json', '.an.txt']) {
      expect(await store.remove(name), name).toEqual({ ok: false, code: 'FILE_NOT_FOUND', message: `${ADMIN_MESSAGES.FILE_NOT_FOUND} (tệp ${name.replace(/^\./, '')})` });
      expect(await store.has(name), name).toBe(false);
    }
    expect(await entries()).toContain('Kế hoạch.pdf.meta.json');
  });

  it('refuses names that are not plain names in the folder, and touches nothing outside it', async () => {
    await writeFile(join(root, 'x.pdf'), 'ngoài thư mục');
    for (const name of ['../x.pdf', '..\\x.pdf', join(root, 'x.pdf'), '/etc/passwd', 'b.txt\0', '..', '.', '', 'a\nb.txt', '../uploads/b.txt']) {
      expect(await store.remove(name), JSON.stringify(name)).toEqual({ ok: false, code: 'NAME_INVALID', message: ADMIN_MESSAGES.NAME_INVALID });
      expect(await store.has(name), JSON.stringify(name)).toBe(false);
    }
    expect(await readFile(join(root, 'x.pdf'), 'utf8')).toBe('ngoài thư mục');
    expect(await entries()).toEqual(['b.txt', 'van-ban.jsonl', 'Kế hoạch.pdf', 'Kế hoạch.pdf.meta.json'].sort());
  });

  it('says which files are there', async () => {
    expect(await store.has('b.txt')).toBe(true);
    expect(await store.has('van-ban.jsonl')).toBe(true);
    expect(await store.has('c.txt')).toBe(false);
  });
});
