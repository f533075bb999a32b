import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const phones = async (text: string) =>
  (await detect(text, { lang: 'fr' })).spans.filter((s) => s.label === 'PHONE').map((s) => text.slice(s.start, s.end));

// A French phone dictated in words was left in clear when the relative's name stood right before a colon ("de son
// frère Ndiaye Ousmane :"), when the line broke after the title or the phone word, or when a comma set it off.
describe('a phone said in words after a name, a line break or a comma', () => {
  it('reads it after a name right before a colon', async () => {
    const text = 'Téléphone de sa sœur Diallo Aminata : soixante-seize, trois cent dix, quarante-quatre, zéro deux.';
    expect(await phones(text)).toContain('soixante-seize, trois cent dix, quarante-quatre, zéro deux');
  });

  it('reads it on the line after the title or the phone word', async () => {
    const text =
      'Téléphone du père, monsieur\nRakoto Jean : zéro trente-deux, onze, quatre cent six, zéro neuf.\n' +
      'Sa tante madame Ekane, téléphone\nsix cinq cinq, dix-huit, vingt-sept, quatre-vingt-onze, donc 655 18 27 91.';
    const found = await phones(text);
    expect(found).toContain('zéro trente-deux, onze, quatre cent six, zéro neuf');
    expect(found).toContain('six cinq cinq, dix-huit, vingt-sept, quatre-vingt-onze');
  });

  it('reads it after a comma', async () => {
    const text = 'Téléphone de la patiente, trente-six, douze, quarante, quatre-vingt-huit, donc 36 12 40 88.';
    expect(await phones(text)).toContain('trente-six, douze, quarante, quatre-vingt-huit');
  });
});
