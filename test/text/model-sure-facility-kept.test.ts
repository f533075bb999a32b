import { describe, expect, it } from 'vitest';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Span } from '../../src/anonymize/text/types.js';

function kept(text: string, value: string, score: number): boolean {
  const start = text.indexOf(value);
  const span: Span = { start, end: start + value.length, label: 'HOSPITAL', score, priority: 40, source: 'ner' };
  return plausibleModelSpan(span, makeDoc(text, 'fr'));
}

// Regression (miss class "employers and providers the model was sure of, dropped by the filter", every-span on
// the read sets): a facility the model gives 0.97 or more, with a word no dictionary holds, is kept; the filter's
// doubts still apply below that score and to an acronym alone.
describe('facilities the model is sure of', () => {
  it('keeps a sure facility with a proper word', () => {
    expect(kept('pere murat chauffeur chez transports heppner depuis 2019', 'transports heppner', 0.99)).toBe(true);
    expect(kept('la patiente travaille chez arcelormittal florange comme operatrice', 'arcelormittal florange', 0.98)).toBe(true);
  });

  it('still judges an unsure one, and an acronym alone', () => {
    expect(kept('pere murat chauffeur chez transports heppner depuis 2019', 'transports heppner', 0.9)).toBe(false);
    expect(kept('Rappel : patiente vue pour VBAC ce jour', 'VBAC', 0.99)).toBe(false);
  });
});
