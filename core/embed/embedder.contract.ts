/**
 * The Embedder port's contract, run against every adapter (Hono's `common.case.test.ts`
 * pattern): call {@link runEmbedderContract} from each adapter's test file.
 */
import { describe, expect, it } from 'vitest';
import type { Embedder } from '../ports.ts';

/** Texts an adapter should order sensibly: `text` is closer to `similar` than to `unrelated`. */
export interface EmbedderContractSamples {
  text: string;
  similar: string;
  unrelated: string;
  /** A few more ordinary texts for the shape and batch checks. */
  others: string[];
}

/** Cosine of two vectors (plain dot product for unit vectors). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function norm(v: Float32Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

/** Registers the contract tests for one adapter; `factory` may be slow (fitting, model load): it is called once. */
export function runEmbedderContract(name: string, factory: () => Embedder | Promise<Embedder>, samples: EmbedderContractSamples): void {
  describe(`Embedder contract: ${name}`, () => {
    let embedder: Promise<Embedder> | undefined;
    const get = (): Promise<Embedder> => (embedder ??= Promise.resolve(factory()));

    it('has a non-empty id and a positive integer dimension', async () => {
      const e = await get();
      expect(e.id.length).toBeGreaterThan(0);
      expect(Number.isInteger(e.dimension) && e.dimension > 0).toBe(true);
    });

    it('returns one unit vector of `dimension` components per text', async () => {
      const e = await get();
      const texts = [samples.text, samples.similar, samples.unrelated, ...samples.others];
      const vectors = await e.embedDocuments(texts);
      expect(vectors).toHaveLength(texts.length);
      for (const v of vectors) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v.length).toBe(e.dimension);
        expect(norm(v)).toBeCloseTo(1, 4);
      }
      const q = await e.embedQuery(samples.similar);
      expect(q.length).toBe(e.dimension);
      expect(norm(q)).toBeCloseTo(1, 4);
    });

    it('gives the same text the same vector every time', async () => {
      const e = await get();
      const [a] = await e.embedDocuments([samples.text]);
      const [b] = await e.embedDocuments([samples.text]);
      expect(Array.from(b!)).toEqual(Array.from(a!));
      expect(Array.from(await e.embedQuery(samples.similar))).toEqual(Array.from(await e.embedQuery(samples.similar)));
    });

    it('embeds a batch exactly as it embeds each text alone', async () => {
      const e = await get();
      const texts = [samples.text, ...samples.others, samples.unrelated];
      const batch = await e.embedDocuments(texts);
      for (let i = 0; i < texts.length; i++) {
        const [alone] = await e.embedDocuments([texts[i]!]);
        const a = Array.from(alone!);
        Array.from(batch[i]!).forEach((x, j) => expect(x).toBeCloseTo(a[j]!, 5));
      }
    });

    it('returns no vectors for no texts', async () => {
      expect(await (await get()).embedDocuments([])).toEqual([]);
    });

    it('puts a text closer to its paraphrase or excerpt than to an unrelated text', async () => {
      const e = await get();
      const [doc] = await e.embedDocuments([samples.text]);
      const [unrelated] = await e.embedDocuments([samples.unrelated]);
      const query = await e.embedQuery(samples.similar);
      expect(cosine(query, doc!)).toBeGreaterThan(cosine(query, unrelated!));
    });
  });
}
