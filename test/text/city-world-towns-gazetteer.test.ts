import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (fifth rule round, CITY recall class "towns no list knew"): UK, Irish, Australian, New
// Zealand, African and Asian towns after a place word were missed because only US/Canadian/Australian
// faker towns, a few hundred UK and world cities and French communes were listed (data/world-towns.json).
const cities = async (text: string) => (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));

describe('a town of the world list after a place word', () => {
  it('is a CITY', async () => {
    expect(await cities('He moved back to Newquay last spring.')).toEqual(['Newquay']);
    expect(await cities('Flew in from Auckland on Monday, jet-lagged.')).toEqual(['Auckland']);
    expect(await cities('Family still in Beirut; phones weekly.')).toEqual(['Beirut']);
  });

  it('does not make a name that is also a town a CITY', async () => {
    expect(await cities('Seen in clinic with her son Corby today.')).toEqual([]);
  });
});

// Same round: "via", "outside" and "depuis" name where someone comes from or passes through.
describe('a town after via, outside or depuis', () => {
  it('is a CITY', async () => {
    expect(await cities('Arrived via Beirut on the 10th.')).toEqual(['Beirut']);
    expect(await cities('Farm just outside Otley, lives alone.')).toEqual(['Otley']);
    const fr = 'Il a appelé depuis Quimperlé ce matin.';
    expect((await detect(fr, { lang: 'fr' })).spans.filter((s) => s.label === 'CITY').map((s) => fr.slice(s.start, s.end))).toEqual(['Quimperlé']);
  });
});
