import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const spans = async (text: string, lang: 'fr' | 'en') =>
  (await detect(text, { lang })).spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);

// Dictated national numbers were read as phones: after Sri Lanka's "NIC", after "carte d'identité, je lis le numéro :",
// and read again after "je relis".
describe('a national number dictated after NIC, or read from a card', () => {
  it('reads the digits after NIC and their reading again as an identifier', async () => {
    const text = 'Admitted after a fall. NIC two zero zero one four four eight zero three nine one seven, I repeat, 200144803917. Lives with his mother.';
    const found = await spans(text, 'en');
    expect(found).toContain('ID:two zero zero one four four eight zero three nine one seven');
    expect(found).toContain('ID:200144803917');
    expect(found.filter((s) => s.startsWith('PHONE:'))).toEqual([]);
  });

  it('reads a card number the dictation says it reads, and a reading again after "je relis"', async () => {
    const text =
      "Trente ans. Carte d'identité, je lis le numéro : un, huit, trois, zéro, deux, deux, sept, six, quatre, zéro, neuf, donc 18302276409. " +
      'Carte nationale numéro zéro six, quinze, quarante-deux, soixante-dix-huit, zéro trois, je relis : 0615-42-78-03. Vit à Kara.';
    const found = await spans(text, 'fr');
    expect(found).toContain('ID:un, huit, trois, zéro, deux, deux, sept, six, quatre, zéro, neuf');
    expect(found).toContain('ID:18302276409');
    expect(found).toContain('ID:0615-42-78-03');
    expect(found.filter((s) => s.startsWith('PHONE:'))).toEqual([]);
  });
});
