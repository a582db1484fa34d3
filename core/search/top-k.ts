/**
 * Partial top-k selection: a bounded min-heap of (score, label), so ranking n scored
 * labels costs O(n log k) instead of a full sort. Ties go to the lower label, the same
 * order a full sort by (score desc, label asc) gives, so results are deterministic.
 */

export interface ScoredLabel {
  label: number;
  score: number;
}

/** Collects the k best (score, label) pairs offered to it. */
export class TopK {
  private readonly scores: Float64Array;
  private readonly labels: Int32Array;
  private n = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(Math.max(0, k));
    this.labels = new Int32Array(Math.max(0, k));
  }

  get size(): number {
    return this.n;
  }

  /**
   * Least score a pair needs to be admitted: -Infinity until the selection is full, then
   * the worst kept score (a pair scoring just that is admitted only with a lower label).
   * A caller offering many pairs skips those below it without asking.
   */
  get floor(): number {
    return this.n < this.k ? -Infinity : this.k > 0 ? this.scores[0]! : Infinity;
  }

  /**
   * Whether a pair would enter the selection. Lets a caller skip expensive checks (an
   * audience filter) for labels that cannot make the top k anyway.
   */
  admits(score: number, label: number): boolean {
    if (this.n < this.k) return this.k > 0;
    return this.better(score, label, this.scores[0]!, this.labels[0]!);
  }

  /** Offer a pair; it is kept when it beats the current worst of a full selection. */
  offer(score: number, label: number): void {
    if (this.n < this.k) {
      let i = this.n++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.better(this.scores[parent]!, this.labels[parent]!, score, label)) break;
        this.scores[i] = this.scores[parent]!;
        this.labels[i] = this.labels[parent]!;
        i = parent;
      }
      this.scores[i] = score;
      this.labels[i] = label;
      return;
    }
    if (!this.admits(score, label)) return;
    this.siftDown(score, label);
  }

  /** The selection, best first. */
  sorted(): ScoredLabel[] {
    const out: ScoredLabel[] = [];
    for (let i = 0; i < this.n; i++) out.push({ label: this.labels[i]!, score: this.scores[i]! });
    return out.sort((x, y) => y.score - x.score || x.label - y.label);
  }

  /** a ranks before b: higher score, or equal score and lower label. */
  private better(sa: number, la: number, sb: number, lb: number): boolean {
    return sa > sb || (sa === sb && la < lb);
  }

  /** Replace the root (the current worst) and restore the heap. */
  private siftDown(score: number, label: number): void {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.n) break;
      const right = left + 1;
      let worst = left;
      if (right < this.n && this.better(this.scores[left]!, this.labels[left]!, this.scores[right]!, this.labels[right]!)) worst = right;
      if (!this.better(score, label, this.scores[worst]!, this.labels[worst]!)) break;
      this.scores[i] = this.scores[worst]!;
      this.labels[i] = this.labels[worst]!;
      i = worst;
    }
    this.scores[i] = score;
    this.labels[i] = label;
  }
}
