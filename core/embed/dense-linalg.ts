/**
 * The dense kernels of the randomized SVD: Gram products of tall matrices, matrix
 * products and a small symmetric eigensolver. Matrices are row-major Float64Arrays.
 */

/**
 * G = Xᵀ·Y for X and Y both rows × w; returns w × w. When the product is known to be
 * symmetric (always when X === Y) only the upper half is computed, then mirrored.
 */
export function gram(x: Float64Array, y: Float64Array, rows: number, w: number, knownSymmetric = false): Float64Array {
  const g = new Float64Array(w * w);
  const symmetric = knownSymmetric || x === y;
  let i = 0;
  // Four rows per pass: one load/store of G per four multiply-adds.
  for (; i + 3 < rows; i += 4) {
    const o0 = i * w, o1 = o0 + w, o2 = o1 + w, o3 = o2 + w;
    for (let a = 0; a < w; a++) {
      const x0 = x[o0 + a]!, x1 = x[o1 + a]!, x2 = x[o2 + a]!, x3 = x[o3 + a]!;
      const go = a * w;
      for (let b = symmetric ? a : 0; b < w; b++) {
        g[go + b]! += x0 * y[o0 + b]! + x1 * y[o1 + b]! + x2 * y[o2 + b]! + x3 * y[o3 + b]!;
      }
    }
  }
  for (; i < rows; i++) {
    const o = i * w;
    for (let a = 0; a < w; a++) {
      const xa = x[o + a]!;
      const go = a * w;
      for (let b = symmetric ? a : 0; b < w; b++) g[go + b]! += xa * y[o + b]!;
    }
  }
  if (symmetric) {
    for (let a = 0; a < w; a++) for (let b = 0; b < a; b++) g[a * w + b] = g[b * w + a]!;
  }
  return g;
}

/** C = X·M for X (rows × inner) and M (inner × cols); returns rows × cols. */
export function matmul(x: Float64Array, m: Float64Array, rows: number, inner: number, cols: number): Float64Array {
  const c = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const xo = i * inner;
    const co = i * cols;
    let a = 0;
    for (; a + 3 < inner; a += 4) {
      const x0 = x[xo + a]!, x1 = x[xo + a + 1]!, x2 = x[xo + a + 2]!, x3 = x[xo + a + 3]!;
      const m0 = a * cols, m1 = m0 + cols, m2 = m1 + cols, m3 = m2 + cols;
      for (let j = 0; j < cols; j++) c[co + j]! += x0 * m[m0 + j]! + x1 * m[m1 + j]! + x2 * m[m2 + j]! + x3 * m[m3 + j]!;
    }
    for (; a < inner; a++) {
      const xa = x[xo + a]!;
      const mo = a * cols;
      for (let j = 0; j < cols; j++) c[co + j]! += xa * m[mo + j]!;
    }
  }
  return c;
}

/** Eigen-decomposition of a symmetric matrix, eigenvalues in descending order. */
export interface SymmetricEigen {
  values: Float64Array;
  /** n × n row-major; column j is the eigenvector of values[j]. */
  vectors: Float64Array;
}

/**
 * Eigen-decomposition of a small symmetric n × n matrix (the input is not modified):
 * Householder reduction to tridiagonal form, then the implicit QL algorithm (the classic
 * tred2/tql2 pair, as in EISPACK and JAMA). O(n³): milliseconds for n ≈ 270.
 */
export function symmetricEigen(input: Float64Array, n: number): SymmetricEigen {
  const v = Float64Array.from(input);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n === 0) return { values: d, vectors: v };
  tridiagonalize(v, d, e, n);
  tridiagonalQl(v, d, e, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[j]! - d[i]! || i - j);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = d[src]!;
    for (let r = 0; r < n; r++) vectors[r * n + dst] = v[r * n + src]!;
  });
  return { values, vectors };
}

/** Householder tridiagonalisation (tred2): on return `v` holds the orthogonal transform, `d`/`e` the diagonal and sub-diagonal. */
function tridiagonalize(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k]! /= scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        v[j * n + i] = f;
        g = e[j]! + v[j * n + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[k * n + j]! * d[k]!;
          e[k]! += v[k * n + j]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j]! /= h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) v[k * n + j]! -= f * e[k]! + g * d[k]!;
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = v[i * n + i]!;
    v[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k * n + i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k * n + i + 1]! * v[k * n + j]!;
        for (let k = 0; k <= i; k++) v[k * n + j]! -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[(n - 1) * n + j]!;
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL iterations on a symmetric tridiagonal matrix (tql2), accumulating into `v`. */
function tridiagonalQl(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      do {
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          for (let k = 0; k < n; k++) {
            const vk = k * n;
            h = v[vk + i + 1]!;
            v[vk + i + 1] = s * v[vk + i]! + c * h;
            v[vk + i] = c * v[vk + i]! - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}

/**
 * Orthonormalise the columns of a tall Y (rows × w) in place of a QR: with G = YᵀY = WΛWᵀ,
 * returns S = W·Λ^-½ (w × r) so that Q = Y·S has orthonormal columns. Directions with
 * negligible energy (rank deficiency) are dropped, so r ≤ w.
 */
export function orthonormalizer(g: Float64Array, w: number): { s: Float64Array; rank: number } {
  const { values, vectors } = symmetricEigen(g, w);
  const top = values[0] ?? 0;
  let rank = 0;
  while (rank < w && values[rank]! > top * 1e-12 && values[rank]! > 0) rank++;
  const s = new Float64Array(w * rank);
  for (let j = 0; j < rank; j++) {
    const scale = 1 / Math.sqrt(values[j]!);
    for (let i = 0; i < w; i++) s[i * rank + j] = vectors[i * w + j]! * scale;
  }
  return { s, rank };
}

/**
 * Re-orthonormalise the columns of a tall Y (rows × w) in place by shifted Cholesky QR
 * (Fukaya et al. 2020): R = chol(YᵀY + εI), Y ← Y·R⁻¹. Cheaper than a full change of
 * basis and robust to rank deficiency thanks to the shift; the result is orthonormal to a
 * few digits, which is all a subspace iteration needs.
 */
export function choleskyOrthonormalizeInPlace(y: Float64Array, rows: number, w: number): void {
  const g = gram(y, y, rows, w);
  let trace = 0;
  for (let a = 0; a < w; a++) trace += g[a * w + a]!;
  const shift = Math.max(trace, 1e-300) * 1e-10;
  for (let a = 0; a < w; a++) g[a * w + a]! += shift;
  // Upper-triangular R with RᵀR = G, stored in g's upper half.
  for (let j = 0; j < w; j++) {
    let d = g[j * w + j]!;
    for (let k = 0; k < j; k++) d -= g[k * w + j]! ** 2;
    const rjj = Math.sqrt(Math.max(d, shift));
    g[j * w + j] = rjj;
    for (let c = j + 1; c < w; c++) {
      let v = g[j * w + c]!;
      for (let k = 0; k < j; k++) v -= g[k * w + j]! * g[k * w + c]!;
      g[j * w + c] = v / rjj;
    }
  }
  // Each row solves qᵀR = yᵀ by forward substitution.
  for (let i = 0; i < rows; i++) {
    const o = i * w;
    for (let c = 0; c < w; c++) {
      const q = y[o + c]! / g[c * w + c]!;
      y[o + c] = q;
      if (q === 0) continue;
      const go = c * w;
      for (let b = c + 1; b < w; b++) y[o + b]! -= q * g[go + b]!;
    }
  }
}
