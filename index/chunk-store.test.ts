import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { ChunkStore, ChunkStoreBuilder } from './chunk-store.ts';
import type { StoredChunk } from './index-state.ts';

const chunk = (label: number, text: string): StoredChunk => ({
  label, id: `d${label % 3}#${label}`, docId: `d${label % 3}`, sectionPath: [], sectionLabel: '', headingTrail: [], text, start: 0, end: text.length,
});
const bytes = (c: StoredChunk) => Buffer.from(JSON.stringify(c), 'utf8');

function build(chunks: StoredChunk[], expectedBytes = 16, labels = 2): ChunkStore {
  const b = new ChunkStoreBuilder(expectedBytes, labels);
  for (const c of chunks) b.add(c.label, bytes(c));
  return b.finish();
}

describe('ChunkStore', () => {
  const chunks = [chunk(7, 'Đăng ký khai sinh tại Ủy ban nhân dân xã'), chunk(2, 'Lệ phí cấp hộ chiếu: 200.000 đồng'), chunk(40, 'Thời hạn giải quyết: 5 ngày làm việc')];

  it('gives back every chunk as stored, growing past its size hints, with gaps between labels', () => {
    const store = build(chunks);
    expect(store.size).toBe(3);
    for (const c of chunks) expect(store.get(c.label)).toEqual(c);
    expect(store.get(3)).toBeUndefined();
    expect(store.get(41)).toBeUndefined();
    expect(store.get(-1)).toBeUndefined();
    expect(store.has(40)).toBe(true);
    expect(store.has(39)).toBe(false);
    expect([...store.keys()]).toEqual([2, 7, 40]);
    expect([...store.values()].map((c) => c.text)).toEqual([chunks[1]!.text, chunks[0]!.text, chunks[2]!.text]);
    expect(new Map(store)).toEqual(new Map(chunks.map((c) => [c.label, c])));
    expect(store.line(2)).toBe(JSON.stringify(chunks[1]));
  });

  it('keeps a parsed chunk as the same object while it is in use', () => {
    const store = build(chunks);
    expect(store.get(7)).toBe(store.get(7));
  });

  it('refuses a label twice', () => {
    const b = new ChunkStoreBuilder(64, 8);
    b.add(1, bytes(chunk(1, 'a')));
    expect(() => b.add(1, bytes(chunk(1, 'b')))).toThrow(AppError);
  });

  it('is handed to another thread without a copy: both see the same memory', async () => {
    const store = build(chunks, 4096, 64);
    const shared = store.shared();
    expect(shared.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    // The worker overwrites the first byte of label 2's text in the shared buffer; a copy
    // would leave the main thread's bytes as they were.
    const worker = new Worker(`
      const { parentPort, workerData } = require('node:worker_threads');
      const { bytes, starts, ends } = workerData;
      const line = Buffer.from(bytes.buffer, bytes.byteOffset + starts[2], ends[2] - starts[2]).toString('utf8');
      const at = starts[2] + Buffer.byteLength(line.slice(0, line.indexOf('Lệ')));
      bytes[at] = 'X'.charCodeAt(0);
      parentPort.postMessage(JSON.parse(line).text);
    `, { eval: true, workerData: shared });
    const seen = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(seen).toBe(chunks[1]!.text);
    expect(ChunkStore.fromShared(shared).line(2)).toContain('"Xệ phí');
  });
});
