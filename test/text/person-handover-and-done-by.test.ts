import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression: the nurse or technician a note was handed to, or who did a task, stayed in clear when
// written by first name alone and in lower case ("handed over by lauren t to becca", "transmis a erwann").
describe('a first name in a hand-over or task line', () => {
  it('is a person after a hand-over word and "to" / "à", known or no ordinary word', async () => {
    expect(await persons('handed over by Ruth A. (RN) to Sunil (RN) 07:30')).toEqual(['Ruth A.', 'Sunil']);
    expect(await persons('handed over by lauren t to becca 07:30')).toContain('becca');
    expect(await persons('transmis a erwann (techn jour)', 'fr')).toEqual(['erwann']);
  });

  it('is a person after a task word and "by" only when it is a known first name', async () => {
    expect(await persons('2130 hookup done by marisol. impedances ok')).toEqual(['marisol']);
    expect(await persons('Consent done by phone, bloods taken by night staff.')).toEqual([]);
  });

  it('is not a team, an agency, a town or an article', async () => {
    expect(await persons('Handed over to night team at 07:30.')).toEqual([]);
    expect(await persons("Signalement transmis à l'ARS Bretagne.", 'fr')).toEqual([]);
    expect(await persons('Care not required. Handover to Cirencester community team.')).toEqual([]);
    expect(await persons("Items handed to cashier's desk.")).toEqual([]);
  });
});
