/**
 * A fast, dependency-free 64-bit fingerprint (two independent 32-bit FNV-1a-style lanes
 * with a murmur finaliser). Identifies model contents; not a cryptographic hash.
 */
export class Fingerprint {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193 ^ 0x9e3779b9;

  /** Mix in 32-bit words. */
  words(data: Uint32Array | Int32Array): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < data.length; i++) {
      const w = data[i]!;
      h1 = Math.imul(h1 ^ w, 0x01000193);
      h2 = Math.imul(h2 ^ w, 0x5bd1e995) ^ (h2 >>> 15);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** Mix in a string's UTF-16 code units, then a separator. */
  text(s: string): this {
    const units = new Uint32Array(s.length + 1);
    for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i);
    units[s.length] = 0xffffffff;
    return this.words(units);
  }

  /** Mix in float values by their float32 bit patterns. */
  floats(values: Float32Array | Float64Array): this {
    const f = values instanceof Float32Array ? values : Float32Array.from(values);
    return this.words(new Uint32Array(f.buffer, f.byteOffset, f.length));
  }

  /** 16 lowercase hex digits. */
  hex(): string {
    return [this.h1, this.h2].map((h) => {
      let x = h;
      x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
      x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
      return ((x ^ (x >>> 16)) >>> 0).toString(16).padStart(8, '0');
    }).join('');
  }
}
