/**
 * Okapi BM25 over named fields of pre-analysed terms, with incremental add/remove and a
 * compact binary form. Labels are small non-negative integers chosen by the caller (the
 * same labels the vector index uses), so fusion can join the two without a lookup.
 *
 * Removal is lazy: statistics (N, df, total length) are corrected at once, postings of a
 * removed label are skipped at query time and dropped by `compact()` (run before save).
 */
import { AppError } from '../errors.ts';

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
}

export interface ScoredLabel {
  label: number;
  score: number;
}

interface Postings {
  labels: number[];
  tfs: number[];
}

/** One inverted index over one field. */
class FieldIndex {
  readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  readonly postings: Postings[] = [];
  /** Live document frequency per term id. */
  readonly df: number[] = [];
  /** Length (term count) per label; -1 for absent. */
  lengths: Int32Array = new Int32Array(0);
  totalLength = 0;

  ensureCapacity(label: number): void {
    if (label < this.lengths.length) return;
    const next = new Int32Array(Math.max(label + 1, this.lengths.length * 2, 1024)).fill(-1);
    next.set(this.lengths);
    this.lengths = next;
  }

  add(label: number, terms: readonly string[]): void {
    this.ensureCapacity(label);
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
        this.postings.push({ labels: [], tfs: [] });
        this.df.push(0);
      }
      const p = this.postings[id]!;
      p.labels.push(label);
      p.tfs.push(Math.min(tf, 65535));
      this.df[id] = this.df[id]! + 1;
    }
    this.lengths[label] = terms.length;
    this.totalLength += terms.length;
  }

  /** Forget a label; `terms` must be what was added for it (duplicates allowed). */
  remove(label: number, terms: readonly string[]): void {
    const len = this.lengths[label];
    if (len === undefined || len < 0) return;
    for (const term of new Set(terms)) {
      const id = this.termIds.get(term);
      if (id !== undefined) this.df[id] = Math.max(0, this.df[id]! - 1);
    }
    this.totalLength -= len;
    this.lengths[label] = -1;
  }
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
    const id = index?.termIds.get(term);
    return id === undefined ? 0 : index!.df[id]!;
  }

  /** Smoothed BM25 idf (never negative). */
  idf(field: string, term: string): number {
    const df = this.docFreq(field, term);
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /**
   * Score documents for the given field queries and return the top k, best first.
   * `accept` filters labels (audience, status …) before ranking.
   */
  search(queries: FieldQuery[], k: number, accept?: (label: number) => boolean): ScoredLabel[] {
    if (this.live === 0 || k <= 0) return [];
    const scores = new Map<number, number>();
    const { k1, b } = this.params;
    for (const q of queries) {
      const index = this.fields.get(q.field);
      if (!index) throw new AppError('INVALID_ARGUMENT', `unknown field ${q.field}`);
      const avgdl = index.totalLength / this.live || 1;
      const fieldWeight = q.weight ?? 1;
      const seen = new Map<string, number>();
      q.terms.forEach((t, i) => seen.set(t, Math.max(seen.get(t) ?? 0, q.termWeights?.[i] ?? 1)));
      for (const [term, termWeight] of seen) {
        const id = index.termIds.get(term);
        if (id === undefined) continue;
        const df = index.df[id]!;
        if (df === 0) continue;
        const idf = Math.log(1 + (this.live - df + 0.5) / (df + 0.5)) * fieldWeight * termWeight;
        const p = index.postings[id]!;
        for (let i = 0; i < p.labels.length; i++) {
          const label = p.labels[i]!;
          const dl = index.lengths[label]!;
          if (dl < 0) continue;
          const tf = p.tfs[i]!;
          const s = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * dl) / avgdl));
          scores.set(label, (scores.get(label) ?? 0) + s);
        }
      }
    }
    return topK(scores, k, accept);
  }

  /** Drop postings of removed labels. */
  compact(): void {
    for (const index of this.fields.values()) {
      for (const p of index.postings) {
        let w = 0;
        for (let i = 0; i < p.labels.length; i++) {
          const label = p.labels[i]!;
          if (index.lengths[label]! >= 0) {
            p.labels[w] = label;
            p.tfs[w] = p.tfs[i]!;
            w++;
          }
        }
        p.labels.length = w;
        p.tfs.length = w;
      }
    }
  }

  /** Compact binary form: one header object plus typed arrays per field. */
  serialize(): SerializedBm25 {
    this.compact();
    const fields: SerializedBm25['fields'] = {};
    for (const [name, index] of this.fields) {
      let total = 0;
      for (const p of index.postings) total += p.labels.length;
      const offsets = new Uint32Array(index.terms.length + 1);
      const labels = new Uint32Array(total);
      const tfs = new Uint16Array(total);
      let o = 0;
      index.postings.forEach((p, id) => {
        offsets[id] = o;
        for (let i = 0; i < p.labels.length; i++, o++) {
          labels[o] = p.labels[i]!;
          tfs[o] = p.tfs[i]!;
        }
      });
      offsets[index.terms.length] = o;
      fields[name] = { terms: index.terms.join('\n'), offsets, labels, tfs, lengths: index.lengths, totalLength: index.totalLength };
    }
    return { params: this.params, fieldNames: [...this.fieldNames], live: this.live, present: Uint32Array.from(this.present), fields };
  }

  static deserialize(data: SerializedBm25): Bm25Index {
    const bm = new Bm25Index(data.fieldNames, data.params);
    for (const name of data.fieldNames) {
      const src = data.fields[name];
      const index = bm.fields.get(name)!;
      if (!src) continue;
      const terms = src.terms.length ? src.terms.split('\n') : [];
      terms.forEach((term, id) => {
        const from = src.offsets[id]!;
        const to = src.offsets[id + 1]!;
        index.termIds.set(term, id);
        index.terms.push(term);
        index.postings.push({ labels: Array.from(src.labels.subarray(from, to)), tfs: Array.from(src.tfs.subarray(from, to)) });
        index.df.push(to - from);
      });
      index.lengths = Int32Array.from(src.lengths);
      index.totalLength = src.totalLength;
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
    terms: string;
    offsets: Uint32Array;
    labels: Uint32Array;
    tfs: Uint16Array;
    lengths: Int32Array;
    totalLength: number;
  }>;
}

/** Top k of a score map, best first; ties broken by lower label for determinism. */
export function topK(scores: Map<number, number>, k: number, accept?: (label: number) => boolean): ScoredLabel[] {
  const out: ScoredLabel[] = [];
  for (const [label, score] of scores) {
    if (accept && !accept(label)) continue;
    out.push({ label, score });
  }
  out.sort((x, y) => y.score - x.score || x.label - y.label);
  return out.length > k ? out.slice(0, k) : out;
}
