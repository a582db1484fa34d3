/**
 * Postings added since a BM25 field's last merge, as three parallel typed arrays (term id,
 * label, tf) that grow by half: 10 bytes a posting, where arrays of numbers took 24 and
 * more, so a full build's postings fit in a third of the memory before they are merged.
 */
export class PendingPostings {
  term = new Uint32Array(0);
  label = new Uint32Array(0);
  tf = new Uint16Array(0);
  length = 0;

  push(term: number, label: number, tf: number): void {
    if (this.length === this.term.length) this.grow();
    this.term[this.length] = term;
    this.label[this.length] = label;
    this.tf[this.length] = tf;
    this.length++;
  }

  /** Drop every posting and release the arrays. */
  clear(): void {
    this.term = new Uint32Array(0);
    this.label = new Uint32Array(0);
    this.tf = new Uint16Array(0);
    this.length = 0;
  }

  private grow(): void {
    const size = Math.max(1024, Math.ceil(this.term.length * 1.5));
    const term = new Uint32Array(size);
    const label = new Uint32Array(size);
    const tf = new Uint16Array(size);
    term.set(this.term);
    label.set(this.label);
    tf.set(this.tf);
    this.term = term;
    this.label = label;
    this.tf = tf;
  }
}
