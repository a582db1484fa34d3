/**
 * The storage of one BM25 field: a term table and postings in CSR form, with pending
 * additions and tombstoned removals merged lazily (see bm25.ts for the model).
 */
import { PendingPostings } from './pending-postings.ts';
import { SortedTermArray, type SortedTerms } from './sorted-terms.ts';

/** Sorted-terms lookup with an overflow map for terms added after the last merge. */
export class TermTable {
  /** Frozen terms, sorted (code-unit order); id = position. */
  sorted: SortedTerms = new SortedTermArray([]);
  /** Terms added since the last merge, with ids from sorted.length on. */
  readonly extra = new Map<string, number>();
  readonly extraTerms: string[] = [];

  get size(): number {
    return this.sorted.length + this.extraTerms.length;
  }

  find(term: string): number {
    const id = this.sorted.find(term);
    return id >= 0 ? id : this.extra.get(term) ?? -1;
  }

  intern(term: string): number {
    const id = this.find(term);
    if (id >= 0) return id;
    const next = this.sorted.length + this.extraTerms.length;
    this.extra.set(term, next);
    this.extraTerms.push(term);
    return next;
  }
}

/** One inverted index over one field. */
export class FieldIndex {
  readonly table = new TermTable();
  offsets: Uint32Array<ArrayBufferLike> = new Uint32Array(1);
  labels: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  tfs: Uint16Array<ArrayBufferLike> = new Uint16Array(0);
  /** Live document frequency per term id. */
  df: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** Term count per label; -1 for absent or removed. */
  lengths: Int32Array<ArrayBufferLike> = new Int32Array(0);
  totalLength = 0;
  /** Postings added since the last merge. */
  readonly pending = new PendingPostings();
  /** Postings of removed labels still present in the frozen segment (an upper bound). */
  deadPostings = 0;

  private grow(label: number, termCount: number): void {
    if (label >= this.lengths.length) {
      const next = new Int32Array(Math.max(label + 1, this.lengths.length * 2, 1024)).fill(-1);
      next.set(this.lengths);
      this.lengths = next;
    }
    if (termCount > this.df.length) {
      const next = new Int32Array(Math.max(termCount, this.df.length * 2, 1024));
      next.set(this.df);
      this.df = next;
    }
  }

  /** Length normalisation per label for the last (k1, b, live count) asked; reset by any change. */
  private normCache: { k1: number; b: number; live: number; norm: Float64Array } | undefined;

  /**
   * k1·(1 − b + b·dl/avgdl) per label, or -1 for an absent or removed label: the part
   * of the BM25 denominator that depends only on the document, computed once per change.
   */
  norms(k1: number, b: number, live: number): Float64Array {
    const c = this.normCache;
    if (c && c.k1 === k1 && c.b === b && c.live === live && c.norm.length === this.lengths.length) return c.norm;
    const avgdl = this.totalLength / live || 1;
    const norm = new Float64Array(this.lengths.length);
    for (let label = 0; label < norm.length; label++) {
      const dl = this.lengths[label]!;
      norm[label] = dl < 0 ? -1 : k1 * (1 - b + (b * dl) / avgdl);
    }
    this.normCache = { k1, b, live, norm };
    return norm;
  }

  /** Per-term counter reused across `add` calls (zero between calls). */
  private scratch = new Uint32Array(1024);

  add(label: number, terms: readonly string[]): void {
    const touched: number[] = [];
    for (const t of terms) {
      const id = this.table.intern(t);
      if (id >= this.scratch.length) {
        const next = new Uint32Array(Math.max(id + 1, this.scratch.length * 2));
        next.set(this.scratch);
        this.scratch = next;
      }
      if (this.scratch[id]!++ === 0) touched.push(id);
    }
    this.grow(label, this.table.size);
    this.pending.startRun(label);
    for (const id of touched) {
      this.pending.push(id, Math.min(this.scratch[id]!, 65535));
      this.scratch[id] = 0;
      this.df[id]!++;
    }
    this.lengths[label] = terms.length;
    this.totalLength += terms.length;
    this.normCache = undefined;
  }

