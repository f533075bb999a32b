import { describe, expect, it } from 'vitest';
import { isDictionaryWord } from '../../src/anonymize/text/bloom.js';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Label, Span } from '../../src/anonymize/text/types.js';

function modelSpan(text: string, part: string, label: Label, score = 0.95): [Span, ReturnType<typeof makeDoc>] {
  const start = text.indexOf(part);
  return [{ start, end: start + part.length, label, score, priority: 40, source: 'ner' }, makeDoc(text, 'auto')];
}

describe('spans the model alone proposes must look like what they claim', () => {
  it('knows ordinary English and French words, not names', () => {
    for (const w of ['office', 'sincerely', 'stable', 'echographie', 'informee']) expect(isDictionaryWord(w)).toBe(true);
    for (const w of ['kerbrat', 'okafor', 'vandamme']) expect(isDictionaryWord(w)).toBe(false);
  });

  it('drops a "person" made of ordinary words, keeps real names', () => {
    expect(plausibleModelSpan(...modelSpan('Please call the office today.', 'office', 'PERSON'))).toBe(false);
    expect(plausibleModelSpan(...modelSpan('Sincerely,\nJohn', 'Sincerely', 'PERSON'))).toBe(false);
    expect(plausibleModelSpan(...modelSpan('Vu avec Mme Kerbrat ce jour.', 'Kerbrat', 'PERSON'))).toBe(true);
    expect(plausibleModelSpan(...modelSpan('transmission: sandrine a appelé', 'sandrine', 'PERSON'))).toBe(true);
  });

  it('drops unsure spans, headings and addresses without a number or street word', () => {
    expect(plausibleModelSpan(...modelSpan('Vu avec Mme Kerbrat ce jour.', 'Kerbrat', 'PERSON', 0.3))).toBe(false);
    expect(plausibleModelSpan(...modelSpan('MAMMOGRAPHIE BILATERALE DU SEIN\nRAS', 'MAMMOGRAPHIE BILATERALE', 'PERSON'))).toBe(false);
    expect(plausibleModelSpan(...modelSpan('vit au bord de la mer', 'bord', 'ADDRESS'))).toBe(false);
    expect(plausibleModelSpan(...modelSpan('vit au 12 rue des Lilas', '12 rue des Lilas', 'ADDRESS'))).toBe(true);
  });
});
