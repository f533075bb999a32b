import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PHONE').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "eight-digit phones in pairs read as identifiers"): French Polynesia's numbers
// ("87 74 21 90") have no trunk 0 and were released as ID by the fail-closed long-number rule.
describe('eight digits in four pairs', () => {
  it('are a phone, with or without a phone word', async () => {
    expect(await labelled('accompagné par son petit-fils Manarii (87 74 21 90).')).toEqual(['PHONE 87 74 21 90']);
    expect(await labelled('Notre numéro direct : 40 48 59 12. Māuruuru')).toEqual(['PHONE 40 48 59 12']);
  });

  it('are not cut out of a longer grouped number, which stays an identifier', async () => {
    expect(await labelled('dossier 12 34 56 78 90 transmis')).toEqual(['ID 12 34 56 78 90']);
    expect(await labelled('code 4-87 74 21 90 reçu')).not.toContain('PHONE 87 74 21 90');
  });
});
