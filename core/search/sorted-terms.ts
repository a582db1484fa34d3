/**
 * The frozen, sorted terms of a BM25 field, found by binary search: either an array of
 * strings (built in memory) or the UTF-8 bytes the index file keeps them in, newline
 * separated (a served index: the bytes can be shared memory that every answer thread
 * reads, where an array is a few hundred thousand strings per thread).
 *
 * Terms are sorted in JavaScript string order (UTF-16 code units). For strings without
 * characters beyond U+FFFF that is also the byte order of their UTF-8 forms, so the
 * packed form compares bytes; with such characters on either side it decodes and compares
 * strings instead.
 */

/** Sorted terms; a term's id is its position. */
export interface SortedTerms {
  readonly length: number;
  /** Position of `term`, or -1. */
  find(term: string): number;
  /** Every term in order (a new array for packed terms). */
  toArray(): string[];
}

/** Position of `term` in `sorted` (JavaScript string order) by binary search, or -1. */
export function indexOfSorted(sorted: readonly string[], term: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = sorted[mid]!;
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Terms held as an array of strings. */
export class SortedTermArray implements SortedTerms {
  constructor(readonly terms: readonly string[]) {}

  get length(): number {
    return this.terms.length;
  }

  find(term: string): number {
    return indexOfSorted(this.terms, term);
  }

  toArray(): string[] {
    return [...this.terms];
  }
}

const NEWLINE = 0x0a;
const SURROGATE = /[\uD800-\uDFFF]/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Terms held as their UTF-8 bytes joined by newlines (never copied). */
export class PackedSortedTerms implements SortedTerms {
  readonly length: number;
  /** Start of each term, and one past the end of the last one plus one (so term i ends at starts[i + 1] - 1). */
  private readonly starts: Uint32Array;
  /** Some term has a character beyond U+FFFF (a 4-byte UTF-8 sequence): compare strings. */
  private readonly astral: boolean;

  constructor(private readonly bytes: Uint8Array) {
    let count = bytes.length ? 1 : 0;
    let astral = false;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === NEWLINE) count++;
      else if (b >= 0xf0) astral = true;
    }
    const starts = new Uint32Array(count + 1);
    for (let i = 0, t = 1; i < bytes.length; i++) if (bytes[i] === NEWLINE) starts[t++] = i + 1;
    starts[count] = bytes.length + 1;
    this.length = count;
    this.starts = starts;
    this.astral = astral;
  }

  private at(i: number): string {
    return decoder.decode(this.bytes.subarray(this.starts[i]!, this.starts[i + 1]! - 1));
  }

  find(term: string): number {
    if (this.astral || SURROGATE.test(term)) return this.findByString(term);
    const q = encoder.encode(term);
    const { bytes, starts } = this;
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const from = starts[mid]!;
      const len = starts[mid + 1]! - 1 - from;
      const n = Math.min(len, q.length);
      let c = 0;
      for (let i = 0; i < n && c === 0; i++) c = bytes[from + i]! - q[i]!;
      if (c === 0) c = len - q.length;
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private findByString(term: string): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.at(mid);
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  toArray(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}
