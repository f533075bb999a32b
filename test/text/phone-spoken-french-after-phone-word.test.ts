import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'PHONE' || s.label === 'ID').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout35, miss class "phone numbers dictated in French without a leading zéro"): West and
// Central African dictations give 8- and 9-digit numbers in pairs, teens and hundreds after "téléphone" or
// "numéro", repeat them after "je répète" and correct them after "pardon"; only "zéro six …" was read.
describe('a phone number dictated in French after a phone word', () => {
  it('is a phone in any number form, and again when said again', async () => {
    expect(await found('domicile kankan telephone de la mere six deux deux quatorze trente cinq zero huit je repete six deux deux quatorze trente cinq zero huit\ncrises depuis mars')).toEqual([
      'PHONE:six deux deux quatorze trente cinq zero huit',
      'PHONE:six deux deux quatorze trente cinq zero huit',
    ]);
    expect(await found('sa tante awa ndiaye numero soixante dix huit cinq cent trois vingt deux quarante et un\nfin de dictee')).toEqual(['PHONE:soixante dix huit cinq cent trois vingt deux quarante et un']);
  });

  it('skips a first attempt corrected after "pardon"', async () => {
    expect(await found('telephone six nonante neuf pardon six quatre-vingt-dix-neuf quarante deux dix-sept trente-trois\nsuite')).toEqual(['PHONE:six quatre-vingt-dix-neuf quarante deux dix-sept trente-trois']);
  });

  it('leaves an identifier announced by a spelled acronym to the identifier rules', async () => {
    expect(await found('assurance I N A M numero quatre cinq sept zero zero deux un\naccident')).toEqual(['ID:quatre cinq sept zero zero deux un']);
  });
});

// Regression (holdout30..37, read): "joignable au", "rappelle au", "par téléphone au", an international number on
// "plus", the person the number reaches named between ("téléphone de la mère madame saida trabelsi …", "phone of
// the uncle …") and English digits inside a French number ("six nine nine, quarante-deux, …") were not read.
describe('a phone dictated in French after "joignable au", on "plus", or for a named person', () => {
  it('is a phone', async () => {
    expect(await found("Son frère Nabil Mejri, joignable au quatre-vingt-dix-huit, trois cent vingt-deux, zéro zéro sept, l'accompagne.")).toEqual(['PHONE:quatre-vingt-dix-huit, trois cent vingt-deux, zéro zéro sept']);
    expect(await found('domiciliee a sokode telephone plus deux deux huit quatre vingt dix quarante six dix sept trente trois numero')).toEqual(['PHONE:plus deux deux huit quatre vingt dix quarante six dix sept trente trois']);
    expect(await found('telephone de la mere madame saida trabelsi vingt deux trois cent quarante et un cinq cent dix huit point')).toEqual(['PHONE:vingt deux trois cent quarante et un cinq cent dix huit']);
    expect(await found('Bertoua. Phone six nine nine, quarante-deux, dix-huit, trente-trois — sorry')).toEqual(['PHONE:six nine nine, quarante-deux, dix-huit, trente-trois']);
  });
});
