import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PHONE').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (miss class "dictated identifiers released as phones or left in clear"): a spelled acronym
// before "number", "… card", "carte d'identité numéro", a value on the next line, "slash" and "dash" read
// aloud, and French digits dictated in pairs.
describe('dictated identifiers after more names, with spoken separators', () => {
  it('reads them as identifiers, not phones', async () => {
    expect(await found('n h i s number one seven two zero three four five eight address', 'en')).toEqual(['ID:one seven two zero three four five eight']);
    expect(await found('folder number\nc c t h slash two six slash zero four four one eight ghana card\ng h a dash seven one two four four zero nine eight three dash six n h i s number one seven two zero three four five eight', 'en')).toEqual([
      'ID:c c t h slash two six slash zero four four one eight',
      'ID:g h a dash seven one two four four zero nine eight three dash six',
      'ID:one seven two zero three four five eight',
    ]);
    expect(await found('carte d identite\nnumero zero huit quatre un sept deux trois neuf adresse', 'fr')).toEqual(['ID:zero huit quatre un sept deux trois neuf']);
    expect(await found('numero d assurance maladie\np i n r cinquante-huit cinquante-trois zero neuf douze date', 'fr')).toEqual(['ID:p i n r cinquante-huit cinquante-trois zero neuf douze']);
  });

  // Regression (holdout46, Zimbabwean and Nigerian dictations): British dictation says "stroke" for a slash.
  it('reads "stroke" as a slash read aloud', async () => {
    expect(await found('Hospital number M M H stroke two six stroke zero nine three three. Next of kin husband', 'en')).toEqual(['ID:M M H stroke two six stroke zero nine three three']);
  });

  it('still leaves a number announced as a phone to the phone rules', async () => {
    expect(await found('telephone zero six douze trente-quatre cinquante-six soixante-dix-huit merci', 'fr')).not.toContainEqual(expect.stringMatching(/^ID:/));
    expect(await found('her phone number is four one two five five five zero one nine eight', 'en')).toEqual(['PHONE:four one two five five five zero one nine eight']);
  });
});
