import { describe, expect, it } from 'vitest';
import { propagateNames } from '../../src/anonymize/text/merge.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Span } from '../../src/anonymize/text/types.js';

// A form's row label the model misread as a name was spread to every row: the MEDA fields of an airline's medical
// clearance form (MEDIF), "MEDA" being a first name the lists know.
describe('a word that opens numbered rows', () => {
  const text = ['MEDA 01  Patient name: KELLY / ROISIN', 'MEDA 02  Age: 54', 'MEDA 03  Attending physician: Dr Amal Farouk', 'MEDA 04  Diagnosis: sepsis', 'MEDA 05  Fit to fly: yes'].join('\n');
  const at = text.indexOf('MEDA 03');
  const misread: Span = { start: at, end: at + 4, label: 'PERSON', score: 0.9, priority: 10, source: 'ner' };

  it('is not spread', () => {
    const out = propagateNames([misread], makeDoc(text, 'en'));
    expect(out.filter((s) => s.source.startsWith('person-propagated'))).toEqual([]);
  });

  it('while a name in the rows still is', () => {
    const name = text.indexOf('Farouk');
    const out = propagateNames([{ start: name, end: name + 6, label: 'PERSON', score: 0.9, priority: 10, source: 'ner' }], makeDoc(`${text}\nCopy to Farouk.`, 'en'));
    const spread = out.filter((s) => s.source === 'person-propagated').map((s) => s.start);
    expect(spread).toContain(text.length + '\nCopy to '.length);
  });
});
