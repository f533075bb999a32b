import { describe, expect, it } from 'vitest';
import { propagateNames } from '../../src/anonymize/text/merge.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Span } from '../../src/anonymize/text/types.js';

function spread(text: string, seed: string): string[] {
  const doc = makeDoc(text, 'en');
  const at = text.indexOf(seed);
  const spans: Span[] = [{ start: at, end: at + seed.length, label: 'PERSON', score: 0.9, priority: 60, source: 'test' }];
  return propagateNames(spans, doc)
    .filter((s) => s.source === 'person-propagated')
    .map((s) => text.slice(s.start, s.end));
}

// Regression (13 false persons over the read sets): a misread span holding an acronym ("visiting ENT", "ICU liaison")
// spread it as a name to every mention of the specialty, the unit or the state ("NSW", "MRN").
describe('name propagation and a short word in capitals', () => {
  it('does not spread an acronym no name list knows', () => {
    expect(spread('Theatre list – ENT – The Balfour.\nvisiting ENT Dr Laird. ENT clinic full.', 'visiting ENT')).toEqual([]);
  });

  it('spreads it beside a given name, as a surname in capitals', () => {
    const text = 'Enfant concerné : TRAN Minh-Anh, né le 04/02/2021.\nTRAN vu ce jour.';
    expect(spread(text, 'TRAN Minh-Anh')).toContain('TRAN');
  });
});
