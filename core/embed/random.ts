/**
 * A small seeded random source for reproducible fitting (the same seed gives the same
 * model on every machine, which the embedder id relies on).
 */

/** Deterministic uniform and Gaussian draws from a 32-bit seed (mulberry32 + polar method). */
export class SeededRandom {
  private state: number;
  private spare: number | undefined;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal draw. */
  gaussian(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    // Marsaglia's polar method: no trigonometry.
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** Fills `out` with standard normal draws and returns it. */
  fillGaussian(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.gaussian();
    return out;
  }
}
