import { describe, expect, it } from 'vitest';
import { generateAvatars } from '../../src/anonymize/embedding/avatars.js';
import { seededRandom } from '../../src/anonymize/embedding/random.js';
import { buildAvatarReport } from '../../src/anonymize/embedding/report/build.js';
import { renderReportHtml } from '../../src/anonymize/embedding/report/html.js';
import type { Table } from '../../src/anonymize/embedding/table.js';

/**
 * Regression: the report's numeric marginals (served to admins by `GET /admin/cohorts/{policy}`
 * and in the HTML report) named exact values held by single patients: a column with at most 20
 * distinct values had one bar per value (the one patient with 11 children was a bar labelled 11),
 * and a wider column had 20 equal bins from the exact minimum (first label: the lightest patient's
 * weight) to the exact maximum (the last edge plus one width), each bar with its own tiny count.
 * Aggregates served to admins must not single out: every bar shown holds at least
 * max(5, avatar k) original records, edges are round numbers, the tails are open-ended, and no
 * extreme value is written.
 */
const K = 10;
const ROWS = 120;
const LIGHTEST = 21.37; // kg: the one outlier of the weight column, its minimum
const OLDEST = 104; // the one outlier of the age column, its maximum
const MOST_CHILDREN = 11; // the one outlier of a column with few distinct values

function cohort(): Table {
  const random = seededRandom(7);
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const weight = i === 0 ? LIGHTEST : Math.round((58 + random.next() * 35) * 100) / 100;
    const age = i === 1 ? OLDEST : 25 + Math.floor(random.next() * 55);
    const children = i === 2 ? MOST_CHILDREN : Math.floor(random.next() * 4);
    const sex = random.next() < 0.5 ? 'F' : 'M';
    // A few missing weights: a count below K must not be readable either.
    return [i >= 3 && i < 6 ? null : weight, age, children, sex];
  });
  return {
    columns: [
      { name: 'weight', kind: 'numeric' },
      { name: 'age', kind: 'numeric' },
      { name: 'children', kind: 'numeric' },
      { name: 'sex', kind: 'categorical' },
    ],
    rows,
  };
}

describe('numeric marginals of the report do not single out', () => {
  const original = cohort();
  const { avatars } = generateAvatars(original, { k: K, ncp: 3, seed: 11 });
  const report = buildAvatarReport({ original, avatars, parameters: { k: K, ncp: 3 }, seed: 3, nAttacks: 40 });

  it.each(['weight', 'age', 'children'])('%s: every bar shown holds at least k original records, and the bars add up to 1', (name) => {
    const dist = report.utility.marginals[name]!;
    for (const share of dist.original) expect(Math.round(share * ROWS)).toBeGreaterThanOrEqual(K);
    expect(dist.original.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(dist.avatar.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('no label writes an extreme value held by fewer than k records, and the outliers fall in open-ended tails', () => {
    const numbersIn = (labels: string[]) => labels.flatMap((l) => [...l.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0])));
    ['weight', 'age', 'children'].forEach((name, column) => {
      const values = original.rows.map((r) => r[column] as number | null).filter((v): v is number => v !== null);
      const rare = [Math.min(...values), Math.max(...values)].filter((x) => values.filter((v) => v === x).length < K);
      expect(rare.length).toBeGreaterThan(0);
      for (const n of numbersIn(report.utility.marginals[name]!.labels)) expect(rare).not.toContain(n);
    });
    const { weight, age, children } = report.utility.marginals;
    expect(weight!.labels[0]).toMatch(/^< \d+ or missing$/); // three missing weights: fewer than k, not a bar of their own
    expect(age!.labels.at(-1)).toMatch(/^≥ /);
    expect(children!.labels.at(-1)).toMatch(/^≥ /);
  });

  it('the served JSON and the HTML report never write the outliers\' values', () => {
    const json = JSON.stringify(report.utility.marginals);
    const html = renderReportHtml(report);
    const htmlText = [...html.matchAll(/>([^<]+)</g)].map((m) => m[1]).join('\n');
    for (const value of [String(LIGHTEST), String(OLDEST)]) {
      expect(json).not.toContain(value);
      expect(htmlText).not.toContain(value);
    }
    expect(report.utility.marginals.children!.labels).not.toContain(String(MOST_CHILDREN));
  });
});
