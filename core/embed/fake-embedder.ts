/**
 * An honest deterministic fake for tests: hashes lower-cased words into `dimension`
 * buckets (signed, to keep unrelated texts near-orthogonal) and normalises. Texts that
 * share words are closer; no model, no fitting, no I/O.
 */
import type { Embedder } from '../ports.ts';

/** Hashing bag-of-words embedder. Unit vectors; a text with no word gets the zero vector. */
export class FakeEmbedder implements Embedder {
  readonly id: string;

  constructor(readonly dimension = 64) {
    this.id = `fake-hash-${dimension}`;
  }

  /** Synchronous embedding of one text. */
  embed(text: string): Float32Array {
    const acc = new Float64Array(this.dimension);
    for (const word of text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (!word) continue;
      const h = fnv1a(word);
      acc[h % this.dimension]! += (h & 0x80000000) === 0 ? 1 : -1;
    }
    let norm = 0;
    for (const v of acc) norm += v * v;
    const out = new Float32Array(this.dimension);
    if (norm === 0) return out;
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < acc.length; i++) out[i] = acc[i]! * scale;
    return out;
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embed(text);
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
