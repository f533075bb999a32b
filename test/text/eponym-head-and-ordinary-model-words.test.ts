import { describe, expect, it } from 'vitest';
import { dropHardNegatives } from '../../src/anonymize/text/merge.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { PRIORITY, type Label, type Span } from '../../src/anonymize/text/types.js';

function span(text: string, word: string, label: Label, priority: number = PRIORITY.model): Span {
  const start = text.indexOf(word);
  return { start, end: start + word.length, label, score: 0.9, priority, source: 'ner' };
}

// Regression (held-out false-positive classes): a surname-like eponym followed by its head noun in
// English order ("Allen test", "Lynch syndrome") and a single ordinary word the model took for a
// name or a place ("Consultation", "clinique") were masked. A title still announces a person.
describe('eponyms before their head noun, and ordinary words from the model', () => {
  it('drops a weak name before test / syndrome / sign, but not a titled one', () => {
    const text = 'Phalen sign positive, Hunter syndrome excluded, seen by Dr Hunter today.';
    const doc = makeDoc(text, 'en');
    const titled: Span = { start: text.lastIndexOf('Hunter'), end: text.lastIndexOf('Hunter') + 6, label: 'PERSON', score: 0.95, priority: PRIORITY.context + 5, source: 'person-title' };
    const kept = dropHardNegatives([span(text, 'Phalen', 'PERSON'), span(text, 'Hunter', 'PERSON', PRIORITY.gazetteer), titled], doc);
    expect(kept).toEqual([titled]);
  });

  it("drops one ordinary word the model proposed, keeps a known name or commune", () => {
    const text = 'Consultation de suivi. Marche jusqu’à la clinique avec Martin, retour à Vannes.';
    const doc = makeDoc(text, 'fr');
    const kept = dropHardNegatives([span(text, 'Consultation', 'CITY'), span(text, 'clinique', 'HOSPITAL'), span(text, 'Martin', 'PERSON'), span(text, 'Vannes', 'CITY')], doc);
    expect(kept.map((s) => text.slice(s.start, s.end))).toEqual(['Martin', 'Vannes']);
  });

  it('does not let a street word take a practice named after its street', async () => {
    const text = 'GP: Mill Lane Surgery, 01632 960123';
    const { spans } = await detect(text, { lang: 'en' });
    expect(spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end))).toEqual(['Mill Lane Surgery']);
  });
});
