import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import type { DocumentRecord } from '../../core/model.ts';
import { ADMIN_SPECIFICS } from './messages.ts';
import { MetadataOverrides } from './metadata-overrides.ts';

const NOW = new Date('2026-06-04T08:00:00.000Z');

let dir: string;
let file: string;

function doc(id: string, fields: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id, sourceId: `${id}.pdf`, source: `/data/uploads/${id}.pdf`, contentHash: 'ab', chunkCount: 1,
    title: `Văn bản ${id}`, type: 'quyết định', status: 'in_force', audience: 'public', ...fields,
  };
}

function store(): MetadataOverrides {
  return new MetadataOverrides(file, { now: () => NOW });
}

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'overrides-'));
  file = join(dir, 'state', 'metadata-overrides.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('MetadataOverrides', () => {
  it('starts empty without a file and says nothing about it', async () => {
    const overrides = store();
    expect(await overrides.load()).toEqual({ count: 0 });
    expect(overrides.all().size).toBe(0);
  });

  it('persists overrides across instances, with who changed them and when', async () => {
    const first = store();
    await first.load();
    const set = await first.set('qd-01', { audience: 'internal', supersedes: '83/KH-UBND' }, 'van-thu');
    expect(set).toEqual({ audience: 'internal', supersedes: ['83/KH-UBND'], updatedAt: NOW.toISOString(), updatedBy: 'van-thu' });

    const second = store();
    expect(await second.load()).toEqual({ count: 1 });
    expect(second.get('qd-01')).toEqual(set);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, overrides: { 'qd-01': set } });
  });

  it('merges patches, and a null field goes back to the indexed value', async () => {
    const overrides = store();
    await overrides.set('a', { audience: 'internal', status: 'expired' }, 'x');
    await overrides.set('a', { status: null, supersededBy: '9/QĐ-UBND' }, 'y');
    expect(overrides.get('a')).toEqual({ audience: 'internal', supersededBy: '9/QĐ-UBND', updatedAt: NOW.toISOString(), updatedBy: 'y' });
    expect(await overrides.set('a', { audience: null, supersededBy: null }, 'y')).toBeUndefined();
    expect(overrides.get('a')).toBeUndefined();
    expect(JSON.parse(await readFile(file, 'utf8')).overrides).toEqual({});
  });

  it('stores references in NFC, trimmed and without repeats', async () => {
    const overrides = store();
    await overrides.set('a', { supersedes: [' 14/2021/NQ-HĐND'.normalize('NFD'), '14/2021/NQ-HĐND'], supersededBy: 'Kế hoạch 5'.normalize('NFD') }, 'x');
    expect(overrides.get('a')).toMatchObject({ supersedes: ['14/2021/NQ-HĐND'], supersededBy: 'Kế hoạch 5' });
  });

  it('clears an override, and says whether there was one', async () => {
    const overrides = store();
    await overrides.set('a', { audience: 'internal' }, 'x');
    expect(await overrides.clear('a')).toBe(true);
    expect(await overrides.clear('a')).toBe(false);
    expect(overrides.get('a')).toBeUndefined();
    const reloaded = store();
    expect(await reloaded.load()).toEqual({ count: 0 });
  });

  it('counts every change in version', async () => {
    const overrides = store();
    const v0 = overrides.version;
    await overrides.load();
    await overrides.set('a', { audience: 'internal' }, 'x');
    await overrides.clear('a');
    await overrides.clear('a'); // nothing to clear: no change
    expect(overrides.version).toBe(v0 + 3);
  });

  it('refuses bad patches, ids and authors with INVALID_ARGUMENT and a Vietnamese message', async () => {
    const overrides = store();
    const unknown = await thrown(overrides.set('a', { audience: 'secret', tittle: 'x' } as never, 'x'));
    expect(unknown.code).toBe('INVALID_ARGUMENT');
    expect(unknown.userMessage).toBe('Tham số không hợp lệ. Trường sai hoặc không được hỗ trợ: audience, tittle.');
    expect((await thrown(overrides.set('a', {}, 'x'))).userMessage).toBe(`Tham số không hợp lệ. ${ADMIN_SPECIFICS.overrideNeedsField}`);
    expect((await thrown(overrides.set('', { audience: 'internal' }, 'x'))).userMessage).toBe('Tham số không hợp lệ. Giá trị “docId” không hợp lệ.');
    expect((await thrown(overrides.set('a\nb', { audience: 'internal' }, 'x'))).code).toBe('INVALID_ARGUMENT');
    expect((await thrown(overrides.set('a', { audience: 'internal' }, ' '))).userMessage).toBe('Tham số không hợp lệ. Giá trị “updatedBy” không hợp lệ.');
    expect(overrides.all().size).toBe(0);
  });

  it('writes atomically: no temp files are left and concurrent changes are all kept', async () => {
    const overrides = store();
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => overrides.set(id, { audience: 'internal' }, 'x')));
    expect(await readdir(join(dir, 'state'))).toEqual(['metadata-overrides.json']);
    const reloaded = store();
    expect(await reloaded.load()).toEqual({ count: 4 });
  });

  it('sets an unreadable file aside and starts empty, with a warning', async () => {
    const first = store();
    await first.set('a', { audience: 'internal' }, 'x');
    await writeFile(file, '{"version": 1, "overrides": {"a": {"audience": "inte');
    const second = store();
    const loaded = await second.load();
    const aside = `${file}.corrupt-2026-06-04T08-00-00-000Z`;
    expect(loaded).toEqual({
      count: 0, setAsideTo: aside, message: ADMIN_SPECIFICS.overridesReset,
      warning: `metadata overrides file was unreadable (not JSON); moved to ${aside}; starting with no overrides`,
    });
    expect(await readFile(aside, 'utf8')).toBe('{"version": 1, "overrides": {"a": {"audience": "inte');
    expect(second.all().size).toBe(0);
    await second.set('b', { status: 'expired' }, 'x');
    expect(JSON.parse(await readFile(file, 'utf8')).overrides).toHaveProperty('b');
  });

  it('sets aside a file of the wrong shape too', async () => {
    await store().set('a', { audience: 'internal' }, 'x');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"internal"', '"secret"'));
    const loaded = await store().load();
    expect(loaded.count).toBe(0);
    expect(loaded.warning).toContain('invalid: overrides.a.audience');
    expect(await readdir(join(dir, 'state'))).toEqual(['metadata-overrides.json.corrupt-2026-06-04T08-00-00-000Z']);
  });

  it('reuses one overlay per document set and version, and rebuilds it after a change', async () => {
    const overrides = store();
    const docs = [doc('a'), doc('b')];
    const before = overrides.overlay(docs);
    expect(overrides.overlay(docs)).toBe(before);
    await overrides.set('a', { audience: 'internal' }, 'x');
    const after = overrides.overlay(docs);
    expect(after).not.toBe(before);
    expect(before(docs[0]!)).toBe(docs[0]);
    expect(after(docs[0]!).audience).toBe('internal');
  });

  it('makes a change visible at once through effective(), for the index given to useIndex', async () => {
    const overrides = store();
    const newer = doc('moi', { number: '20/QĐ-UBND' });
    const older = doc('cu', { number: '12/QĐ-UBND' });
    overrides.useIndex(new Map([[newer.id, newer], [older.id, older]]).values());
    expect(overrides.effective(older)).toBe(older);

    await overrides.set('cu', { audience: 'internal' }, 'x');
    expect(overrides.effective(older).audience).toBe('internal');

    await overrides.set('moi', { supersedes: ['12/qđ-ubnd'] }, 'x');
    expect(overrides.effective(older)).toMatchObject({ audience: 'internal', status: 'superseded', supersededBy: '20/QĐ-UBND' });

    await overrides.clear('cu');
    await overrides.clear('moi');
    expect(overrides.effective(older)).toBe(older);
  });

  it('follows a newly served index in effective(), without any change of the overrides', () => {
    const overrides = store();
    const older = doc('cu', { number: '12/QĐ-UBND' });
    overrides.useIndex([older]);
    expect(overrides.effective(older)).toBe(older);
    overrides.useIndex([older, doc('moi', { number: '20/QĐ-UBND', supersedes: ['12/QĐ-UBND'] })]);
    expect(overrides.effective(older)).toMatchObject({ status: 'superseded', supersededBy: '20/QĐ-UBND' });
  });
});
