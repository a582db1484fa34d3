import { describe, expect, it } from 'vitest';
import { decodeBinary, encodeBinary, encodeBinaryParts } from './binary-file.ts';

describe('encodeBinaryParts', () => {
  it('gives the bytes of encodeBinary in pieces that reuse the arrays, and decodes back', () => {
    const arrays = { a: Uint16Array.of(1, 2, 3), b: Float32Array.of(0.5, -2), c: new Uint8Array(0), d: Uint32Array.of(7) };
    const parts = encodeBinaryParts({ n: 1 }, arrays);
    const joined = Buffer.concat(parts);
    expect(joined.equals(encodeBinary({ n: 1 }, arrays))).toBe(true);
    expect(parts.some((p) => p.buffer === arrays.a.buffer)).toBe(true);
    const back = decodeBinary<{ n: number }>(joined);
    expect(back.header).toEqual({ n: 1 });
    expect(Array.from(back.arrays.a!)).toEqual([1, 2, 3]);
    expect(Array.from(back.arrays.b!)).toEqual([0.5, -2]);
    expect(Array.from(back.arrays.d!)).toEqual([7]);
  });
});
