import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) =>
  (await detect(text, { lang: 'fr' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// A physiotherapy export lists who saw each patient under "kine": the initials there were left in clear.
describe('a "kine" or "physio" column', () => {
  it('holds people, initials too', async () => {
    const text =
      'patient;naissance;commune;cp;seance;hb;kine;remarque\n' +
      'PETITGENET Gaëlle;14/02/1978;La Bresse;88250;03/11/2026;IV;jdd;bilan initial, Bell J9\n' +
      'VALDENAIRE Roger;21/09/1951;Cornimont;88310;05/11/2026;V;mh;post-parotidectomie\n';
    const found = await persons(text);
    expect(found).toContain('jdd');
    expect(found).toContain('mh');
  });
});
