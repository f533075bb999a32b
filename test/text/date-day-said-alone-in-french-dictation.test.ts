import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout44 miss class, French dictation): a day said in words with its month understood ("débridement
// le vingt-trois au soir puis reprise le vingt-cinq, virgule") went out in clear.
describe('a day said alone in French dictation', () => {
  it('is a date after le/du/au, closed by a stop or a word that goes on', async () => {
    expect(await dates('Débridement large au bloc le vingt-trois au soir puis reprise le vingt-cinq, virgule, par le chirurgien.')).toEqual(['vingt-trois', 'vingt-cinq']);
    expect(await dates('Il consulte le vingt-trois pour une grosse jambe gauche.')).toEqual(['vingt-trois']);
  });

  it('leaves numbers dialled or said in pairs, and the small ranks', async () => {
    expect(await dates('En cas de malaise appelez le dix-huit.')).toEqual([]);
    expect(await dates('Rappeler au vingt-deux trente-trois quarante.')).toEqual([]);
    expect(await dates('Le premier cas, puis le trois.')).toEqual([]);
  });
});
