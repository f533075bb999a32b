import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PHONE').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "an identity number dictated a few words after its card"): the spoken identifier rule
// needed the scheme's word right before the digits, so "le NNI : un, neuf …" after "Numéro national
// d'identification", or "sa carte d'identité porte le numéro trois, deux …", went out as phones; and a reading again
// after "c'est-à-dire" lost its label, the "c" of "c'est" taken as a spelled letter of the number.
describe('a number dictated a few words after an identity document', () => {
  it('is an identifier, read again too', async () => {
    expect(await labelled("Sa carte d'identité porte le numéro trois, deux, zéro, un, un, zéro, sept, huit, quatre, cinq, donc 3201107845, je le dicte."))
      .toEqual(['ID trois, deux, zéro, un, un, zéro, sept, huit, quatre, cinq', 'ID 3201107845']);
    expect(await labelled("Numéro national d'identification, le NNI : un, neuf, sept, quatre, zéro, un, zéro, un, trois, huit, deux, deux, six."))
      .toEqual(['ID un, neuf, sept, quatre, zéro, un, zéro, un, trois, huit, deux, deux, six']);
    expect(await labelled("the child's card is not yet issued: one, one, three, zero, five, zero, zero, two, four, one, seven, that is 11305002417."))
      .toEqual(['ID one, one, three, zero, five, zero, zero, two, four, one, seven', 'ID 11305002417']);
  });

  it("keeps the whole reading again after c'est-à-dire", async () => {
    const out = await labelled("carte nationale du père, monsieur Diallo : un, zéro, zéro, neuf, huit, cinq, zéro, trois, six, deux, zéro, zéro, quatre, c'est-à-dire 1009850362004.");
    expect(out).toEqual(['ID un, zéro, zéro, neuf, huit, cinq, zéro, trois, six, deux, zéro, zéro, quatre', 'ID 1009850362004']);
  });

  it('stays a phone when a phone word comes between', async () => {
    expect(await labelled("carte vitale vue, son portable : zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit."))
      .toEqual(['PHONE zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit']);
  });
});
