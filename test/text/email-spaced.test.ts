import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression: an address typed with spaces around the @ was left as a bare domain (URL) and its
// local part, which often carries the person's name, was not found.
describe('emails with spaces around the @', () => {
  it('finds the whole address as one EMAIL', async () => {
    const text = 'Contact : CHATAGN57 @ CHU-MONTPELLIER.FR pour le suivi';
    const { spans } = await detect(text, { lang: 'fr' });
    expect(spans.map((s) => [s.label, text.slice(s.start, s.end)])).toContainEqual(['EMAIL', 'CHATAGN57 @ CHU-MONTPELLIER.FR']);
  });

  it('does not join words around an @ that is not an address', async () => {
    const text = 'Rendez-vous @ 14h avec le service';
    const { spans } = await detect(text, { lang: 'fr' });
    expect(spans.filter((s) => s.label === 'EMAIL')).toEqual([]);
  });
});
