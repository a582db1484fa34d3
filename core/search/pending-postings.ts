/**
 * Postings added since a BM25 field's last merge. A document's postings arrive together,
 * so they are kept as runs: term ids and tfs in two typed arrays (6 bytes a posting), and
 * one label and end offset per document (8 bytes a document). Arrays of numbers took 24
 * bytes and more a posting. The arrays grow by half.
 */
export class PendingPostings {
  term = new Uint32Array(0);
  tf = new Uint16Array(0);
  /** Label of each run, and where its postings end (they start where the previous run's end). */
  runLabel = new Uint32Array(0);
  runEnd = new Uint32Array(0);
  /** Postings held. */
  length = 0;
  /** Runs held. */
  runs = 0;

  /** Open the run of `label`'s postings (the previous run is closed). */
  startRun(label: number): void {
    if (this.runs === this.runLabel.length) {
      const size = grown(this.runs);
      this.runLabel = resized(this.runLabel, size, Uint32Array);
      this.runEnd = resized(this.runEnd, size, Uint32Array);
    }
    this.runLabel[this.runs] = label;
    this.runEnd[this.runs] = this.length;
    this.runs++;
  }

  /** Add a posting to the open run. */
  push(term: number, tf: number): void {
    if (this.length === this.term.length) {
      const size = grown(this.length);
      this.term = resized(this.term, size, Uint32Array);
      this.tf = resized(this.tf, size, Uint16Array);
    }
    this.term[this.length] = term;
    this.tf[this.length] = tf;
    this.length++;
    this.runEnd[this.runs - 1] = this.length;
  }

  /** Call `visit` for each posting, in the order added, with its label. */
  forEach(visit: (term: number, label: number, tf: number) => void): void {
    for (let r = 0, i = 0; r < this.runs; r++) {
      const label = this.runLabel[r]!;
      for (const end = this.runEnd[r]!; i < end; i++) visit(this.term[i]!, label, this.tf[i]!);
    }
  }

  /** Drop every posting and release the arrays. */
  clear(): void {
    this.term = new Uint32Array(0);
    this.tf = new Uint16Array(0);
    this.runLabel = new Uint32Array(0);
    this.runEnd = new Uint32Array(0);
    this.length = 0;
    this.runs = 0;
  }
}

function grown(size: number): number {
  return Math.max(1024, Math.ceil(size * 1.5));
}

function resized<A extends Uint32Array | Uint16Array>(a: A, size: number, make: new (n: number) => A): A {
  const next = new make(size);
  next.set(a);
  return next;
}
