import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) => (await detect(text, { lang: 'fr' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// Regression (miss class "a family name of a particle and an ordinary word, in lower case after a title"): "dr le
// pape", "docteur du bois", "dr du toit" were read as a duty like "dr de garde" and went out in clear.
describe('a lowercase surname with a particle after a title', () => {
  it('is a person after "du", "le" or "la"', async () => {
    expect(await persons('appel samu 61 (regulateur dr le pape) : envoi aux urgences.')).toEqual(['le pape']);
    expect(await persons('adressé par le docteur du bois virgule médecin généraliste')).toEqual(['du bois']);
  });

  it('is no person for a duty, an office, or after "pr" (pour)', async () => {
    expect(await persons('vu par le dr de garde puis par le dr du jour. m. le maire a appelé.')).toEqual([]);
    expect(await persons('je passe vers 9h pr le pansement de la jambe')).toEqual([]);
  });
});
