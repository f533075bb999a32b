import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const cities = async (text: string) =>
  (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));

// A town no list knows, after a verb of living or moving, was left in clear.
describe('the town after a verb of living or moving', () => {
  it('reads a capitalised name after "in" or "to"', async () => {
    expect(await cities('Mrs Desrochers called the symptom line at 21:30 from home in Blind River, fever 38.7.')).toContain('Blind River');
    expect(await cities('no we moved to Baie Verte in august, my new cell is below')).toContain('Baie Verte');
  });

  it('leaves a country, a care home and a month alone', async () => {
    expect(await cities('I live in France and travel often.')).toEqual([]);
    expect(await cities('She lives in Rosewood House since the fall.')).toEqual([]);
    expect(await cities('They moved in March to be closer.')).toEqual([]);
  });
});
