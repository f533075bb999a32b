import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (holdout47 miss class, an Orkney theatre list): the "island" column was no town column, so its cells went
// out in clear or as persons ("Evie"), and a farm's name before the postcode in the address cell ("Nether Button,
// KW17 2NZ") was taken for the town.
describe('an address column beside an island column', () => {
  const text =
    '| slot | CHI | name | address | island | procedure |\n|---|---|---|---|---|---|\n' +
    '| 3 | 2511014416 | HARCUS, Magnus | Nether Button, KW17 2NZ | Evie | quinsy I&D |\n' +
    '| 4 | 0903621460 | TULLOCH, Sheila | Pierowall, KW17 2DJ | Westray | EUA |';

  it('reads the island as the town and the name before the postcode as the street part', async () => {
    const { spans } = await detect(text, { lang: 'en' });
    const found = spans.map((s) => [s.label, text.slice(s.start, s.end)]);
    expect(found).toContainEqual(['ADDRESS', 'Nether Button']);
    expect(found).toContainEqual(['ADDRESS', 'Pierowall']);
    expect(found).toContainEqual(['ZIP', 'KW17 2NZ']);
    expect(found).toContainEqual(['CITY', 'Evie']);
    expect(found).toContainEqual(['CITY', 'Westray']);
  });

  it('leaves a facility in an address column without a postcode to the facility rules', async () => {
    const csv = 'nom;prenom;adresse;cp;ville\nDUPONT;Odette;EHPAD Saint-Jacques;32130;Samatan';
    const { spans } = await detect(csv, { lang: 'fr' });
    expect(spans.map((s) => [s.label, csv.slice(s.start, s.end)])).toContainEqual(['HOSPITAL', 'EHPAD Saint-Jacques']);
  });
});
