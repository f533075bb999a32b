import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PHONE').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (miss class "dictated identifiers with letters, hyphens or a second reading", holdout43): a letter
// spelled with a word, numerals read again, a code's letter groups joined by hyphens, "registration" and
// "reference" as the identifier's word, a number read again after one any recognizer found.
describe('dictated identifiers spelled with letters and read again', () => {
  it('reads letters spelled with a word and numerals read again', async () => {
    expect(await found('Chart number T as in Tango, five one, three three eight, zero two. Seen today.', 'en')).toEqual(['ID:T as in Tango, five one, three three eight, zero two']);
    expect(await found('Voter card number C W six one one eight two seven, I repeat, C W 6 1 1 8 2 7. Plan', 'en')).toEqual([
      'ID:C W six one one eight two seven',
      'ID:C W 6 1 1 8 2 7',
    ]);
  });

  it('reads a registration or a reference spelled with dashes, and a tax number by its acronym', async () => {
    expect(await found('Clinic registration K R H, three one, zero four four two. From', 'en')).toEqual(['ID:K R H, three one, zero four four two']);
    expect(await found('The scan, reference S J H dash C T dash two six dash zero nine one seven, shows', 'en')).toEqual(['ID:S J H dash C T dash two six dash zero nine one seven']);
    expect(await found('Born in Kingston, TRN two two four, five zero one, nine three eight. Address', 'en')).toEqual(['ID:two two four, five zero one, nine three eight']);
  });

  it('reads French codes with hyphens and their corrections', async () => {
    expect(await found('Numéro de dossier K-vingt-six-trois cent douze, je redis, K tiret deux six tiret trois un deux. Adressée', 'fr')).toEqual([
      'ID:K-vingt-six-trois cent douze',
      'ID:K tiret deux six tiret trois un deux',
    ]);
    expect(await found('registre RHD, référence RHD-MGA-zéro zéro quarante-trois, pardon, je corrige, RHD-MGA-zéro zéro trente-quatre. Fin', 'fr')).toEqual([
      'ID:RHD-MGA-zéro zéro quarante-trois',
      'ID:RHD-MGA-zéro zéro trente-quatre',
    ]);
    expect(await found('Dossier hospitalier C H R deux six tiret zéro neuf un un. Domicile', 'fr')).toEqual(['ID:C H R deux six tiret zéro neuf un un']);
  });

  it('gives a second reading the label of the number it repeats, whoever found the first', async () => {
    expect(await found('Numéro de sécurité sociale 1 71 04 33 063 211 52, je répète, un soixante et onze zéro quatre trente-trois zéro soixante-trois, clé', 'fr')).toEqual([
      'ID:1 71 04 33 063 211 52',
      'ID:un soixante et onze zéro quatre trente-trois zéro soixante-trois',
    ]);
    expect(await found('Rappeler au 06 71 22 48 90, pardon, 06 71 22 48 91.', 'fr')).toEqual(['PHONE:06 71 22 48 90', 'PHONE:06 71 22 48 91']);
  });

  it('keeps a scheme named after "numéro" out of the number', async () => {
    expect(await found('point numero amo un deux trois quatre zero sept sept six cinq un point', 'fr')).toEqual(['ID:un deux trois quatre zero sept sept six cinq un']);
  });
});
