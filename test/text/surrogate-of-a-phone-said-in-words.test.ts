import { afterAll, describe, expect, it } from 'vitest';
import { createTextDeidentifier } from '../../src/anonymize/text/deidentifier.js';
import { testIdentity } from './helpers.js';

const deid = createTextDeidentifier({ identity: testIdentity(), mode: 'realistic', ner: false });
afterAll(async () => {
  await deid.close();
});
const plain = (patientId?: string) => ({ format: 'plain' as const, patientId, lang: 'fr' as const });

// Regression (found while checking holdout45's spoken phones end to end): a phone number said in words was found but
// its realistic surrogate replaced digits only, so "zéro six, douze, …" came back word for word: a leak.
describe('the surrogate of a phone said in words', () => {
  it('is a written number that keeps none of the words', async () => {
    const said = 'zéro six, douze, quatre-vingt-dix-sept, trente et un, zéro deux';
    const out = (await deid.deidentify(`Madame, joignable au ${said}. Fin.`, plain('p1')))!;
    expect(out).not.toContain('quatre-vingt-dix-sept');
    expect(out).not.toContain('douze');
    expect(out).toMatch(/joignable au 0\d(?: \d\d){4}\. Fin\./);
  });

  it('keeps two numbers said differently two numbers, and one number the same each time', async () => {
    const a = (await deid.deidentify('téléphone quatre-vingt-dix, vingt-huit, quarante-quatre, dix-sept, fin', plain('p1')))!;
    const b = (await deid.deidentify('téléphone soixante-dix, quarante-deux, dix-huit, trente-trois, fin', plain('p1')))!;
    const again = (await deid.deidentify('téléphone quatre-vingt-dix, vingt-huit, quarante-quatre, dix-sept, fin', plain('p1')))!;
    expect(a).toMatch(/téléphone \d\d \d\d \d\d \d\d, fin/);
    expect(a).not.toBe(b);
    expect(again).toBe(a);
  });
});
