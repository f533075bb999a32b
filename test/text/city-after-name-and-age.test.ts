import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout26, read): ward logs and triage books write where the patient is from after the
// name and the age, in lowercase ("kieran o'dwyer, 19, forbes, motorbike"); nothing announced the town.
describe('a town after the name and the age on a log line', () => {
  it('is a town when a list knows the whole field', async () => {
    expect(await cities("bed 2 – kieran o'dwyer, 19, forbes, motorbike, t12 burst fracture")).toEqual(['forbes']);
    expect(await cities('08h40 - mme hervieu nathalie, 58 ans, domfront. rideau noir oeil g', 'fr')).toEqual(['domfront']);
  });

  it('not an ordinary word, a diagnosis, or a town word inside a longer field', async () => {
    expect(await cities('pt jones, 67, male, chest pain')).toEqual([]);
    expect(await cities('Bay 2: Ms Ailsa Robertson, 12, Highland dancer, ankle inversion')).toEqual([]);
    expect(await cities('11h00 sarrazin théo, 24 ans, SpA, secukinumab', 'fr')).toEqual([]);
  });
});
