import { describe, expect, it } from 'vitest';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (false class "a family thread's greetings in another language read as names"): the model took Afrikaans,
// Albanian and Icelandic greetings, thanks and family words ("Baie dankie Tannie", "Faleminderit daja", "Elsku
// pabbi") for people's names; a model span made only of them is dropped, a name beside them is kept.
describe("a family thread's greetings and family words are no name", () => {
  const text = 'Baie dankie Tannie! Lekker slaap. Faleminderit daja! Mjeku tha. Elsku pabbi, Hringdu í Einar.';
  const doc = makeDoc(text, 'en');
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, label: 'PERSON' as const, score: 0.95, priority: 40, source: 'ner' });

  it('drops greetings, thanks and family words proposed as PERSON', () => {
    for (const w of ['Baie dankie Tannie', 'Lekker slaap', 'Faleminderit daja', 'Mjeku tha', 'pabbi']) expect(plausibleModelSpan(span(w), doc)).toBe(false);
  });

  it('keeps the name in the same thread', () => {
    expect(plausibleModelSpan(span('Einar'), doc)).toBe(true);
  });
});
