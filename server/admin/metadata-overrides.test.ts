import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
    expect(await overrides.load()).toEqual({ mode: 'ok', count: 0 });
    expect(overrides.all().size).toBe(0);
  });

  it('persists overrides across instances, with who changed them and when', async () => {
    const first = store();
    await first.load();
    const set = await first.set('qd-01', { audience: 'internal', supersedes: '83/KH-UBND' }, 'van-thu');
    expect(set).toEqual({ audience: 'internal', supersedes: ['83/KH-UBND'], updatedAt: NOW.toISOString(), updatedBy: 'van-thu' });

    const second = store();
    expect(await second.load()).toEqual({ mode: 'ok', count: 1 });
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
    expect(await reloaded.load()).toEqual({ mode: 'ok', count: 0 });
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
    expect((await readdir(join(dir, 'state'))).sort()).toEqual(['metadata-overrides.json', 'metadata-overrides.json.bak', 'metadata-overrides.json.touched']);
    const reloaded = store();
    expect(await reloaded.load()).toEqual({ mode: 'ok', count: 4 });
  });

  it('serves the last good copy when the file is damaged: internal stays internal, degraded until repaired', async () => {
    const first = store();
    await first.set('a', { audience: 'internal' }, 'x');
    await first.set('b', { status: 'expired' }, 'x');
    const damaged = '{"version": 1, "overrides": {"a": {"audience": "inte';
    await writeFile(file, damaged);
    const second = store();
    const loaded = await second.load();
    expect(loaded).toMatchObject({ mode: 'backup', count: 2, since: NOW.toISOString(), message: ADMIN_SPECIFICS.overridesFromBackup });
    expect(loaded.reason).toContain('unreadable (not JSON)');
    expect(second.get('a')?.audience).toBe('internal');
    second.useIndex([doc('a'), doc('b')]);
    expect(second.effective(doc('a')).audience).toBe('internal');
    // The damaged file is left for the operator until it is repaired.
    expect(await readFile(file, 'utf8')).toBe(damaged);
    expect((await second.restoreFromBackup()).mode).toBe('ok');
    expect(JSON.parse(await readFile(file, 'utf8')).overrides).toHaveProperty('a');
    expect(await store().load()).toEqual({ mode: 'ok', count: 2 });
  });

  it('a link decision written while serving the backup repairs the file, like any other change', async () => {
    await store().set('a', { audience: 'internal' }, 'x');
    await writeFile(file, '{"version": 1, "overrides": {');
    const second = store();
    expect((await second.load()).mode).toBe('backup');
    await second.setLink('a', 'thay-the:1287/QĐ-UBND', { decision: 'rejected' }, 'admin');
    expect(second.health.mode).toBe('ok');
    const reloaded = store();
    expect(await reloaded.load()).toEqual({ mode: 'ok', count: 1 });
    expect(reloaded.get('a')).toMatchObject({ audience: 'internal', links: { 'thay-the:1287/QĐ-UBND': { decision: 'rejected' } } });
  });

  it('serves the last good copy when the file is gone but its backup is there', async () => {
    await store().set('a', { audience: 'internal' }, 'x');
    await rm(file);
    const loaded = await store().load();
    expect(loaded).toMatchObject({ mode: 'backup', count: 1 });
    expect(loaded.reason).toContain('missing');
  });

  it('fails closed when the file and its backup are both unreadable: every document an override ever named is internal', async () => {
    const first = store();
    await first.set('a', { audience: 'internal' }, 'x');
    await first.set('b', { status: 'expired' }, 'x');
    await first.set('c', { audience: 'internal' }, 'x');
    await first.clear('c');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"internal"', '"secret"'));
    await writeFile(`${file}.bak`, 'garbage');
    const second = store();
    const loaded = await second.load();
    expect(loaded).toMatchObject({ mode: 'closed', count: 0, hidden: 3, message: ADMIN_SPECIFICS.overridesClosed(3) });
    expect(loaded.reason).toContain('invalid: overrides.a.audience');
    second.useIndex([doc('a'), doc('b'), doc('c'), doc('d')]);
    expect(['a', 'b', 'c', 'd'].map((id) => second.effective(doc(id)).audience)).toEqual(['internal', 'internal', 'internal', 'public']);
    expect([...second.all().keys()].sort()).toEqual(['a', 'b', 'c']);
    // Nothing is written over the damaged file until it is repaired.
    expect((await thrown(second.set('d', { status: 'expired' }, 'x'))).userMessage).toContain(ADMIN_SPECIFICS.overridesLocked);
  });

  it('fails closed on every document when no document an override named is known', async () => {
    await mkdir(join(dir, 'state'), { recursive: true });
    await writeFile(file, '\u0000\u0000');
    const overrides = store();
    expect(await overrides.load()).toMatchObject({ mode: 'closed', hidden: 'all', message: ADMIN_SPECIFICS.overridesClosedAll });
    overrides.useIndex([doc('x'), doc('y')]);
    expect(overrides.effective(doc('x')).audience).toBe('internal');
    expect([...overrides.all().keys()].sort()).toEqual(['x', 'y']);
    // A newly served index is hidden too.
    overrides.useIndex([doc('z')]);
    expect(overrides.effective(doc('z')).audience).toBe('internal');
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
