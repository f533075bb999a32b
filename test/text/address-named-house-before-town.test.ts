import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (fifth rule round, ADDRESS recall class "a named house as the street part"): British
// and Irish addresses with no number and no street ("… Farm, <town>") were missed, or the house name
// was taken for a person. Invented names.
const found = async (text: string) => (await detect(text, { lang: 'en' })).spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);

describe('a named house before a comma and its town', () => {
  it('is the ADDRESS', async () => {
    expect(await found('Home visit, Nether Brackley Farm, Holsworthy, ulcer dressed.')).toContain('ADDRESS:Nether Brackley Farm');
    const cottage = await found('Lives at Wren Cottage, Little Amwell, alone.');
    expect(cottage).toContain('ADDRESS:Wren Cottage');
    expect(cottage).not.toContain('PERSON:Wren Cottage');
  });

  it('is not taken without the town after it, nor for a house or hall that may be a care home', async () => {
    expect((await found('The barn conversion at Brackley Farm was sold.')).some((s) => s.startsWith('ADDRESS:'))).toBe(false);
    expect((await found('Moved to Hawthorn House, Corby, last week.')).some((s) => s.startsWith('ADDRESS:'))).toBe(false);
  });
});
