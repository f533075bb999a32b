import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const cities = async (text: string, lang: 'fr' | 'en') =>
  (await detect(text, { lang })).spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));

// A town was left in clear after the words that say where someone lives when a dictionary held its name ("who lives
// in Belleek", "we live in Kingwood") or no list held it ("resident of Kitagata", "du village de Djibasso").
describe('an unlisted town where someone lives', () => {
  it('is read after "lives in", "live in" and "resident of"', async () => {
    const text = 'Her nephew, who lives in Redwood, rang. Mr Odongo, resident of Nakaloke, was seen.';
    const found = await cities(text, 'en');
    for (const town of ['Redwood', 'Nakaloke']) expect(found).toContain(town);
  });

  it('is read after "village de", up to three capitalised words', async () => {
    const found = await cities("L'enfant vient du village de Sabou Koudougou, près du barrage.", 'fr');
    expect(found).toContain('Sabou Koudougou');
  });

  it('leaves a country, an ordinary word after "lives in", a text in capitals and a home', async () => {
    expect(await cities('They live in France. Lives in Fear of falling. LIVES IN BUNGALOW WITH WIFE.', 'en')).toEqual([]);
    expect(await cities("Elle vit à Madagascar depuis l'enfance ; il vit à la maison.", 'fr')).toEqual([]);
  });
});
