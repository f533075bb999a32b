import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const labelled = async (text: string, label: string) =>
  (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));

// Regression (2026-11-30, CITY recall): after a facility and a separator, a town of the lists that is also
// a surname, a given name or a dictionary word ("Telford", "Billings", "Chesterfield") was left in clear,
// and "Savannah, GA –" (a state code before a dash) was read as a person.
describe('a listed town after a facility', () => {
  it('is a CITY even when it is also a name or a word', async () => {
    expect(await labelled('Birth: Princess Royal Hospital, Telford, 38+5, ventouse.', 'CITY')).toEqual(['Telford']);
    expect(await labelled('Copy kept at Billings Clinic, Billings, with the chart.', 'CITY')).toEqual(['Billings']);
  });

  it('is a CITY before a state code and a dash', async () => {
    const log = 'triage log – Walgreens #07731, Savannah, GA – 11/25/2026';
    expect(await labelled(log, 'CITY')).toEqual(['Savannah']);
    expect(await labelled(log, 'PERSON')).toEqual([]);
  });

  it('is not read after a person', async () => {
    expect(await labelled('Seen with Dr Ana Ruiz, Billings clerk, today.', 'CITY')).toEqual([]);
  });
});
