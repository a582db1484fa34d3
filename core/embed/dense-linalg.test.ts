import { describe, expect, it } from 'vitest';
import { choleskyOrthonormalizeInPlace, gram, matmul, orthonormalizer, symmetricEigen } from './dense-linalg.ts';
import { SeededRandom } from './random.ts';

function randomMatrix(rows: number, cols: number, seed: number): Float64Array {
  return new SeededRandom(seed).fillGaussian(new Float64Array(rows * cols));
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function identity(n: number): Float64Array {
  const id = new Float64Array(n * n);
  for (let i = 0; i < n; i++) id[i * n + i] = 1;
  return id;
}

describe('symmetricEigen', () => {
  it('decomposes a known 2 × 2 matrix', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(Array.from(values)).toEqual([expect.closeTo(3, 12), expect.closeTo(1, 12)]);
    expect(Math.abs(vectors[0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0]! * vectors[2]!).toBeGreaterThan(0);
  });

  it('reconstructs a random symmetric matrix with orthonormal eigenvectors, values descending', () => {
    const n = 40;
    const x = randomMatrix(60, n, 3);
    const g = gram(x, x, 60, n);
    const { values, vectors } = symmetricEigen(g, n);
    for (let i = 1; i < n; i++) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
    const scaled = Float64Array.from(vectors, (v, idx) => v * values[idx % n]!);
    const vt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vt[j * n + i] = vectors[i * n + j]!;
    expect(maxAbsDiff(matmul(scaled, vt, n, n, n), g)).toBeLessThan(1e-9);
    expect(maxAbsDiff(matmul(vt, vectors, n, n, n), identity(n))).toBeLessThan(1e-12);
  });

  it('handles repeated and zero eigenvalues', () => {
    const { values } = symmetricEigen(Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 0), 3);
    expect(Array.from(values)).toEqual([1, 1, 0]);
  });
});

describe('orthonormalizers', () => {
  it('Cholesky QR leaves orthonormal columns spanning the same space', () => {
    const rows = 200;
    const w = 12;
    const y = randomMatrix(rows, w, 5);
    const original = Float64Array.from(y);
    choleskyOrthonormalizeInPlace(y, rows, w);
    expect(maxAbsDiff(gram(y, y, rows, w), identity(w))).toBeLessThan(1e-6);
    // Projection of the original columns onto span(Q) gives them back.
    const coeffs = gram(y, original, rows, w);
    expect(maxAbsDiff(matmul(y, coeffs, rows, w, w), original)).toBeLessThan(1e-6);
  });

  it('the eigen-based orthonormalizer drops directions of a rank-deficient matrix', () => {
    const rows = 50;
    const base = randomMatrix(rows, 3, 9);
    const y = new Float64Array(rows * 5);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < 3; j++) y[i * 5 + j] = base[i * 3 + j]!;
      y[i * 5 + 3] = base[i * 3]! + base[i * 3 + 1]!;
      y[i * 5 + 4] = 2 * base[i * 3 + 2]!;
    }
    const { s, rank } = orthonormalizer(gram(y, y, rows, 5), 5);
    expect(rank).toBe(3);
    const q = matmul(y, s, rows, 5, rank);
    expect(maxAbsDiff(gram(q, q, rows, rank), identity(rank))).toBeLessThan(1e-8);
  });
});
