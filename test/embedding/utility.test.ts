import { describe, expect, it } from 'vitest';
import { coxHazardRatio, rocAuc, trainTestClassifier } from '../../src/anonymize/embedding/metrics/models.js';
import { correlationComparison, hellinger, hellingerDistances } from '../../src/anonymize/embedding/metrics/utility.js';
import { seededRandom } from '../../src/anonymize/embedding/random.js';
import type { Table } from '../../src/anonymize/embedding/table.js';

function sample(n: number, seed: number, effect = 1): Table {
  const random = seededRandom(seed);
  return {
    columns: [
      { name: 'x', kind: 'numeric' },
      { name: 'y', kind: 'numeric' },
      { name: 'label', kind: 'categorical' },
    ],
    rows: Array.from({ length: n }, () => {
      const x = random.next() * 10;
      const y = effect * x + random.next() * 2;
      return [Math.round(x * 100) / 100, Math.round(y * 100) / 100, x + random.next() * 2 > 6 ? '1' : '0'];
    }),
  };
}

describe('Hellinger distance', () => {
  it('is 0 for identical and 1 for disjoint distributions', () => {
    expect(hellinger([0.2, 0.8], [0.2, 0.8])).toBeCloseTo(0, 12);
    expect(hellinger([1, 0], [0, 1])).toBeCloseTo(1, 12);
    // Hand case: √(1 − (√(.5·.25) + √(.5·.75))) = 0.1589…
    expect(hellinger([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(Math.sqrt(1 - (Math.sqrt(0.125) + Math.sqrt(0.375))), 12);
  });

  it('per column: identical tables score 0, a shifted column scores high', () => {
    const a = sample(500, 1);
    expect(hellingerDistances(a, a).mean).toBe(0);
    const shifted: Table = { columns: a.columns, rows: a.rows.map((r) => [(r[0] as number) + 100, r[1]!, r[2]!]) };
    const h = hellingerDistances(a, shifted);
    // All shifted values land in the last of 20 bins: H = √(1 − √(p_last)) with p_last ≈ 1/20.
    expect(h.perColumn.x).toBeGreaterThan(0.8);
    expect(h.perColumn.y).toBe(0);
  });
});

describe('correlation comparison', () => {
  it('is exact on identical tables and sees a broken correlation', () => {
    const a = sample(400, 2);
    expect(correlationComparison(a, a).meanAbsDelta).toBe(0);
    const b = sample(400, 2, 0);
    const r = correlationComparison(a, b);
    expect(r.columns).toEqual(['x', 'y', 'label']);
    expect(r.maxAbsDelta).toBeGreaterThan(0.5);
    expect(r.similarity).toBeLessThan(1);
  });
});

describe('classifier (train on one table, test on another)', () => {
  it('computes the AUC by ranks', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(rocAuc([1, 1], [0, 1])).toBeCloseTo(0.5, 12);
  });

  it('learns a real signal', () => {
    const r = trainTestClassifier(sample(600, 3), sample(400, 4), 'label', '1');
    expect(r.auc).toBeGreaterThan(0.9);
    expect(r.accuracy).toBeGreaterThan(0.8);
  });
});

describe('Cox hazard ratio', () => {
  it('recovers a known hazard ratio of exponential survival times', () => {
    const random = seededRandom(5);
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const treated = i % 2;
      const rate = treated ? 0.5 : 1; // HR 0.5
      const time = -Math.log(1 - random.next()) / rate;
      const censor = -Math.log(1 - random.next()) / 0.3;
      return [Math.round(Math.min(time, censor) * 1000) / 1000, time <= censor ? '1' : '0', String(treated)];
    });
    const table: Table = {
      columns: [
        { name: 'days', kind: 'numeric' },
        { name: 'cens', kind: 'categorical' },
        { name: 'arms', kind: 'categorical' },
      ],
      rows,
    };
    const hr = coxHazardRatio(table, { time: 'days', event: 'cens', group: 'arms', reference: '0', compare: '1' });
    expect(hr.n).toBe(3000);
    expect(hr.ci[0]).toBeLessThan(0.5);
    expect(hr.ci[1]).toBeGreaterThan(0.5);
    expect(hr.hazardRatio).toBeGreaterThan(0.43);
    expect(hr.hazardRatio).toBeLessThan(0.58);
  });
});
