import { describe, expect, it } from 'vitest';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Span } from '../../src/anonymize/text/types.js';

function plausiblePerson(text: string, part: string): boolean {
  const start = text.indexOf(part);
  const span: Span = { start, end: start + part.length, label: 'PERSON', score: 0.99, priority: 40, source: 'ner' };
  return plausibleModelSpan(span, makeDoc(text, 'auto'));
}

// Regression (review leftover): "no" was a form noun wherever it ended a model PERSON span, so a
// person whose surname is No (a Korean surname) was dropped — a leak. It names a number only as an
// abbreviation followed by a dot, a colon or a degree sign.
describe('a model name ending in "No"', () => {
  it('is kept when No is a surname', () => {
    expect(plausiblePerson('Seen today with Jiwoo No and her brother.', 'Jiwoo No')).toBe(true);
  });

  it('is dropped when No. / No: abbreviates a number', () => {
    expect(plausiblePerson('Quote the Pension No. 55 on the form.', 'Pension No')).toBe(false);
    expect(plausiblePerson('Hospital No: 4471 on file.', 'Hospital No')).toBe(false);
  });
});
