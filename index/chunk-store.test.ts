import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { ChunkStore, ChunkStoreBuilder, scanSegment, sharedBytes } from './chunk-store.ts';
import type { StoredChunk } from './index-state.ts';

const chunk = (label: number, text: string): StoredChunk => ({
  label, id: `d${label % 3}#${label}`, docId: `d${label % 3}`, sectionPath: [], sectionLabel: '', headingTrail: [], text, start: 0, end: text.length,
});
/** A chunk written as the writer writes it: label first, as a chunk read back keeps its keys. */
const labelFirst = ({ label, ...rest }: StoredChunk) => JSON.stringify({ label, ...rest });
const segment = (lines: string[]) => sharedBytes(Buffer.from(lines.join('\n') + '\n', 'utf8'));

function build(...segments: StoredChunk[][]): ChunkStore {
  const b = new ChunkStoreBuilder(2);
  for (const chunks of segments) b.addSegment(segment(chunks.map((c) => JSON.stringify(c))));
  return b.finish();
}

describe('scanSegment', () => {
  it('finds every line and its label, read from the end or parsed when the label is not last', () => {
    const a = chunk(12, 'Hồ sơ gồm: "label":99}');
    const b = chunk(3, 'Lệ phí: 50.000 đồng');
    const c = chunk(1_000_000, 'x');
    const text = [JSON.stringify(a), labelFirst(b), JSON.stringify({ ...c, meta: { label: 5 } }), ''].join('\r\n');
    const lines = scanSegment(sharedBytes(Buffer.from(text, 'utf8')));
    expect([...lines.labels]).toEqual([12, 3, 1_000_000]);
    const buf = Buffer.from(text, 'utf8');
    expect(JSON.parse(buf.toString('utf8', lines.starts[0], lines.ends[0]))).toEqual(a);
    expect(JSON.parse(buf.toString('utf8', lines.starts[1], lines.ends[1]))).toEqual(b);
  });

  it('reads a label as JSON.parse would: a nested or non-integer label is not taken from the end', () => {
    const nested = '{"id":"x","meta":{"label":7}}';
    expect(() => scanSegment(sharedBytes(Buffer.from(nested)))).toThrow(AppError);
    const twice = '{"label":4,"id":"y","label":8}';
    expect([...scanSegment(sharedBytes(Buffer.from(twice))).labels]).toEqual([8]);
    expect(() => scanSegment(sharedBytes(Buffer.from('{"id":"z","label":-1}')))).toThrow(AppError);
    expect(() => scanSegment(sharedBytes(Buffer.from('{"id":"z","label":1.5}')))).toThrow(AppError);
  });
});

describe('ChunkStore', () => {
  const chunks = [chunk(7, 'Đăng ký khai sinh tại Ủy ban nhân dân xã'), chunk(2, 'Lệ phí cấp hộ chiếu: 200.000 đồng'), chunk(40, 'Thời hạn giải quyết: 5 ngày làm việc')];

  it('gives back every chunk as stored, growing past its size hint, with gaps between labels', () => {
    const store = build(chunks.slice(0, 2), chunks.slice(2));
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

  it('refuses a label twice, across segments too', () => {
    expect(() => build([chunk(1, 'a'), chunk(1, 'b')])).toThrow(AppError);
    expect(() => build([chunk(1, 'a')], [chunk(1, 'b')])).toThrow(AppError);
  });

  it('shares a segment with another store without a copy (the next version of the index)', () => {
    const kept = segment(chunks.map((c) => JSON.stringify(c)));
    const lines = scanSegment(kept);
    const first = new ChunkStoreBuilder(8);
    first.addSegment(kept, lines);
    const next = new ChunkStoreBuilder(8);
    next.addSegment(kept, lines);
    next.addSegment(segment([JSON.stringify(chunk(41, 'Văn bản mới'))]));
    const [a, b] = [first.finish(), next.finish()];
    expect(b.shared().segments[0]).toBe(a.shared().segments[0]);
    expect(b.size).toBe(4);
    expect(b.get(41)!.text).toBe('Văn bản mới');
    expect(a.has(41)).toBe(false);
    expect(b.get(2)).toEqual(a.get(2));
  });

  it('is handed to another thread without a copy: both see the same memory', async () => {
    const store = build(chunks);
    const shared = store.shared();
    expect(shared.segments[0]!.buffer).toBeInstanceOf(SharedArrayBuffer);
    // The worker overwrites the first byte of label 2's text in the shared buffer; a copy
    // would leave the main thread's bytes as they were.
    const worker = new Worker(`
      const { parentPort, workerData } = require('node:worker_threads');
      const { segments, segmentOf, starts, ends } = workerData;
      const bytes = segments[segmentOf[2]];
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
