/**
 * The embedding phase without a refit: every new chunk's index text is embedded once, in
 * label order, in batches of EMBED_BATCH, and each vector lands in the graph.
 */
import { describe, expect, it } from 'vitest';
import { FakeEmbedder } from '../../core/embed/fake-embedder.ts';
import { indexTextOf } from '../../core/search/index-text.ts';
import { HnswIndex } from '../../index/hnsw-index.ts';
import type { StoredChunk, StoredDocument } from '../../index/index-state.ts';
import { emptyBase } from './base-state.ts';
import { EMBED_BATCH, embedChunks } from './embed-chunks.ts';

/** A fake embedder that records the texts of each call. */
class RecordingEmbedder extends FakeEmbedder {
  readonly calls: string[][] = [];
  override async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    this.calls.push(texts);
    return super.embedDocuments(texts);
  }
}

describe('embedChunks', () => {
  it('embeds the new chunks in label order, a batch at a time, into the graph', async () => {
    const config = { kind: 'transformers' as const, model: 'local-model' };
    const base = emptyBase(config);
    const embedder = new RecordingEmbedder(64);
    base.embedder = embedder;
    base.vectors = new HnswIndex(64);
    const count = EMBED_BATCH + 10;
    const doc: StoredDocument = {
      id: 'qd-1', sourceId: 'qd-1', source: 'qd-1.txt', contentHash: 'h', chunkCount: count, file: 'qd.jsonl', labels: [],
      title: 'Quyết định thử', type: 'quyết định', status: 'in_force', audience: 'public',
    };
    base.docs.set(doc.id, doc);
    // Labels out of insertion order: the phase must follow the order it is given.
    const labels = Array.from({ length: count }, (_, i) => count - 1 - i);
    for (const label of labels) {
      const chunk: StoredChunk = {
        id: `qd-1#${label}`, docId: doc.id, sectionPath: [], sectionLabel: '', headingTrail: [], label,
        text: `Điều ${label}. Nội dung riêng mã${label} và từ${label % 97} của đoạn này.`,
      };
      base.chunks.set(label, chunk);
      doc.labels.push(label);
    }

    const laps: string[] = [];
    const result = await embedChunks({ base, embedderConfig: config, newLabels: labels, totalChunks: count, lap: (name) => laps.push(name) });

    expect(result).toEqual({ embeddedSinceFit: count, refitted: false });
    expect(embedder.calls.map((c) => c.length)).toEqual([EMBED_BATCH, 10]);
    expect(embedder.calls.flat()).toEqual(labels.map((l) => indexTextOf(doc, base.chunks.get(l)!)));
    expect(base.vectors.size).toBe(count);
    for (const label of [labels[0]!, labels[EMBED_BATCH - 1]!, labels[EMBED_BATCH]!, labels.at(-1)!]) {
      const [hit] = base.vectors.search(embedder.embed(indexTextOf(doc, base.chunks.get(label)!)), 1);
      expect(hit!.score).toBeGreaterThan(0.999);
      expect(hit!.label).toBe(label);
    }
    expect(laps).toEqual(['embed']);
  });
});
