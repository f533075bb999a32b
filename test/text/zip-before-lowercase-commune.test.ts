import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (holdout44 miss class, a lowercase home-nursing note): a postal code before a commune written in lower case
// under another code than the gazetteer's ("lieu-dit la chaume du bois, 58120 arleuf") went out in clear.
describe('a postal code before a lowercase commune', () => {
  it('is a ZIP and the commune a CITY', async () => {
    const text = 'patiente 92 ans, lieu-dit la chaume du bois, 58120 arleuf. mt : dr letellier';
    const { spans } = await detect(text, { lang: 'fr' });
    const found = spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
    expect(found).toContain('ZIP:58120');
    expect(found).toContain('CITY:arleuf');
  });

  it('leaves a count before an ordinary word', async () => {
    const { spans } = await detect('12345 patients vus cette année.', { lang: 'fr' });
    expect(spans.filter((s) => s.label === 'ZIP' || s.label === 'CITY')).toEqual([]);
  });
});
