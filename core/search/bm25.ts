/**
 * Okapi BM25 over named fields of pre-analysed terms, with incremental add/remove and a
 * compact binary form. Labels are small non-negative integers chosen by the caller (the
 * same labels the vector index uses), so fusion can join the two without a lookup.
 *
 * Storage per field is a frozen segment in CSR form (offsets/labels/tfs typed arrays,
 * terms sorted so a loaded index needs no hash map) plus pending postings appended by
 * `add`. Pending postings are merged into a new segment on the next search or save.
 * Removal is a tombstone: statistics (N, df, total length) are corrected at once and
 * the postings of a removed label are dropped at the next merge.
 */
import { AppError } from '../errors.ts';
import { TopK, type ScoredLabel } from './top-k.ts';
import { FieldIndex } from './bm25-field.ts';

export type { ScoredLabel } from './top-k.ts';

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** A query against one field: its terms and the weight of that field's score. */
export interface FieldQuery {
  field: string;
  terms: string[];
  weight?: number;
  /** Per-term weights (same order as terms), e.g. to damp question words. */
  termWeights?: number[];
  /** BM25 parameters for this field, overriding the index's own. */
  k1?: number;
  b?: number;
}


/** BM25 over several fields sharing one label space. */
export class Bm25Index {
  private readonly fields = new Map<string, FieldIndex>();
  private live = 0;
  private readonly present = new Set<number>();

  constructor(
    readonly fieldNames: readonly string[],
    readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    for (const f of fieldNames) this.fields.set(f, new FieldIndex());
  }

  /** Number of live documents. */
  get size(): number {
    return this.live;
  }

  has(label: number): boolean {
    return this.present.has(label);
  }

  /** Add a document; `fields` maps field name to its analysed terms. */
  add(label: number, fields: Record<string, readonly string[]>): void {
    if (!Number.isInteger(label) || label < 0) throw new AppError('INVALID_ARGUMENT', `bad label ${label}`);
    if (this.present.has(label)) throw new AppError('INVALID_ARGUMENT', `label ${label} already indexed`);
    for (const [name, index] of this.fields) index.add(label, fields[name] ?? []);
    this.present.add(label);
    this.live++;
  }

  /** Remove a document; pass the same terms it was added with. */
  remove(label: number, fields: Record<string, readonly string[]>): void {
    if (!this.present.has(label)) return;
    for (const [name, index] of this.fields) index.remove(label, fields[name] ?? []);
    this.present.delete(label);
    this.live--;
  }

  /** Document frequency of a term in a field (live documents only). */
  docFreq(field: string, term: string): number {
    const index = this.fields.get(field);
    const id = index ? index.table.find(term) : -1;
    return id < 0 ? 0 : index!.df[id]!;
  }

