import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const ids = async (text: string) =>
  (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));

// An Ontario health card's two-letter version code names the card's issue; after a blank or a dash it was left in clear.
describe("an Ontario health card's version code", () => {
  it('is an identifier after the ten digits, a blank, a dash or the words "version code"', async () => {
    expect(await ids('DDN / DOB : 1945-08-21   OHIP : 5827-194-365 KL\nAdresse : 2261 chemin Dominion')).toContain('KL');
    expect(await ids('Sa carte santé : 6051178843-LM. Est-ce que l’infirmière peut passer demain?')).toContain('LM');
    expect(await ids('OHIP 5184 220 936 version code KT. Adresse rue Poyntz')).toContain('KT');
  });

  it('leaves capitals after other numbers alone when no health card is named', async () => {
    expect(await ids('Lot 4823 119 376 OK for release.')).not.toContain('OK');
  });
});
