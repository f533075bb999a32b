import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) =>
  (await detect(text, { lang: 'fr' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// The typist's capitals before a typing date written without its year ("frappé par CLG le 26/11") were left in clear:
// only a date with its year vouched for them.
describe("the typist's capitals before a day and month", () => {
  it('reads them', async () => {
    expect(await persons('Dicté le 02/12/2026 — frappé par MPH le 03/12')).toContain('MPH');
  });

  it('leaves a route or a channel before a date', async () => {
    expect(await persons('Relais par IV le 03/12 puis per os.')).toEqual([]);
  });
});
