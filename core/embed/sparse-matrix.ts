/**
 * Compressed sparse row (CSR) matrices and the sparse × dense product the randomized SVD
 * needs. Dense operands are row-major Float64Arrays. Aᵀ·Y is computed as a product with
 * the explicit transpose (a gather, like A·X) rather than a scatter: it is faster.
 */

/** A rows × cols sparse matrix in CSR form. */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  /** rows + 1 offsets into `indices` / `values`. */
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** The transpose of `a`, again in CSR form (column indices of each row come out sorted). */
export function transposeCsr(a: CsrMatrix): CsrMatrix {
  const nnz = a.indptr[a.rows]!;
  const indptr = new Int32Array(a.cols + 1);
  for (let p = 0; p < nnz; p++) indptr[a.indices[p]! + 1]!++;
  for (let c = 0; c < a.cols; c++) indptr[c + 1]! += indptr[c]!;
  const next = indptr.slice(0, a.cols);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let i = 0; i < a.rows; i++) {
    for (let p = a.indptr[i]!; p < a.indptr[i + 1]!; p++) {
      const dst = next[a.indices[p]!]!++;
      indices[dst] = i;
      values[dst] = a.values[p]!;
    }
  }
  return { rows: a.cols, cols: a.rows, indptr, indices, values };
}

/**
 * Y = A · X, with X a (A.cols × width) dense matrix; returns A.rows × width.
 * `out`, when given (length ≥ A.rows × width), is overwritten and returned as a view.
 */
export function multiply(a: CsrMatrix, x: Float64Array, width: number, out?: Float64Array): Float64Array {
  const y = out ? out.subarray(0, a.rows * width) : new Float64Array(a.rows * width);
  y.fill(0);
  const { indptr, indices, values } = a;
  for (let i = 0; i < a.rows; i++) {
    const yo = i * width;
    const end = indptr[i + 1]!;
    let p = indptr[i]!;
    // Eight non-zeros per pass: one load/store of the output row per eight multiply-adds.
    for (; p + 7 < end; p += 8) {
      const w0 = values[p]!, w1 = values[p + 1]!, w2 = values[p + 2]!, w3 = values[p + 3]!;
      const w4 = values[p + 4]!, w5 = values[p + 5]!, w6 = values[p + 6]!, w7 = values[p + 7]!;
      const x0 = indices[p]! * width, x1 = indices[p + 1]! * width, x2 = indices[p + 2]! * width, x3 = indices[p + 3]! * width;
      const x4 = indices[p + 4]! * width, x5 = indices[p + 5]! * width, x6 = indices[p + 6]! * width, x7 = indices[p + 7]! * width;
      for (let j = 0; j < width; j++) {
        y[yo + j]! += w0 * x[x0 + j]! + w1 * x[x1 + j]! + w2 * x[x2 + j]! + w3 * x[x3 + j]! +
          w4 * x[x4 + j]! + w5 * x[x5 + j]! + w6 * x[x6 + j]! + w7 * x[x7 + j]!;
      }
    }
    for (; p < end; p++) {
      const w = values[p]!;
      const xo = indices[p]! * width;
      for (let j = 0; j < width; j++) y[yo + j]! += w * x[xo + j]!;
    }
  }
  return y;
}
