/**
 * TF-IDF over analyzer terms: counting, vocabulary pruning and the sparse weighted
 * document-term matrix the LSA embedder is fitted on. Weights follow the usual
 * "sublinear tf, smooth idf" recipe: (1 + ln tf) · (ln((1 + N) / (1 + df)) + 1).
 */
import type { CsrMatrix } from './sparse-matrix.ts';

/** Splits a text into index terms (e.g. syllable unigrams and bigrams). */
export type Analyzer = (text: string) => string[];

/** Per-document distinct term ids with their counts, flattened (CSR-like). */
interface DocTerms {
  indptr: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
}

/** A pruned vocabulary with its idf weights. */
export interface Vocabulary {
  terms: string[];
  idf: Float64Array;
}

class IntBuilder {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Distinct term ids of one document, sorted, with counts; `lookup` maps a term to an id or -1 to skip it. */
export function countDocument(terms: string[], lookup: (term: string) => number): { ids: Int32Array; counts: Int32Array } {
  const raw = new Int32Array(terms.length);
  let n = 0;
  for (const term of terms) {
    const id = lookup(term);
    if (id >= 0) raw[n++] = id;
  }
  const sorted = raw.subarray(0, n).sort();
  const ids = new Int32Array(n);
  const counts = new Int32Array(n);
  let u = -1;
  for (let i = 0; i < n; i++) {
    if (u >= 0 && ids[u] === sorted[i]) counts[u]!++;
    else {
      u++;
      ids[u] = sorted[i]!;
      counts[u] = 1;
    }
  }
  return { ids: ids.subarray(0, u + 1), counts: counts.subarray(0, u + 1) };
}

function countCorpus(termLists: string[][]): { terms: string[]; docs: DocTerms } {
  const idOf = new Map<string, number>();
  const terms: string[] = [];
  const lookup = (term: string): number => {
    let id = idOf.get(term);
    if (id === undefined) {
      id = terms.length;
      idOf.set(term, id);
      terms.push(term);
    }
    return id;
  };
  const indptr = new Int32Array(termLists.length + 1);
  const ids = new IntBuilder();
  const counts = new IntBuilder();
  termLists.forEach((terms, d) => {
    const doc = countDocument(terms, lookup);
    for (let i = 0; i < doc.ids.length; i++) {
      ids.push(doc.ids[i]!);
      counts.push(doc.counts[i]!);
    }
    indptr[d + 1] = ids.length;
  });
  return { terms, docs: { indptr, ids: ids.toArray(), counts: counts.toArray() } };
}

/** Smooth idf, as in scikit-learn: ln((1 + N) / (1 + df)) + 1. */
export function smoothIdf(df: number, docCount: number): number {
  return Math.log((1 + docCount) / (1 + df)) + 1;
}

/**
 * Count the corpus (one term list per document), keep terms with document frequency ≥ minDf (at most maxTerms, the
 * most frequent first, ties by code-unit order so the result is deterministic) and build
 * the L2-normalised TF-IDF document-term matrix over them.
 */
export function buildTfidf(termLists: string[][], opts: { minDf: number; maxTerms: number }): { vocabulary: Vocabulary; matrix: CsrMatrix } {
  const docCount = termLists.length;
  const { terms: rawTerms, docs } = countCorpus(termLists);
  const df = new Int32Array(rawTerms.length);
  for (const id of docs.ids) df[id]!++;
  const kept: number[] = [];
  for (let id = 0; id < rawTerms.length; id++) if (df[id]! >= opts.minDf) kept.push(id);
  kept.sort((x, y) => df[y]! - df[x]! || (rawTerms[x]! < rawTerms[y]! ? -1 : rawTerms[x]! > rawTerms[y]! ? 1 : 0));
  if (kept.length > opts.maxTerms) kept.length = opts.maxTerms;
  const remap = new Int32Array(rawTerms.length).fill(-1);
  kept.forEach((raw, v) => (remap[raw] = v));
  const vocabulary: Vocabulary = {
    terms: kept.map((raw) => rawTerms[raw]!),
    idf: Float64Array.from(kept, (raw) => smoothIdf(df[raw]!, docCount)),
  };

  const indptr = new Int32Array(docCount + 1);
  const indices = new IntBuilder();
  const values: number[] = [];
  for (let d = 0; d < docCount; d++) {
    const start = values.length;
    let norm = 0;
    for (let p = docs.indptr[d]!; p < docs.indptr[d + 1]!; p++) {
      const v = remap[docs.ids[p]!]!;
      if (v < 0) continue;
      const weight = (1 + Math.log(docs.counts[p]!)) * vocabulary.idf[v]!;
      indices.push(v);
      values.push(weight);
      norm += weight * weight;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let p = start; p < values.length; p++) values[p]! *= scale;
    indptr[d + 1] = values.length;
  }
  const matrix: CsrMatrix = { rows: docCount, cols: kept.length, indptr, indices: indices.toArray(), values: Float64Array.from(values) };
  return { vocabulary, matrix };
}
