import { describe, expect, it } from 'vitest';
import { solveSpd, symmetricEigen } from '../../src/anonymize/embedding/linalg.js';
import { seededRandom } from '../../src/anonymize/embedding/random.js';

describe('symmetricEigen (Jacobi)', () => {
  it('finds the eigenvalues of a 2×2 matrix in decreasing order', () => {
    const { values } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
  });

  it('returns orthonormal vectors with A·v = λ·v on a random symmetric matrix', () => {
    const p = 7;
    const random = seededRandom(3);
    const a = new Float64Array(p * p);
    for (let r = 0; r < p; r++) for (let c = r; c < p; c++) a[r * p + c] = a[c * p + r] = random.next() * 2 - 1;
    const { values, vectors } = symmetricEigen(a, p);
    for (let j = 0; j < p; j++) {
      for (let r = 0; r < p; r++) {
        let av = 0;
        for (let c = 0; c < p; c++) av += a[r * p + c]! * vectors[c * p + j]!;
        expect(av).toBeCloseTo(values[j]! * vectors[r * p + j]!, 10);
      }
      for (let k = 0; k < p; k++) {
        let dot = 0;
        for (let r = 0; r < p; r++) dot += vectors[r * p + j]! * vectors[r * p + k]!;
        expect(dot).toBeCloseTo(j === k ? 1 : 0, 10);
      }
    }
    for (let j = 1; j < p; j++) expect(values[j - 1]!).toBeGreaterThanOrEqual(values[j]!);
  });
});

describe('solveSpd (Cholesky)', () => {
  it('solves a positive definite system', () => {
    const x = solveSpd(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2);
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => solveSpd(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]), 2)).toThrow(RangeError);
  });
});
