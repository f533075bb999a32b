import { describe, expect, it } from 'vitest';
import { joinAddressParts } from '../../eval/text/corpora.js';

// EDS-Pseudo scores a whole postal address as one ADRESSE; eval:text and bench:text join a predicted
// street and the ZIP / CITY right after it before scoring, for every tool alike.
describe('scoring convention for EDS-Pseudo addresses', () => {
  const text = 'envoyer au 12, avenue alice laine, 03883 baron. Vu à Lyon, 69003.';
  const at = (part: string, label: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length, label });

  it('joins a street with the postal code and commune that follow it', () => {
    const joined = joinAddressParts(text, [at('03883', 'ZIP'), at('12, avenue alice laine', 'ADDRESS'), at('baron', 'CITY')]);
    expect(joined).toEqual([{ start: text.indexOf('12,'), end: text.indexOf('baron') + 5, label: 'ADDRESS' }]);
  });

  it('leaves a city or postal code that follows no street as it is', () => {
    const spans = [at('Lyon', 'CITY'), at('69003', 'ZIP')];
    expect(joinAddressParts(text, spans)).toEqual(spans);
  });
});
