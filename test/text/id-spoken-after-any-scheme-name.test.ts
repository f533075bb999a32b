import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PHONE').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (miss class "dictated identifiers of schemes no list names", holdout30..34): a digit run after
// "<scheme> number" or "numéro <scheme>" ("nida number", "claim number", "numero cnamgs", "numero amo") went
// out as a phone; any word but a phone's, a room's or a possessive names an identifier there. The same
// number read again after "pardon" / "sorry" is the identifier again.
describe('a dictated number after the name of any identifier scheme', () => {
  it('is an identifier, in English and in French', async () => {
    expect(await found('aged forty full stop kra number one nine seven zero two two one four dash zero three full stop', 'en')).toEqual(['ID:one nine seven zero two two one four dash zero three']);
    expect(await found('compensation claim number c f four four one nine two two eight full stop', 'en')).toEqual(['ID:c f four four one nine two two eight']);
    expect(await found('virgule numero cnss zero deux quatre sept sept trois neuf zero cinq point', 'fr')).toEqual(['ID:zero deux quatre sept sept trois neuf zero cinq']);
    expect(await found('numero de carte nationale d identite un deux deux quatre sept zero huit trois six point', 'fr')).toEqual(['ID:un deux deux quatre sept zero huit trois six']);
  });

  // Regression (holdout36): a scheme's name and "id", and "carte nationale numéro".
  it('is an identifier after "<scheme> id" and "carte nationale numéro"', async () => {
    expect(await found('lives alone period tribal id four four one two zero seven three period', 'en')).toEqual(['ID:four four one two zero seven three']);
    expect(await found('carte nationale numero K B un deux zero quatre quatre sept point', 'fr')).toEqual(['ID:K B un deux zero quatre quatre sept']);
  });

  it('is read again after a correction', async () => {
    expect(await found('numero amo un deux trois quatre zero sept sept six cinq un pardon un deux trois quatre zero sept sept six cinq deux point', 'fr')).toEqual([
      'ID:un deux trois quatre zero sept sept six cinq un',
      'ID:un deux trois quatre zero sept sept six cinq deux',
    ]);
  });

  it('leaves a phone, a room or a possessive before "number" to the phone rules', async () => {
    expect(await found('her mobile number is zero seven nine one two three four five six', 'en')).toEqual(['PHONE:zero seven nine one two three four five six']);
    expect(await found('call back number zero four one two five five five zero one nine', 'en')).not.toContainEqual(expect.stringMatching(/^ID:/));
    expect(await found('numero de portable zero six douze trente-quatre cinquante-six soixante-dix-huit', 'fr')).not.toContainEqual(expect.stringMatching(/^ID:/));
  });
});

// Regression (holdout32..37, read): spelled acronyms with no "number" after them ("m r n four four seven …",
// "i d three one one …", "n h i f card …"), a membership, a scheme's name before "numéro" ("cnib numero …"), and
// an identity card with an apostrophe, an issuer or its holder between ("carte d'identité CEDEAO numéro …",
// "carte d identite de la mere …") read as phones.
async function ids(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  return (await found(text, lang)).filter((s) => s.startsWith('ID:')).map((s) => s.slice(3));
}

describe('a dictated number after a spelled acronym, a membership or an identity card', () => {
  it('is an identifier', async () => {
    expect(await ids('seen today, m r n four four seven, zero nine, two two one, medicaid pending', 'en')).toEqual(['four four seven, zero nine, two two one']);
    expect(await ids('insurance is medicaid, i d three one one, zero four, four two eight, nine. address', 'en')).toEqual(['three one one, zero four, four two eight, nine']);
    expect(await ids('nhis membership one three two zero eight eight four one. lives at', 'en')).toEqual(['one three two zero eight eight four one']);
    expect(await ids('cnib numero b zero sept quatre quatre un deux huit trois point', 'fr')).toEqual(['b zero sept quatre quatre un deux huit trois']);
    expect(await ids("Carte d'identité CEDEAO numéro deux, zéro zéro quatre, un neuf huit deux, zéro zéro six. Fin", 'fr')).toEqual(['deux, zéro zéro quatre, un neuf huit deux, zéro zéro six']);
    expect(await ids('carte d identite de la mere un sept six un deux zero zero trois quatre deux point', 'fr')).toEqual(['un sept six un deux zero zero trois quatre deux']);
  });

  it("leaves a person's number after their name to the phone rules", async () => {
    expect(await ids('sa tante mariama sarr numero soixante dix huit cinq cent trois vingt deux quarante et un', 'fr')).toEqual([]);
  });
});
