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

  it('reads a commune whose name holds a word when the commune list knows it', async () => {
    expect(await cities('box 4 - mme gondre anais, 29 ans, enceinte 34 sa, de saint-crepin. paralysie faciale droite')).toContain('saint-crepin');
  });

  it("reads a relative's town in brackets, between commas or after from, at", async () => {
    expect(await cities('fils raymond (serverette) prevenu a 8h\n')).toContain('serverette');
    expect(await cities('sa niece mme cocquerel (le crotoy, 03 22 27 84 16) suit\n')).toContain('le crotoy');
    expect(await cities('- brother duncan harcourt from patearoa visited, calmed him\n')).toContain('patearoa');
    expect(await cities('- daughter lorraine at naseby told, 03 444 9127\n')).toContain('naseby');
  });

  it('leaves French "son", a listed commune that is an ordinary word, and a language alone', async () => {
    expect(await cities("Son adresse a changé : route du Levant 41, 1920 Martigny.")).not.toContain('changé');
    expect(await cities("chute dans l'escalier du pont supérieur, 34 ans, du pont, plaie arcade")).toEqual([]);
    expect(await cities('son adil interpreter (urdu) – he prefers to come in the evenings\n')).toEqual([]);
  });

  it("leaves care's words, a facility's town and a number that is no age alone", async () => {
    expect(await cities('mme gindre odette, 96 ans – avc cerebelleux, pas de thrombolyse. vomit x2')).toEqual([]);
    expect(await cities('mme perrin odile 96a (ehpad les restanques de cassis) – biopsie gastrique')).not.toContain('cassis');
    expect(await cities('Apgar estimé 9, peau à peau, clampage du cordon, délivrance complète')).toEqual([]);
  });
});
