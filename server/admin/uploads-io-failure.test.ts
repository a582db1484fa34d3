import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AtomicWrite from './atomic-write.ts';
import { UploadStore } from './uploads.ts';

/** The third temp file of a call fails as if the disk were full. */
const failures = vi.hoisted(() => ({ failAt: Infinity, calls: 0 }));
vi.mock('./atomic-write.ts', async (importOriginal) => {
  const real = await importOriginal<typeof AtomicWrite>();
  return {
    ...real,
    writeTemp: async (dir: string, data: string | Uint8Array) => {
      failures.calls += 1;
      if (failures.calls === failures.failAt) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      return real.writeTemp(dir, data);
    },
  };
});

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'uploads-io-'));
  failures.calls = 0;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('UploadStore.save when the disk fails while staging', () => {
  it('removes every temp file it wrote and stores nothing', async () => {
    failures.failAt = 3;
    const store = new UploadStore(root);
    const files = ['a.txt', 'b.txt', 'c.txt'].map((name) => ({ originalname: name, buffer: Buffer.from(`nội dung ${name}`) }));
    await expect(store.save(files, { metadata: { audience: 'internal' } })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(failures.calls).toBe(3);
    expect(await readdir(root)).toEqual([]);
  });

  it('keeps working after the failure', async () => {
    failures.failAt = 1;
    const store = new UploadStore(root);
    await expect(store.save([{ originalname: 'a.txt', buffer: Buffer.from('x') }])).rejects.toThrow('no space');
    expect(await store.save([{ originalname: 'a.txt', buffer: Buffer.from('x') }])).toMatchObject({ ok: true });
    expect(await readdir(root)).toEqual(['a.txt']);
  });
});
