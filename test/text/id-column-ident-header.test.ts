import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (holdout51 miss class): a CSV export whose identifier column is headed "ident" left its short codes
// ("PV-01") in clear, though "id" and "identifiant" name such columns already.
describe('an "ident" column', () => {
  it('holds identifiers', async () => {
    const text = 'ident;nom;prenom;naissance;commune;cp\nPV-01;DELATTRE;Gisèle;12/03/1935;Le Crotoy;80550\nPV-02;MACQUET;Raymond;28/07/1941;Ault;80460\n';
    const { spans } = await detect(text, { lang: 'fr' });
    const ids = spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
    expect(ids).toEqual(expect.arrayContaining(['PV-01', 'PV-02']));
  });
});
