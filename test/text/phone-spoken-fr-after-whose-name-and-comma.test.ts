import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const phones = async (text: string) =>
  (await detect(text, { lang: 'fr' })).spans.filter((s) => s.label === 'PHONE').map((s) => text.slice(s.start, s.end));

// A number dictated in pairs after whose phone it is was left in clear when the name after the comma ran to three
// words ("du mari, monsieur Da Tiélé Firmin :") or came without a title ("du frère, Ibrahima Mané :").
describe("a phone said in words after the relative's name", () => {
  it('reads the number after a title and three words of a name', async () => {
    const text = 'Vendeuse au marché. Téléphone de la tante, madame Kambou Yéri Odile : soixante-six, dix-huit, quarante, zéro neuf.';
    expect(await phones(text)).toContain('soixante-six, dix-huit, quarante, zéro neuf');
  });

  it('reads the number after a name set off by a comma', async () => {
    const text = "Téléphone de l'oncle, Moussa Diatta : soixante-dix-huit, trois cent douze, quarante-quatre, zéro un, c'est-à-dire 78 312 44 01.";
    const found = await phones(text);
    expect(found).toContain('soixante-dix-huit, trois cent douze, quarante-quatre, zéro un');
    expect(found).toContain('78 312 44 01');
  });
});
