import { describe, expect, it } from 'vitest';
import { inferenceRisk, linkabilityRisk, singlingOutProbabilityIntegral, singlingOutRisk } from '../../src/anonymize/embedding/metrics/attacks.js';
import { seededRandom } from '../../src/anonymize/embedding/random.js';
import type { Table } from '../../src/anonymize/embedding/table.js';

/** Independent records: age, weight, a 4-level category and a secret loosely tied to them. */
function cohort(n: number, seed: number): Table {
  const random = seededRandom(seed);
  return {
    columns: [
      { name: 'age', kind: 'numeric' },
      { name: 'weight', kind: 'numeric' },
      { name: 'site', kind: 'categorical' },
      { name: 'smoker', kind: 'categorical' },
      { name: 'secret', kind: 'categorical' },
      { name: 'height', kind: 'numeric' },
    ],
    rows: Array.from({ length: n }, () => [
      18 + Math.floor(random.next() * 70),
      Math.round((45 + random.next() * 60) * 10) / 10,
      ['a', 'b', 'c', 'd'][random.int(4)]!,
      random.next() < 0.3 ? 'yes' : 'no',
      random.next() < 0.5 ? 's1' : 's2',
      Math.round((150 + random.next() * 50) * 1000) / 1000,
    ]),
  };
}

const original = cohort(300, 1);
const control = cohort(300, 2);
const unrelated = cohort(300, 3);

describe('singling out', () => {
  it('publishing the originals themselves is a high risk, unrelated data is none', () => {
    for (const mode of ['univariate', 'multivariate'] as const) {
      const leaked = singlingOutRisk(original, original, control, { seed: 5, mode, nAttacks: 100 });
      const safe = singlingOutRisk(original, unrelated, control, { seed: 5, mode, nAttacks: 100 });
      expect(leaked.queriesGenerated).toBeGreaterThan(0);
      expect(leaked.risk.value).toBeGreaterThan(0.5);
      expect(safe.risk.ci[0]).toBeLessThan(0.1);
    }
  });

  it('uses Anonymeter’s singling-out probability integral', () => {
    // ∫₀¹ n·w(1−w)^(n−1) dw = 1/(n+1) · (1 − 0) ... with the closed form: (1 − (n·w+1)(1−w)^n)/(n+1).
    expect(singlingOutProbabilityIntegral(10, 0, 1)).toBeCloseTo(1 / 11, 12);
    expect(singlingOutProbabilityIntegral(10, 0, 0)).toBe(0);
  });
});

describe('linkability', () => {
  it('re-links the originals when they are published, not when unrelated records are', () => {
    // Each half holds one near-unique measurement, so a published original links both halves.
    const aux: [string[], string[]] = [['age', 'site', 'weight'], ['height', 'smoker']];
    const leaked = linkabilityRisk(original, original, control, { seed: 3, nAttacks: 150, auxColumns: aux });
    const safe = linkabilityRisk(original, unrelated, control, { seed: 3, nAttacks: 150, auxColumns: aux });
    expect(leaked.nSuccess).toBe(150);
    expect(leaked.risk.value).toBeGreaterThan(0.8);
    expect(safe.risk.value).toBeLessThan(0.1);
  });
});

describe('inference', () => {
  it('infers a secret from published originals and not from unrelated records', () => {
    const leaked = inferenceRisk(original, original, control, { seed: 4, nAttacks: 150, secret: 'secret' });
    const safe = inferenceRisk(original, unrelated, control, { seed: 4, nAttacks: 150, secret: 'secret' });
    expect(leaked.nSuccess).toBe(150);
    expect(leaked.risk.value).toBeGreaterThan(0.8);
    expect(safe.risk.ci[0]).toBeLessThan(0.15);
  });

  it('caps the attacks at the size of the smallest set and is reproducible with a seed', () => {
    const small: Table = { columns: control.columns, rows: control.rows.slice(0, 40) };
    const a = inferenceRisk(original, unrelated, small, { seed: 9, secret: 'site' });
    const b = inferenceRisk(original, unrelated, small, { seed: 9, secret: 'site' });
    expect(a.nAttacks).toBe(40);
    expect(b).toEqual(a);
  });
});
