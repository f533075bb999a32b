import { describe, expect, it } from 'vitest';
import { suppressRareLevels } from '../../src/anonymize/embedding/report/build.js';

/** Regression: the report named every categorical level of the original data, rare ones included. */
describe('report marginals', () => {
  it('merge levels held by fewer than minCount original records, keeping the totals', () => {
    const rows = 100;
    const dist = { labels: ['A', 'Dupont Jeanne', 'B', 'missing'], original: [0.5, 0.01, 0.47, 0.02], avatar: [0.52, 0, 0.46, 0.02] };
    const out = suppressRareLevels(dist, rows, 5);
    expect(out.labels).toEqual(['A', 'B', 'missing', '(rare levels)']);
    expect(out.original.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(out.avatar.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(JSON.stringify(out)).not.toContain('Dupont');
    expect(suppressRareLevels({ labels: ['A'], original: [1], avatar: [1] }, rows, 5).labels).toEqual(['A']);
  });
});
