import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (holdout29): "Mars" in "rue du Champ-de-Mars" was read as the month after "de", and the street went.
describe('a month inside a hyphenated place name', () => {
  it('is no date, and the street stays whole', async () => {
    const text = 'Domicile : 14 rue du Champ-de-Mars, 38160 Saint-Marcellin';
    const { spans } = await detect(text, { lang: 'fr' });
    expect(spans.map((s) => `${text.slice(s.start, s.end)}:${s.label}`)).toContain('14 rue du Champ-de-Mars:ADDRESS');
    expect(spans.some((s) => s.label === 'DATE')).toBe(false);
  });
});
