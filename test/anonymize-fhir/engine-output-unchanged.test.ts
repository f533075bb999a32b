import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_FILE, engineOutputs, SHIPPED_PROFILES, type CaseOutput } from './engine-output-cases.js';

// Optimisations of the rule engine must not change one byte of what it releases: every case of
// engine-output-cases.ts is compared with the outputs the engine gave when they were recorded
// (digest of the whole output, in key and label order; small cases whole, to show the difference).
describe('the FHIR engine output is unchanged', () => {
  const expected = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Record<string, CaseOutput>;
  let actual: Record<string, CaseOutput>;
  beforeAll(async () => {
    actual = await engineOutputs();
  });

  it('records a case for every shipped profile, the Microsoft configuration and required text', () => {
    expect(SHIPPED_PROFILES.length).toBeGreaterThanOrEqual(2);
    for (const name of SHIPPED_PROFILES) expect(Object.keys(expected).some((k) => k.startsWith(`${name}: `))).toBe(true);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))('%s', (key) => {
    const want = expected[key]!;
    const got = actual[key]!;
    expect(got.count).toBe(want.count);
    if (want.outputs !== undefined) expect(JSON.stringify(got.outputs)).toBe(JSON.stringify(want.outputs));
    expect(got.sha256).toBe(want.sha256);
  });
});
