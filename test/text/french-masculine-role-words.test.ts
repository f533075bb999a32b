import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, label: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (review of the role lists, 2026-12-03): "pharmacienne?", "technicienne?", "dieteticienne?" read
// "pharmacienn" and an optional "e", so the masculine forms ("pharmacien", "technicien") never matched a role.
describe('French masculine role words', () => {
  it('open an employer and a lowercase name as the feminine ones do', async () => {
    expect(await found('M. Dumas, 41 ans, technicien chez Orano Melox à Chusclan, pour une surdité', 'HOSPITAL')).toContain('Orano Melox');
    expect(await found('contact technicien morgane. reprise 16h.', 'PERSON')).toEqual(['morgane']);
    expect(await found('avis du pharmacien lucas ce matin.', 'PERSON')).toEqual(['lucas']);
  });
});
