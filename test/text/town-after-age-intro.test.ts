import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const cities = async (text: string) =>
  (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));

// Villages no gazetteer knows, given in lowercase notes right after a patient's age, were left in clear.
describe('the town after an age intro in a lowercase note', () => {
  it('reads the town after "de", "du", "from" or "lives"', async () => {
    expect(await cities('ch 209 mme pelestor aline 58 ans, de seyne : j2 adhesiolyse coelio, reprise transit ce matin')).toContain('seyne');
    expect(await cities('ch 212 nouvel entrant m. caussemille benoit 44 ans du lauzet-ubaye, adresse par smur')).toContain('lauzet-ubaye');
    expect(await cities('- lachlan murchison, 27, lives ensay. mates brought him in, collapsed at the end of a walk')).toContain('ensay');
    expect(await cities('- new admission fri: mrs pleasance joan (91) from omakau, respite care')).toContain('omakau');
  });

  it('reads a commune whose name is also a word when the commune list knows it', async () => {
    expect(await cities('22h10 box 1 - m. tourres gaston, 80 ans, de vars, chute a domicile. bien, pas de deficit')).toContain('vars');
  });

  it("leaves care's words, a facility's town and a number that is no age alone", async () => {
    expect(await cities('mme gindre odette, 96 ans – avc cerebelleux, pas de thrombolyse. vomit x2')).toEqual([]);
    expect(await cities('mme perrin odile 96a (ehpad les restanques de cassis) – biopsie gastrique')).not.toContain('cassis');
    expect(await cities('Apgar estimé 9, peau à peau, clampage du cordon, délivrance complète')).toEqual([]);
  });
});
