import { describe, expect, it } from 'vitest';
import { cloakingMetrics, closestRecordMetrics, kAnonymity } from '../../src/anonymize/embedding/metrics/distance.js';
import type { Table } from '../../src/anonymize/embedding/table.js';

describe('hidden rate and local cloaking', () => {
  it('identical data: hidden rate 0, local cloaking 0 for everyone', () => {
    const points = Float64Array.from([0, 0, 1, 5, 3, 2, 7, 7]);
    const r = cloakingMetrics(points, points, 2);
    expect(r.hiddenRate).toBe(0);
    expect(r.localCloakingMedian).toBe(0);
    expect(r.localCloakingZeroShare).toBe(1);
  });

  it('avatars swapped between records: every record hidden, local cloaking counted', () => {
    // 1-D: originals at 0, 10, 20; avatar i sits next to the *next* record.
    const originals = Float64Array.from([0, 10, 20]);
    const avatars = Float64Array.from([10.5, 20.5, 0.5]);
    const r = cloakingMetrics(originals, avatars, 1);
    expect(r.hiddenRate).toBe(1);
    // Record 0: own avatar 10.5 away; avatar 0.5 is closer → 1. Record 1: own 10.5 away; avatars
    // at 10.5 and 0.5 (0.5 and 9.5 away) are closer → 2. Record 2: own 19.5 away; 20.5 and 10.5
    // are closer → 2.
    expect(Array.from(r.localCloaking)).toEqual([1, 2, 2]);
    expect(r.localCloakingMedian).toBe(2);
  });

  it('ties: an avatar at exactly the same distance halves the chance of being found', () => {
    const originals = Float64Array.from([0, 100]);
    const avatars = Float64Array.from([1, -1 + 0]); // avatar 1 sits at −1: same distance to record 0
    const r = cloakingMetrics(originals, avatars, 1);
    // Record 0: own avatar at distance 1, one tie → hidden with probability 1/2, local cloaking 0
    // (strict) and 0.5 with ties as half. Record 1: avatars at 99 and 101, own is 101 → hidden.
    expect(r.hiddenRate).toBeCloseTo((0.5 + 1) / 2, 12);
    expect(Array.from(r.localCloaking)).toEqual([0, 1]);
    expect(r.localCloakingTieAwareMedian).toBeCloseTo(0.75, 12);
    expect(r.exposedShare).toBe(0);
  });
});

describe('DCR and NNDR', () => {
  it('are the distances to the closest and second closest reference rows', () => {
    const reference = Float64Array.from([0, 4, 10]);
    const queries = Float64Array.from([1, 7]);
    const r = closestRecordMetrics(queries, reference, 1);
    expect(Array.from(r.dcr)).toEqual([1, 3]);
    expect(Array.from(r.nndr)).toEqual([1 / 3, 1]);
    expect(r.medianDcr).toBe(2);
  });
});

describe('k-anonymity', () => {
  it('is the smallest class over the quasi-identifiers, missing being a value', () => {
    const table: Table = {
      columns: [
        { name: 'zip', kind: 'categorical' },
        { name: 'age', kind: 'numeric' },
        { name: 'dx', kind: 'categorical' },
      ],
      rows: [
        ['75001', 30, 'a'],
        ['75001', 30, 'b'],
        ['75001', 30, 'c'],
        ['75002', 40, 'a'],
        ['75002', 40, 'b'],
        [null, 40, 'b'],
      ],
    };
    const r = kAnonymity(table, ['zip', 'age'], 3);
    expect(r.k).toBe(1);
    expect(r.classes).toBe(3);
    expect(r.shareBelowThreshold).toBeCloseTo(3 / 6, 12);
    expect(kAnonymity(table, ['age']).k).toBe(3);
  });
});
