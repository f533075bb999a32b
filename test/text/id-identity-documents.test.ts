import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "identity-document numbers", short or with letters, after their word):
// passports, driving licences, French national identity cards and residence permits.
describe('identity document numbers', () => {
  it('finds passport, licence and identity card numbers', async () => {
    expect(await ids('Identity checked: passport no. 52HK31907, expires 2031.', 'en')).toContain('52HK31907');
    expect(await ids("Driver's license D4410-23871 on file.", 'en')).toContain('D4410-23871');
    expect(await ids("Pièce d'identité : CNI 120375200478, titre de séjour 7501234567.", 'fr')).toEqual(expect.arrayContaining(['120375200478', '7501234567']));
  });

  it('leaves a licence word with no number alone', async () => {
    expect(await ids('No driving licence since the seizure.', 'en')).toEqual([]);
  });
});
