import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const spans = async (text: string) => (await detect(text, { lang: 'fr' })).spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);

// A six-digit number in three pairs (New Caledonia's plan, short lines elsewhere) was left in clear unless a phone
// word stood right before it: "appelle le dispensaire au 42 53 11", a chat message that is only the number.
describe('six digits in three pairs', () => {
  it('is a phone without a phone word', async () => {
    const found = await spans('[02/12/2026 09:10] Maman Wakaine : 27 48 15\nSinon passez au centre médical de Poum (47 12 90).');
    expect(found).toContain('PHONE:27 48 15');
    expect(found).toContain('PHONE:47 12 90');
  });

  it('leaves a British National Insurance number, a masked number and longer groups', async () => {
    const found = await spans('NI AB 12 34 56 C. Écrire au 03 21 66 xx xx. Lot 12 34 56 78 90.');
    expect(found).not.toContain('PHONE:12 34 56');
    expect(found.filter((s) => s.startsWith('PHONE:'))).toEqual([]);
  });
});
