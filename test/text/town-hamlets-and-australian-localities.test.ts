import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, label: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout50, read; +64 towns across the read sets): hamlets of 500 to 999 people and Australia's small
// localities ("northcliffe", "meandarra", "fish creek", "Garmouth") were on no list, so a lowercase note's "home visit at
// northcliffe" or "from meandarra" left the town in clear.
describe('hamlets and Australian localities', () => {
  it('are towns where the context says a town comes', async () => {
    expect(await found('wed 18/11 1100: home visit at northcliffe. off phototherapy since tues.', 'CITY')).toEqual(['northcliffe']);
    expect(await found('felt sharp pain after footy training at fish creek, then', 'CITY')).toEqual(['fish creek']);
    expect(await found('mum asking re plane to coolgardie for the wedding.', 'CITY')).toEqual(['coolgardie']);
  });

  it('not a Latin phrase, a language, a name opened by an article or a first name that GeoNames also calls a hamlet', async () => {
    expect(await found('Lobular carcinoma in situ present.', 'CITY')).toEqual([]);
    expect(await found('He prefers his appointments in Spanish.', 'CITY')).toEqual([]);
    expect(await found('wife asked about respite at the pines at st. johnsbury.', 'CITY')).not.toContain('the pines');
    expect(await found('a Polish interpreter (Ewa). Findings: delay.', 'CITY')).toEqual([]);
  });
});

// Regression (holdout50, read): a town in lower case before its postcode in brackets ("domicile pontaumur (63380)",
// "from meeniyan (3956)") was read only in capitals, and an Australian postcode there not at all.
describe('a town and its own postcode in brackets', () => {
  it('a French commune in lower case and an Australian locality with four digits', async () => {
    expect(await found('enfant : valadier nolan, 14 ans, domicile pontaumur (63380), le bourg', 'ZIP', 'fr')).toEqual(['63380']);
    expect(await found('enfant : valadier nolan, 14 ans, domicile pontaumur (63380), le bourg', 'CITY', 'fr')).toEqual(['pontaumur']);
    expect(await found('pt: hocking archie, 19 yo, from meeniyan (3956), 38 tarwin lower rd', 'ZIP')).toEqual(['3956']);
  });

  it('not digits the town does not own, nor a year in brackets', async () => {
    expect(await found('from meeniyan (2024), then home', 'ZIP')).toEqual([]);
    expect(await found('domicile pontaumur (75001), le bourg', 'ZIP', 'fr')).toEqual([]);
  });
});
