import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { dropHardNegatives, propagateNames } from '../../src/anonymize/text/merge.js';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { PRIORITY, type Span } from '../../src/anonymize/text/types.js';

function modelSpan(text: string, phrase: string, label: Span['label'] = 'PERSON'): Span {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, label, score: 0.95, priority: PRIORITY.model, source: 'ner' };
}

// Regression (holdout50, read): the model's "Johnson" of "Stevens-Johnson", and genera it took for names
// ("Prevotella", "Eikenella"), were kept as persons.
describe('model names that are half an eponym or a microbe', () => {
  it('drops one name of a hyphenated eponym of two', () => {
    const text = '(signe de Nikolsky positif) → syndrome de Stevens-Johnson.';
    expect(dropHardNegatives([modelSpan(text, 'Johnson')], makeDoc(text, 'fr'))).toEqual([]);
    const kept = 'Patient: Mary-Ann Johnson, 54';
    expect(dropHardNegatives([modelSpan(kept, 'Johnson')], makeDoc(kept, 'en'))).toHaveLength(1);
  });

  it('drops a genus alone', () => {
    const text = 'frontal D, 41 mm | S. intermedius + Prevotella | aspiration';
    expect(plausibleModelSpan(modelSpan(text, 'Prevotella'), makeDoc(text, 'fr'))).toBe(false);
  });
});

// Regression (holdout50, read): "Baby" of a newborn's record ("Baby of Oyetunde Funmilayo") spread to every "baby".
describe('a newborn word in a name span', () => {
  it('is not spread', () => {
    const text = 'Baby Oyetunde Ayomide. Mother O positive, baby B positive. Oyetunde feeds well.';
    const spread = propagateNames([modelSpan(text, 'Baby Oyetunde Ayomide')], makeDoc(text, 'en'))
      .filter((s) => s.source === 'person-propagated')
      .map((s) => text.slice(s.start, s.end));
    expect(spread).not.toContain('baby');
    expect(spread).toContain('Oyetunde');
  });
});

// Regression (holdout50, read): a CSV row whose "outcome" cell said "home" was read as a header with a "home" town
// column, and the next row's cell in that column ("home", "inpatient, Swilly Ward") became a town.
describe('a row of values under a CSV header', () => {
  it('is never a header in turn', async () => {
    const text = '"case_id","surname","town","outcome"\n"DTR-26-0318","GALLINAGH","Ballyliffin","home"\n"DTR-26-0319","TOLAND","Fahan","home"';
    const { spans } = await detect(text, { lang: 'en' });
    const cities = spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
    expect(cities).toEqual(['Ballyliffin', 'Fahan']);
  });
});