  remove(label: number, terms: readonly string[]): void {
    const len = this.lengths[label];
    if (len === undefined || len < 0) return;
    for (const term of new Set(terms)) {
      const id = this.table.find(term);
      if (id >= 0 && this.df[id]! > 0) this.df[id]!--;
    }
    this.totalLength -= len;
    this.lengths[label] = -1;
    this.deadPostings += new Set(terms).size;
    this.normCache = undefined;
  }

  /** Merge pending postings and drop removed labels; re-sort the term table. */
  merge(): void {
    // Dead postings are skipped at query time; they are only worth a rewrite in bulk.
    const purge = this.deadPostings > this.labels.length * 0.1;
    if (this.pending.length === 0 && !purge && this.table.extraTerms.length === 0) return;
    const oldSorted = this.table.sorted.toArray();
    const all = oldSorted.concat(this.table.extraTerms);
    // Sort only the new terms, then merge them into the already sorted ones: linear for
    // the usual small update, one plain string sort for a full build.
    const extraSorted = [...this.table.extraTerms].sort();
    const merged: string[] = new Array(all.length);
    const newId = new Int32Array(all.length);
    for (let i = 0, j = 0, o = 0; o < all.length; o++) {
      const takeOld = j >= extraSorted.length || (i < oldSorted.length && oldSorted[i]! < extraSorted[j]!);
      const term = takeOld ? oldSorted[i++]! : extraSorted[j++]!;
      merged[o] = term;
      newId[takeOld ? i - 1 : this.table.extra.get(term)!] = o;
    }

    const live = (label: number) => !purge || this.lengths[label]! >= 0;
    const counts = new Uint32Array(all.length + 1);
    for (let t = 0; t < oldSorted.length; t++) {
      if (!purge) {
        counts[newId[t]! + 1] = this.offsets[t + 1]! - this.offsets[t]!;
        continue;
      }
      for (let i = this.offsets[t]!; i < this.offsets[t + 1]!; i++) if (live(this.labels[i]!)) counts[newId[t]! + 1]!++;
    }
    const pending = this.pending;
    pending.forEach((term, label) => {
      if (live(label)) counts[newId[term]! + 1]!++;
    });
    for (let t = 0; t < all.length; t++) counts[t + 1]! += counts[t]!;
    const total = counts[all.length]!;
    const labels = new Uint32Array(total);
    const tfs = new Uint16Array(total);
    const cursor = counts.slice(0, all.length);
    for (let t = 0; t < oldSorted.length; t++) {
      const nt = newId[t]!;
      if (!purge) {
        const from = this.offsets[t]!;
        const to = this.offsets[t + 1]!;
        labels.set(this.labels.subarray(from, to), cursor[nt]!);
        tfs.set(this.tfs.subarray(from, to), cursor[nt]!);
        cursor[nt]! += to - from;
        continue;
      }
      for (let i = this.offsets[t]!; i < this.offsets[t + 1]!; i++) {
        const label = this.labels[i]!;
        if (!live(label)) continue;
        const at = cursor[nt]!++;
        labels[at] = label;
        tfs[at] = this.tfs[i]!;
      }
    }
    pending.forEach((term, label, tf) => {
      if (!live(label)) return;
      const at = cursor[newId[term]!]!++;
      labels[at] = label;
      tfs[at] = tf;
    });
    // Live document frequencies carry over (remove() keeps them exact); new ids map over.
    const df = new Int32Array(Math.max(all.length, 1));
    for (let t = 0; t < all.length; t++) df[newId[t]!] = this.df[t] ?? 0;
    this.table.sorted = new SortedTermArray(merged);
    this.table.extra.clear();
    this.table.extraTerms.length = 0;
    this.offsets = counts;
    this.labels = labels;
    this.tfs = tfs;
    this.df = df;
    pending.clear();
    if (purge) this.deadPostings = 0;
  }
}
