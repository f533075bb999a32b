import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "national register numbers of other countries, and a number
// 'on file'"): Belgian NISS / INSZ, Swiss AHV, Quebec RAMQ numbers were not introduced by any known
// word, and "NHS number on file 943 476 5919" lost its number to the phone shape.
describe('national register numbers and numbers on file', () => {
  it('reads Belgian, Swiss and Quebec register numbers', async () => {
    expect(await ids('Mme Janssens, NISS 71.02.14-388.02, domiciliée à Gand', 'fr')).toContain('71.02.14-388.02');
    expect(await ids('numéro AHV 756.1234.5678.97 transmis', 'fr')).toContain('756.1234.5678.97');
    expect(await ids('carte RAMQ TREM 6402 1518, exp 2027', 'fr')).toEqual(expect.arrayContaining([expect.stringContaining('6402')]));
  });

  it('an identifier "on file" is an identifier, not a phone', async () => {
    const text = 'Your NHS number on file 943 476 5919 has been checked.';
    const { spans } = await detect(text, { lang: 'en' });
    const number = spans.find((s) => text.slice(s.start, s.end).includes('943'));
    expect(number?.label).toBe('ID');
  });
});
