import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

/**
 * Regression guard for the arrow and English-service scans (towns-around-arrow.ts,
 * services-named-by-town-en.ts): a match may start after every hyphen, dot or apostrophe of a word,
 * and an unbounded word there was read to its end from each start, quadratic on one long word (nine
 * seconds for these 120 k characters, and a quarter of an hour for a megabyte). The hint each scan
 * needs (an arrow, a head word) is on the first line, so the scan runs over the whole run.
 */
const RUN = 120_000;
const run = (unit: string) => unit.repeat(Math.ceil(RUN / unit.length)).slice(0, RUN);
const CASES: Record<string, string> = {
  'arrow, hyphens': 'x -> y\n' + run('Ab-'),
  'arrow, dots': 'x -> y\n' + run('A.'),
  'arrow, apostrophes': "x -> y\n" + run("Ab'"),
  'service head, hyphens': 'x Team\n' + run('Ab-'),
  'service head, second word hyphenated': 'x Team\nAb ' + run('Cd-'),
};

describe('one long hyphenated word takes linear time', () => {
  it.each(Object.entries(CASES))('%s', async (_name, text) => {
    const t0 = performance.now();
    await detect(text, { lang: 'auto' });
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