  /** Smoothed BM25 idf (never negative). */
  idf(field: string, term: string): number {
    const df = this.docFreq(field, term);
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /** Score accumulator and touched-label list, reused across searches. */
  private acc = new Float64Array(0);
  private touched = new Int32Array(0);

  /**
   * Score documents for the given field queries and return the top k, best first.
   * `accept` filters labels (audience, status …); it is asked only about labels that
   * would enter the top k, so it should be cheap but need not be free.
   */
  search(queries: FieldQuery[], k: number, accept?: (label: number) => boolean): ScoredLabel[] {
    if (this.live === 0 || k <= 0) return [];
    let capacity = 0;
    for (const q of queries) {
      const index = this.fields.get(q.field);
      if (!index) throw new AppError('INVALID_ARGUMENT', `unknown field ${q.field}`);
      index.merge();
      capacity = Math.max(capacity, index.lengths.length);
    }
    if (this.acc.length < capacity) {
      this.acc = new Float64Array(capacity);
      this.touched = new Int32Array(capacity);
    }
    const acc = this.acc;
    const touched = this.touched;
    let nTouched = 0;
    for (const q of queries) {
      const index = this.fields.get(q.field)!;
      const k1 = q.k1 ?? this.params.k1;
      const norm = index.norms(k1, q.b ?? this.params.b, this.live);
      const fieldWeight = q.weight ?? 1;
      if (!(fieldWeight > 0)) continue;
      const seen = new Map<string, number>();
      q.terms.forEach((t, i) => seen.set(t, Math.max(seen.get(t) ?? 0, q.termWeights?.[i] ?? 1)));
      for (const [term, termWeight] of seen) {
        if (!(termWeight > 0)) continue;
        const id = index.table.find(term);
        if (id < 0) continue;
        const df = index.df[id]!;
        if (df === 0) continue;
        const w = Math.log(1 + (this.live - df + 0.5) / (df + 0.5)) * fieldWeight * termWeight * (k1 + 1);
        const labels = index.labels;
        const tfs = index.tfs;
        for (let i = index.offsets[id]!, end = index.offsets[id + 1]!; i < end; i++) {
          const label = labels[i]!;
          const nl = norm[label]!;
          // Removed labels carry a negative norm until their postings are purged.
          if (nl < 0) continue;
          const tf = tfs[i]!;
          const prev = acc[label]!;
          if (prev === 0) touched[nTouched++] = label;
          acc[label] = prev + (w * tf) / (tf + nl);
        }
      }
    }
    const top = new TopK(k);
    for (let i = 0; i < nTouched; i++) {
      const label = touched[i]!;
      const score = acc[label]!;
      acc[label] = 0;
      if (top.admits(score, label) && (!accept || accept(label))) top.offer(score, label);
    }
    return top.sorted();
  }

  /** Compact binary form (merges pending postings first). */
  serialize(): SerializedBm25 {
    const fields: SerializedBm25['fields'] = {};
    for (const [name, index] of this.fields) {
      index.merge();
      fields[name] = {
        terms: index.table.sorted.join('\n'), offsets: index.offsets, labels: index.labels, tfs: index.tfs,
        df: index.df.subarray(0, index.table.sorted.length), lengths: index.lengths, totalLength: index.totalLength,
      };
    }
    return { params: this.params, fieldNames: [...this.fieldNames], live: this.live, present: Uint32Array.from(this.present), fields };
  }

  /** Rebuild from `serialize()` output; typed arrays are used as they are, not copied. */
  static deserialize(data: SerializedBm25): Bm25Index {
    const bm = new Bm25Index(data.fieldNames, data.params);
    for (const name of data.fieldNames) {
      const src = data.fields[name];
      const index = bm.fields.get(name)!;
      if (!src) continue;
      const terms = src.terms.length ? src.terms.split('\n') : [];
      if (src.offsets.length !== terms.length + 1) throw new AppError('INDEX_CORRUPT', `bm25 field ${name}: offsets do not match terms`);
      index.table.sorted = terms;
      index.offsets = src.offsets;
      index.labels = src.labels;
      index.tfs = src.tfs;
      index.lengths = src.lengths;
      index.totalLength = src.totalLength;
      if (!src.df || src.df.length !== terms.length) throw new AppError('INDEX_CORRUPT', `bm25 field ${name}: df does not match terms`);
      index.df = Int32Array.from(src.df);
      let live = 0;
      for (let t = 0; t < terms.length; t++) live += src.df[t]!;
      index.deadPostings = src.labels.length - live;
    }
    for (const label of data.present) bm.present.add(label);
    bm.live = data.live;
    return bm;
  }
}

export interface SerializedBm25 {
  params: Bm25Params;
  fieldNames: string[];
  live: number;
  present: Uint32Array;
  fields: Record<string, {
    /** Sorted terms joined by newlines (terms never contain one). */
    terms: string;
    offsets: Uint32Array;
    labels: Uint32Array;
    tfs: Uint16Array;
    /** Live document frequency per term (postings may include removed labels). */
    df: Int32Array;
    lengths: Int32Array;
    totalLength: number;
  }>;
}
