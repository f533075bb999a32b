import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class across the read sets' French chats, holdout25..holdout43): a day number alone, its month
// understood from the exchange ("c'est bien le 9 ?", "je peux venir le 17 à 17h30 ?"), went out in clear.
describe('a day number alone in a French message', () => {
  it('is a date when the sentence closes or goes on with the plan', async () => {
    expect(await dates("merci. c'est bien le 9 ? j'ai kiné")).toEqual(['9']);
    expect(await dates('Je peux venir le 17 à 17h30 ?')).toEqual(['17']);
    expect(await dates('On se voit le 8 pour les résultats.')).toEqual(['8']);
    // Regression (holdout41..holdout43): closed by a comma, a semicolon or a bracket too.
    expect(await dates('sabatier luc - annule le 24 (covid). a présenté une angine le 7 ; TROD négatif')).toEqual(['24', '7']);
  });

  it("leaves the SAMU's number, a number dialled and a count", async () => {
    expect(await dates('Si saignement, appeler le 15.')).toEqual([]);
    expect(await dates('En cas de feu appelez le 18.')).toEqual([]);
    expect(await dates("j'avais mis le 4 de l'ancienne carte")).toEqual([]);
  });
});

// Regression (holdout43 miss class): a weekday and its day followed by a comma and the hour ("Lundi 23, 16h") was
// read as a number with decimals.
describe('a weekday and a day before a comma and the hour', () => {
  it('is a date', async () => {
    expect(await dates('Bien sûr! Lundi 23, 16h. Adresse pour le formulaire.')).toEqual(['Lundi 23']);
  });
});
