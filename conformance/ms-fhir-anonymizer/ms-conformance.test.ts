import { describe, expect, it } from 'vitest';
import { loadCases, runCase } from './runner.js';

// Microsoft's functional test set, their configurations unchanged: every output must equal theirs.
describe('Microsoft FHIR anonymizer conformance', () => {
  const cases = loadCases();

  it('has the 28 reference cases', () => {
    expect(cases).toHaveLength(28);
  });

  it.each(cases.map((c, i) => [i, c.test, c.input, c] as const))('case %i: %s (%s)', async (_i, _test, _input, c) => {
    const { actual, expected } = await runCase(c);
    expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
    expect(actual).toBe(expected);
  });
});
