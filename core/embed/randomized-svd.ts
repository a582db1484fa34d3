/**
 * Randomized truncated SVD of a sparse matrix (Halko, Martinsson & Tropp 2011, Alg. 4.4
 * with a Rayleigh–Ritz finish). Only the right singular vectors are returned: they are
 * what LSA projects term vectors with.
 */
import type { CsrMatrix } from './sparse-matrix.ts';
import { multiply, transposeCsr } from './sparse-matrix.ts';
import { choleskyOrthonormalizeInPlace, gram, matmul, orthonormalizer, symmetricEigen } from './dense-linalg.ts';
import { SeededRandom } from './random.ts';

/** Options of {@link randomizedSvd}. */
export interface RandomizedSvdOptions {
  /** Extra sketch columns beyond the rank asked for (default 10). */
  oversample?: number;
  /** Subspace (power) iterations, each followed by re-orthonormalisation (default 1). */
  powerIterations?: number;
  seed?: number;
}

/** The top right singular vectors and singular values of A. */
export interface TruncatedSvd {
  /** Number of components actually found (≤ the rank asked for; less when A has lower rank). */
  rank: number;
  singularValues: Float64Array;
  /** A.cols × rank, row-major: row t is term t's coordinates in the latent space. */
  components: Float64Array;
}

/** Top-`rank` right singular vectors of `a`; deterministic for a given seed. */
export function randomizedSvd(a: CsrMatrix, rank: number, opts: RandomizedSvdOptions = {}): TruncatedSvd {
  const m = a.rows;
  const maxRank = Math.min(m, a.cols);
  const w = Math.min(rank + (opts.oversample ?? 10), maxRank);
  if (w <= 0) return { rank: 0, singularValues: new Float64Array(0), components: new Float64Array(0) };
  const at = transposeCsr(a);
  const random = new SeededRandom(opts.seed ?? 1);
  // One terms-side buffer, reused: first the Gaussian test matrix, then Aᵀ·Q products.
  const termSide = random.fillGaussian(new Float64Array(a.cols * w));
  // Two documents-side buffers swap roles; reusing them spares the garbage collector.
  let y: Float64Array = multiply(a, termSide, w);
  let spare: Float64Array = new Float64Array(m * w);
  for (let it = 0; it < (opts.powerIterations ?? 1); it++) {
    choleskyOrthonormalizeInPlace(y, m, w);
    const next = multiply(a, multiply(at, y, w, termSide), w, spare);
    spare = y;
    y = next;
  }
  // Rayleigh–Ritz on Q = Y·S without materialising Q: T = Sᵀ (Yᵀ A Aᵀ Y) S.
  const { s, rank: r } = orthonormalizer(gram(y, y, m, w), w);
  const h = gram(y, multiply(a, multiply(at, y, w, termSide), w, spare), m, w, true);
  const t = matmul(transpose(s, w, r), matmul(h, s, w, w, r), r, w, r);
  const eig = symmetricEigen(t, r);
  const top = Math.sqrt(Math.max(eig.values[0] ?? 0, 0));
  let k = 0;
  while (k < Math.min(rank, r) && Math.sqrt(Math.max(eig.values[k]!, 0)) > top * 1e-7) k++;
  // V = Aᵀ·Q·W·Σ⁻¹ = Aᵀ·(Y·M) with M = S·W_k·Σ_k⁻¹ (w × k).
  const sw = matmul(s, eig.vectors, w, r, r);
  const mk = new Float64Array(w * k);
  const singularValues = new Float64Array(k);
  for (let j = 0; j < k; j++) singularValues[j] = Math.sqrt(eig.values[j]!);
  for (let i = 0; i < w; i++) for (let j = 0; j < k; j++) mk[i * k + j] = sw[i * r + j]! / singularValues[j]!;
  const components = multiply(at, matmul(y, mk, m, w, k), k);
  return { rank: k, singularValues, components };
}

function transpose(x: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = x[i * cols + j]!;
  return out;
}
