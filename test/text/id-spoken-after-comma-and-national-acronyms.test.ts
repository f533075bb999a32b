import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout52 miss class): a dictation puts a comma between a scheme's name and the number it reads
// ("Aadhaar number, four two …", "numéro national d'identification, quatre, …"), and names Pakistan's CNIC, Tanzania's
// NIDA or an NPI on their own. The number was read as a phone (or not at all), and so was its reading again in digits.
describe('a dictated identifier after a comma, or after a national scheme named by its acronym', () => {
  it('is an identifier, and so is the same number read again', async () => {
    const cnic = await labelled("Mother's CNIC, four two one zero one, dash, six six three eight two one nine, dash, four, I repeat, 42101-6638219-4. Address follows.");
    expect(cnic).toEqual(expect.arrayContaining(['ID:four two one zero one, dash, six six three eight two one nine, dash, four', 'ID:42101-6638219-4']));
    expect(cnic.filter((s) => s.startsWith('PHONE:'))).toEqual([]);
    const aadhaar = await labelled('Aadhaar number, five one three eight, two two zero four, nine seven one six, I repeat, 5138 2204 9716. Mobile, nine eight.');
    expect(aadhaar).toEqual(expect.arrayContaining(['ID:five one three eight, two two zero four, nine seven one six', 'ID:5138 2204 9716']));
    expect(await labelled('Her national identity number, NIDA, one nine nine one zero three two two, four four one zero two, zero zero zero one seven, one one.')).toContain(
      'ID:one nine nine one zero three two two, four four one zero two, zero zero zero one seven, one one',
    );
    const fr = await labelled("Numéro national d'identification, six, deux, neuf, un, zéro, quatre, quatre, trois, huit, sept, je répète, 6291044387. Domicile au village.");
    expect(fr).toEqual(expect.arrayContaining(['ID:six, deux, neuf, un, zéro, quatre, quatre, trois, huit, sept', 'ID:6291044387']));
    expect(await labelled('Son identifiant, le NPI, deux zéro sept un, quatre quatre six, neuf un trois, soit 2071446913.')).toEqual(
      expect.arrayContaining(['ID:deux zéro sept un, quatre quatre six, neuf un trois', 'ID:2071446913']),
    );
  });

  it('leaves a phone announced with a comma a phone', async () => {
    expect(await labelled('Phone number, zero seven one two, three four five, six seven eight.')).toContain('PHONE:zero seven one two, three four five, six seven eight');
  });
});
