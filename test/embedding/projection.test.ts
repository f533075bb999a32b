import { describe, expect, it } from 'vitest';
import { fitProjection } from '../../src/anonymize/embedding/projection.js';
import type { Table } from '../../src/anonymize/embedding/table.js';
import { VoileError } from '../../src/errors.js';

const mixed: Table = {
  columns: [
    { name: 'age', kind: 'numeric' },
    { name: 'weight', kind: 'numeric' },
    { name: 'sex', kind: 'categorical' },
    { name: 'arm', kind: 'categorical' },
  ],
  rows: [
    [34, 70.5, 'F', 'a'],
    [51, 82.25, 'M', 'b'],
    [29, 60, 'F', 'c'],
    [63, 90.75, 'M', 'a'],
    [45, null, 'F', 'b'],
    [38, 75, null, 'c'],
    [57, 88.5, 'M', 'a'],
  ],
};

describe('projection round trip', () => {
  it('decodes its own coordinates back to the same rows when all components are kept (FAMD, with missing values)', () => {
    const projection = fitProjection(mixed, { ncp: 100 });
    expect(projection.method).toBe('FAMD');
    expect(projection.ncp).toBe(projection.dimension);
    const decoded = projection.inverse(projection.transform(mixed.rows), mixed.rows.length);
    expect(decoded).toEqual(mixed.rows);
  });

  it('is a standardised PCA on numeric columns, with inertia shares summing to 1', () => {
    const numeric: Table = { columns: mixed.columns.slice(0, 2), rows: mixed.rows.filter((r) => r[1] !== null).map((r) => r.slice(0, 2)) };
    const projection = fitProjection(numeric, { ncp: 2 });
    expect(projection.method).toBe('PCA');
    // Two standardised columns: the eigenvalues of their correlation matrix are 1 ± r and sum to 2.
    expect(projection.eigenvalues[0]! + projection.eigenvalues[1]!).toBeCloseTo(2, 10);
    expect(projection.explainedInertia.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(projection.inverse(projection.transform(numeric.rows), numeric.rows.length)).toEqual(numeric.rows);
  });

  it('is MCA on categorical columns and decodes to the most likely category', () => {
    const categorical: Table = { columns: mixed.columns.slice(2), rows: mixed.rows.map((r) => r.slice(2)) };
    const projection = fitProjection(categorical, { ncp: 100 });
    expect(projection.method).toBe('MCA');
    expect(projection.inverse(projection.transform(categorical.rows), categorical.rows.length)).toEqual(categorical.rows);
  });

  it('keeps the leading structure with fewer components: coordinates are centred and ordered by variance', () => {
    const projection = fitProjection(mixed, { ncp: 2 });
    const coords = projection.transform(mixed.rows);
    const n = mixed.rows.length;
    const variance = [0, 0];
    for (let j = 0; j < 2; j++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += coords[i * 2 + j]!;
      expect(sum / n).toBeCloseTo(0, 10);
      for (let i = 0; i < n; i++) variance[j] += coords[i * 2 + j]! ** 2 / n;
      expect(variance[j]).toBeCloseTo(projection.eigenvalues[j]!, 10);
    }
    expect(variance[0]).toBeGreaterThanOrEqual(variance[1]!);
  });

  it('rejects bad parameters with a clear error', () => {
    expect(() => fitProjection(mixed, { ncp: 0 })).toThrow(VoileError);
    expect(() => fitProjection({ columns: mixed.columns, rows: [mixed.rows[0]!] }, { ncp: 2 })).toThrow(VoileError);
  });
});
