import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { propagateNames } from '../../src/anonymize/text/merge.js';
import { PRIORITY, type Span } from '../../src/anonymize/text/types.js';

// Regression (holdout49, read): a span that took in a thread line's weekday ("Brookson⏎lun", by the model) spread
// "lun" as a person to every "lun. 23/11 07:52 :" opening the thread's lines, nine false names beside the dates.
describe('a name spread through a document', () => {
  const text = 'Mme Brookson\nlun. 23/11 07:52 : Bonjour.\nlun. 23/11 08:03 : oui.\nIl a vu lun hier.';
  const start = text.indexOf('Brookson');
  const taken: Span = { start, end: text.indexOf('.', start), label: 'PERSON', score: 0.9, priority: PRIORITY.model, source: 'ner' };
  const spread = propagateNames([taken], makeDoc(text, 'fr')).filter((s) => s.source === 'person-propagated').map((s) => text.slice(s.start, s.end));

  it('is not spread to a weekday abbreviation before a day number', () => {
    expect(spread.filter((w) => w === 'lun')).toHaveLength(1);
  });

  it('is still spread elsewhere', () => {
    expect(spread).toContain('Brookson');
  });
});
