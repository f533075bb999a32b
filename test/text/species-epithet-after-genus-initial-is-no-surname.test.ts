import { describe, expect, it } from 'vitest';
import { looksLikeSpeciesEpithet } from '../../src/anonymize/text/microbes.js';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) => (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// Regression (false-positive class "a microbe's species after its genus's initial"): "A. ISRAELII", "A. TURICENSIS"
// in a laboratory list, "a. israelii" in a note, were read as an initial and a surname: the species list did not hold them.
describe('a species epithet after a genus initial', () => {
  it('is no person, in capitals or lower case', async () => {
    expect(await persons('ORGANISM: A. ISRAELII, then A. TURICENSIS and A. RADINGAE.')).toEqual([]);
    expect(await persons('wed 25/11 id review\na. israelii grown from pus. afebrile 48 h.')).toEqual([]);
  });

  it('leaves an initial and a surname with a short -ae or -ii ending alone', async () => {
    expect(looksLikeSpeciesEpithet('rae')).toBe(false);
    expect(looksLikeSpeciesEpithet('heiarii')).toBe(false);
    expect(looksLikeSpeciesEpithet('odontolyticus')).toBe(true);
    expect(await persons('Seen by Dr J. McGivern today.')).toEqual(['J. McGivern']);
  });
});
