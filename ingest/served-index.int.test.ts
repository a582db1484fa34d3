/**
 * A version opened from another thread's shared parts is the same index: same chunks,
 * same search results, over the same memory (nothing copied).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
    expect(main.shared.chunks.segments.length).toBeGreaterThan(0);
    expect(main.shared.chunks.segments.every((s) => s.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(Object.values(main.shared.bm25.arrays).every((a) => a.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(main.shared.lsa?.arrays.projection?.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(opened.shared.chunks.segments).toBe(main.shared.chunks.segments);
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

describe('the next version opened from the served one', () => {
  it('reuses the chunk segments and the embedder it shares, and serves the same index as a cold open', async () => {
    const indexDir = join(work, 'index');
    const extra = join(work, 'extra');
    await mkdir(extra);
    await writeFile(join(extra, 'lich-tiep-cong-dan.txt'), 'THÔNG BÁO\nLịch tiếp công dân của Ủy ban nhân dân tỉnh Quảng Ngãi.\nChủ tịch tiếp công dân vào ngày 15 hằng tháng tại Ban Tiếp công dân tỉnh.\n');
    await ingest({ inputs: [join(REPO_ROOT, 'corpora'), extra], indexDir });
    const next = await openIndex(indexDir, { previous: main });
    const cold = await openIndex(indexDir);
    expect(next.version).not.toBe(main.version);
    expect(next.state.loadStats).toMatchObject({ segmentsRead: 1, segmentsReused: main.shared.chunks.segments.length, embedderReused: true });
    expect(cold.state.loadStats).toMatchObject({ segmentsRead: main.shared.chunks.segments.length + 1, segmentsReused: 0, embedderReused: false });
    // Reused means the same memory, not a copy of it.
    for (const segment of main.shared.chunks.segments) expect(next.shared.chunks.segments).toContain(segment);
    expect(next.state.embedder).toBe(main.state.embedder);
    expect(next.shared.lsa).toBe(main.shared.lsa);
    expect(next.state.chunks.size).toBe(main.state.chunks.size + cold.chunksOf([...cold.state.docs.keys()].find((id) => !main.state.docs.has(id))!).length);
    expect(new Map(next.state.chunks)).toEqual(new Map(cold.state.chunks));
    for (const query of ['lịch tiếp công dân', 'nhu cầu công nghệ', 'chuyển đổi số']) {
      expect(await next.search(query, { k: 5 })).toEqual(await cold.search(query, { k: 5 }));
    }
    expect((await next.search('tiếp công dân ngày 15 hằng tháng', { k: 3 }))[0]?.docId).toMatch(/lich-tiep-cong-dan/);
  });
});
