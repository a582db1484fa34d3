/**
 * A version opened from another thread's shared parts is the same index: same chunks,
 * same search results, over the same memory (nothing copied).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config/paths.ts';
import { ingest } from './pipeline.ts';
import { openIndex, type OpenIndex } from '../index/open-index.ts';

let work: string;
let main: OpenIndex;
let opened: OpenIndex;

beforeAll(async () => {
  work = await mkdtemp(join(os.tmpdir(), 'served-state-'));
  const indexDir = join(work, 'index');
  await ingest({ inputs: [join(REPO_ROOT, 'corpora')], indexDir });
  main = await openIndex(indexDir);
  opened = await openIndex(indexDir, { version: main.version, from: main.shared });
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('served index state', () => {
  it('holds chunks, postings and the LSA matrix in SharedArrayBuffers, opened without a copy', () => {
    expect(main.shared.chunks.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Object.values(main.shared.bm25.arrays).every((a) => a.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(main.shared.lsa?.arrays.projection?.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(opened.shared.chunks.bytes).toBe(main.shared.chunks.bytes);
    expect(opened.shared.bm25).toBe(main.shared.bm25);
  });

  it('gives the same chunks and the same search results', async () => {
    expect(opened.state.chunks.size).toBe(main.state.chunks.size);
    expect(main.state.chunks.size).toBeGreaterThan(10);
    expect(new Map(opened.state.chunks)).toEqual(new Map(main.state.chunks));
    for (const doc of main.state.docs.values()) {
      expect(opened.chunksOf(doc.id)).toEqual(main.chunksOf(doc.id));
      expect(main.chunksOf(doc.id).every((c) => c.docId === doc.id)).toBe(true);
    }
    for (const query of ['nhu cầu công nghệ', 'trí tuệ nhân tạo Quảng Ngãi', 'chuyển đổi số', 'khoa học và công nghệ']) {
      const here = await main.search(query, { k: 5, audiences: ['public', 'internal'] });
      expect(here.length).toBeGreaterThan(0);
      expect(await opened.search(query, { k: 5, audiences: ['public', 'internal'] })).toEqual(here);
    }
  });

  it('filters by the document of each label as before', async () => {
    const [doc] = main.state.docs.values();
    const internal = await openIndex(join(work, 'index'), { version: main.version, from: main.shared, view: (d) => (d.id === doc!.id ? { ...d, audience: 'internal' } : d) });
    const query = main.chunksOf(doc!.id)[0]!.text.slice(0, 80);
    expect((await main.search(query, { k: 10 })).map((h) => h.docId)).toContain(doc!.id);
    expect((await internal.search(query, { k: 10 })).map((h) => h.docId)).not.toContain(doc!.id);
    expect((await internal.search(query, { k: 10, audiences: ['internal'] })).map((h) => h.docId)).toContain(doc!.id);
  });
});
