/**
 * Small dense linear algebra for the projection. The matrices that need decomposing are p×p with
 * p the number of encoded columns (tens, at most a few hundred), so a cyclic Jacobi sweep is both
 * simple and numerically robust: it works on the symmetric matrix directly and yields orthonormal
 * eigenvectors to machine precision, with no loss from forming a characteristic polynomial.
 */

export interface SymmetricEigen {
  /** Eigenvalues, in decreasing order. */
  readonly values: Float64Array;
  /** Eigenvectors as columns of a p×p row-major matrix: vectors[r * p + c] is component r of vector c. */
  readonly vectors: Float64Array;
}

/** Eigen-decomposes a symmetric p×p row-major matrix (left untouched). */
export function symmetricEigen(matrix: Float64Array, p: number, maxSweeps = 100): SymmetricEigen {
  if (matrix.length !== p * p) throw new RangeError('matrix size does not match p');
  const a = Float64Array.from(matrix);
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;

  let scale = 0;
  for (let i = 0; i < p * p; i++) scale = Math.max(scale, Math.abs(a[i]!));
  const tolerance = (scale || 1) * 1e-15;

  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let offNorm = 0;
    for (let r = 0; r < p; r++) for (let c = r + 1; c < p; c++) offNorm += a[r * p + c]! ** 2;
    if (Math.sqrt(offNorm) <= tolerance) break;

    for (let r = 0; r < p; r++) {
      for (let c = r + 1; c < p; c++) {
        const arc = a[r * p + c]!;
        if (Math.abs(arc) <= tolerance * 1e-3) continue;
        const arr = a[r * p + r]!;
        const acc = a[c * p + c]!;
        // Rutishauser's stable formulation of the rotation angle.
        const theta = (acc - arr) / (2 * arc);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cos = 1 / Math.sqrt(t * t + 1);
        const sin = t * cos;
        for (let k = 0; k < p; k++) {
          const akr = a[k * p + r]!;
          const akc = a[k * p + c]!;
          a[k * p + r] = cos * akr - sin * akc;
          a[k * p + c] = sin * akr + cos * akc;
        }
        for (let k = 0; k < p; k++) {
          const ark = a[r * p + k]!;
          const ack = a[c * p + k]!;
          a[r * p + k] = cos * ark - sin * ack;
          a[c * p + k] = sin * ark + cos * ack;
        }
        for (let k = 0; k < p; k++) {
          const vkr = v[k * p + r]!;
          const vkc = v[k * p + c]!;
          v[k * p + r] = cos * vkr - sin * vkc;
          v[k * p + c] = sin * vkr + cos * vkc;
        }
      }
    }
  }

  const order = Array.from({ length: p }, (_, i) => i).sort((x, y) => a[y * p + y]! - a[x * p + x]!);
  const values = new Float64Array(p);
  const vectors = new Float64Array(p * p);
  order.forEach((from, to) => {
    values[to] = a[from * p + from]!;
    // Sign convention: the largest-magnitude component is positive, so the basis is deterministic.
    let pivot = 0;
    for (let k = 0; k < p; k++) if (Math.abs(v[k * p + from]!) > Math.abs(v[pivot * p + from]!)) pivot = k;
    const sign = v[pivot * p + from]! < 0 ? -1 : 1;
    for (let k = 0; k < p; k++) vectors[k * p + to] = sign * v[k * p + from]!;
  });
  return { values, vectors };
}

/** Solves (A) x = b for symmetric positive definite A (row-major, n×n) by Cholesky. */
export function solveSpd(matrix: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (sum <= 0) throw new RangeError('matrix is not positive definite');
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / l[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}
