import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PHONE').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (miss class "dictated national card numbers"): "national identity card number …", "carte
// nationale …", "numéro d'immatriculation AMO …", and French numbers said in hundreds and thousands ("cinq
// cent dix sept mille …"), went out as phones or in clear; "i repeat" is no part of the number.
describe('dictated national card numbers and French hundreds', () => {
  it('are identifiers', async () => {
    expect(await found('national identity card number two zero zero seven six eight one zero three nine two seven i repeat', 'en')).toEqual([
      'ID:two zero zero seven six eight one zero three nine two seven',
    ]);
    expect(await found('carte nationale c d quatre cent quatre vingt dix sept mille trois cent douze je repete', 'fr')).toEqual([
      'ID:c d quatre cent quatre vingt dix sept mille trois cent douze',
    ]);
    expect(await found('numero d immatriculation amo cent quarante sept huit cent cinquante deux six cent trente point', 'fr')).toEqual([
      'ID:cent quarante sept huit cent cinquante deux six cent trente',
    ]);
  });
});
