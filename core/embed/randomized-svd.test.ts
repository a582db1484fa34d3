import { describe, expect, it } from 'vitest';
import { gram, symmetricEigen } from './dense-linalg.ts';
import { randomizedSvd } from './randomized-svd.ts';
import { multiply, transposeCsr, type CsrMatrix } from './sparse-matrix.ts';
import { SeededRandom } from './random.ts';

/** A sparse random matrix with a decaying spectrum: low-rank signal plus sparse noise. */
function testMatrix(rows: number, cols: number): { csr: CsrMatrix; dense: Float64Array } {
  const r = new SeededRandom(11);
  const dense = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (r.next() < 0.3) dense[i * cols + j] = (1 + ((i * 7 + j) % 5)) * (j < 10 ? 3 : 1) * r.next();
    }
  }
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = dense[i * cols + j]!;
      if (v !== 0) {
        indices.push(j);
        values.push(v);
      }
    }
    indptr[i + 1] = indices.length;
  }
  return { csr: { rows, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) }, dense };
}

describe('sparse products', () => {
  it('A·X and the transpose agree with dense arithmetic', () => {
    const { csr, dense } = testMatrix(6, 5);
    const x = Float64Array.from({ length: 5 * 2 }, (_, i) => i - 3);
    const y = multiply(csr, x, 2);
    for (let i = 0; i < 6; i++) {
      for (let c = 0; c < 2; c++) {
        let s = 0;
        for (let j = 0; j < 5; j++) s += dense[i * 5 + j]! * x[j * 2 + c]!;
        expect(y[i * 2 + c]).toBeCloseTo(s, 12);
      }
    }
    const t = transposeCsr(csr);
    expect(t.rows).toBe(5);
    const z = multiply(t, Float64Array.from({ length: 6 }, (_, i) => i), 1);
    for (let j = 0; j < 5; j++) {
      let s = 0;
      for (let i = 0; i < 6; i++) s += dense[i * 5 + j]! * i;
      expect(z[j]).toBeCloseTo(s, 12);
    }
  });
});

describe('randomizedSvd', () => {
  it('finds the top singular values of a sparse matrix to high accuracy', () => {
    const rows = 120;
    const cols = 80;
    const { csr, dense } = testMatrix(rows, cols);
    const exact = symmetricEigen(gram(dense, dense, rows, cols), cols).values.map((v) => Math.sqrt(Math.max(v, 0)));
    const svd = randomizedSvd(csr, 10, { seed: 3, powerIterations: 2 });
    expect(svd.rank).toBe(10);
    for (let j = 0; j < 5; j++) expect(svd.singularValues[j]! / exact[j]!).toBeCloseTo(1, 3);
    for (let j = 0; j < 10; j++) expect(svd.singularValues[j]!).toBeLessThanOrEqual(exact[j]! * (1 + 1e-9));
  });

  it('returns orthonormal right singular vectors', () => {
    const { csr } = testMatrix(100, 60);
    const svd = randomizedSvd(csr, 8, { seed: 1 });
    const g = gram(svd.components, svd.components, 60, svd.rank);
    for (let a = 0; a < svd.rank; a++) for (let b = 0; b < svd.rank; b++) expect(g[a * svd.rank + b]).toBeCloseTo(a === b ? 1 : 0, 6);
  });

  it('is deterministic for a seed and stops at the rank of a low-rank matrix', () => {
    const { csr } = testMatrix(30, 20);
    expect(Array.from(randomizedSvd(csr, 5, { seed: 9 }).components)).toEqual(Array.from(randomizedSvd(csr, 5, { seed: 9 }).components));
    const rank1: CsrMatrix = { rows: 3, cols: 3, indptr: Int32Array.of(0, 3, 6, 9), indices: Int32Array.of(0, 1, 2, 0, 1, 2, 0, 1, 2), values: Float64Array.of(1, 2, 3, 2, 4, 6, 3, 6, 9) };
    const svd = randomizedSvd(rank1, 3);
    expect(svd.rank).toBe(1);
    expect(svd.singularValues[0]).toBeCloseTo(14, 9);
  });
});
