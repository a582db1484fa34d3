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
import { PackedSortedTerms, SortedTermArray } from './sorted-terms.ts';

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

/** Labels per block of scores in a search's scan (see `blockBest`). */
const BLOCK = 256;

function copyQuery(q: FieldQuery): FieldQuery {
  return { ...q, terms: [...q.terms], ...(q.termWeights ? { termWeights: [...q.termWeights] } : {}) };
}

function sameArrays<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));
}

/** Whether two query plans are the same, term by term and weight by weight. */
function sameQueries(a: readonly FieldQuery[], b: readonly FieldQuery[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i]!;
    return x.field === y.field && x.weight === y.weight && x.k1 === y.k1 && x.b === y.b
      && sameArrays(x.terms, y.terms) && sameArrays(x.termWeights, y.termWeights);
  });
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

  /** Changes with every add and remove: what was derived from the labels before is stale. */
  get generation(): number {
    return this.version;
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
    this.version++;
  }

  /** Remove a document; pass the same terms it was added with. */
  remove(label: number, fields: Record<string, readonly string[]>): void {
    if (!this.present.has(label)) return;
    for (const [name, index] of this.fields) index.remove(label, fields[name] ?? []);
    this.present.delete(label);
    this.live--;
    this.version++;
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

  /** Score per label (0 for a label the query does not match), reused across searches. */
  private acc = new Float64Array(0);
  /** Best score per block of {@link BLOCK} labels, and the blocks best first (`blockCount` of them score). */
  private blockBest = new Float64Array(0);
  private blockOrder = new Int32Array(0);
  private blockCount = 0;
  /**
   * The query whose scores `acc` holds. They are kept until the next query: the answerer
   * searches each question twice (all passages, then procedures only, at another depth),
   * and the second search ranks the first one's scores under its own filter. Only the last
   * query is kept, so a question asked again later is scored again.
   */
  private scored: { queries: FieldQuery[]; version: number } | undefined;
  /** Bumped by every add and remove: scores kept from before are stale. */
  private version = 0;

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
      this.blockBest = new Float64Array(Math.ceil(capacity / BLOCK));
      this.blockOrder = new Int32Array(this.blockBest.length);
      this.scored = undefined;
    }
    const last = this.scored;
    if (!last || last.version !== this.version || !sameQueries(last.queries, queries)) this.score(queries);
    const acc = this.acc;
    const blockBest = this.blockBest;
    const top = new TopK(k);
    // Every match scores above 0 (each term adds a positive amount). The selection does not
    // depend on the order labels are offered in: ties go to the lower label.
    let floor = top.floor;
    // Best blocks first: the selection fills with high scores at once, and once its floor is
    // above a block's best, no later block can enter.
    for (let i = 0; i < this.blockCount; i++) {
      const block = this.blockOrder[i]!;
      if (blockBest[block]! < floor) break;
      for (let label = block * BLOCK, end = Math.min(acc.length, label + BLOCK); label < end; label++) {
        const score = acc[label]!;
        if (score === 0 || score < floor || !top.admits(score, label) || (accept && !accept(label))) continue;
        top.offer(score, label);
        floor = top.floor;
      }
    }
    return top.sorted();
  }

  /** Score `queries` into `acc`, replacing the last query's scores. */
  private score(queries: readonly FieldQuery[]): void {
    const acc = this.acc;
    acc.fill(0);
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
          acc[label]! += (w * tf) / (tf + nl);
        }
      }
    }
    const blockBest = this.blockBest;
    blockBest.fill(0);
    for (let label = 0; label < acc.length; label++) {
      const block = (label / BLOCK) | 0;
      if (acc[label]! > blockBest[block]!) blockBest[block] = acc[label]!;
    }
    let count = 0;
    for (let block = 0; block < blockBest.length; block++) if (blockBest[block]! > 0) this.blockOrder[count++] = block;
    this.blockOrder.subarray(0, count).sort((a, b) => blockBest[b]! - blockBest[a]!);
    this.blockCount = count;
    this.scored = { queries: queries.map(copyQuery), version: this.version };
  }

  /**
   * Merge every field's pending postings into its sorted form now (searches and
   * `serialize` do it when needed): after a bulk load, the pending copy's memory is freed.
   */
  compact(): void {
    for (const index of this.fields.values()) index.merge();
  }

  /** Compact binary form (merges pending postings first). */
  serialize(): SerializedBm25 {
    const fields: SerializedBm25['fields'] = {};
    for (const [name, index] of this.fields) {
      index.merge();
      fields[name] = {
        terms: index.table.sorted.toArray().join('\n'), offsets: index.offsets, labels: index.labels, tfs: index.tfs,
        df: index.df.subarray(0, index.table.sorted.length), lengths: index.lengths, totalLength: index.totalLength,
      };
    }
    return { params: this.params, fieldNames: [...this.fieldNames], live: this.live, present: Uint32Array.from(this.present), fields };
  }

  /** Rebuild from `serialize()` output; typed arrays are used as they are, not copied. */
  static deserialize(data: Bm25Source): Bm25Index {
    const bm = new Bm25Index(data.fieldNames, data.params);
    for (const name of data.fieldNames) {
      const src = data.fields[name];
      const index = bm.fields.get(name)!;
      if (!src) continue;
      const terms = typeof src.terms !== 'string' ? new PackedSortedTerms(src.terms) : new SortedTermArray(src.terms.length ? src.terms.split('\n') : []);
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

/**
 * What {@link Bm25Index.deserialize} reads: a serialized index whose terms may also be
 * the UTF-8 bytes of the newline-joined terms, searched as they are (e.g. shared memory
 * that several threads read; core/search/sorted-terms.ts).
 */
export interface Bm25Source extends Omit<SerializedBm25, 'fields'> {
  fields: Record<string, Omit<SerializedBm25['fields'][string], 'terms'> & { terms: string | Uint8Array }>;
}
