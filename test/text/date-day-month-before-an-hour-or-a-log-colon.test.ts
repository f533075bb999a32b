import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout49, read): a day and month without a leading zero, whose day is smaller than its month
// ("2/11", "3/11"), was refused as a possible fraction unless minutes followed; a nurse's log writes its entries
// "2/11 20h : …" and "6/11 : …", and a booking "rdv doppler 2/12 9h". All the read sets mark such a day (49 of 49).
describe('a day and month before an hour or a log entry colon', () => {
  it('is a date before an hour written without minutes', async () => {
    expect(await dates('note\n2/11 20h : entree par les urg.\n3/11 7h : labo : pnn 2300')).toEqual(['2/11', '3/11']);
    expect(await dates('bon de transport vsl. rdv doppler 2/12 9h.')).toEqual(['2/12']);
  });

  it("is a date at a line's start before the entry's colon", async () => {
    expect(await dates('bilan\n6/11 : kine ok, marche couloir.\n9/11 : sortie avec norfloxacine')).toEqual(['6/11', '9/11']);
  });

  it('stays a fraction otherwise', async () => {
    expect(await dates('Prendre 1/2 cp le soir, 3/4 de la dose.')).toEqual([]);
    expect(await dates('Score 3/5 : amélioration.')).toEqual([]);
  });
});
