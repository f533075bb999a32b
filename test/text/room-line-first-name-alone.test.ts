import { describe, expect, it } from 'vitest';
import { roomLinePersonSpans } from '../../src/anonymize/text/recognizers/persons-room-line.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

function names(text: string, lang: 'fr' | 'en'): string[] {
  return roomLinePersonSpans(makeDoc(text, lang)).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout45 review of the read sets' misses: "a first name alone after a log's date"): home-infusion and
// rehab logs open an entry with the patient's or the visiting nurse's first name ("lun 16/11 : gilles. elle pique
// seule", "sam 28/11 : aurelie. ok"); a word that is no first name there is no name ("phoned", "releve").
describe('room and log lines: a first name alone', () => {
  it('reads a known first name closed by a full stop or a colon', () => {
    expect(names('lun 16/11 : gilles. elle pique seule, tres bien.\nsam 28/11 : aurelie. ok. prochaine livraison\n', 'fr')).toEqual(['gilles', 'aurelie']);
  });

  it('reads no ordinary word after the date', () => {
    expect(names('thu 26/11 - phoned: numbness back at night\nfri 20/11 - dna. phoned x2 no answer\ndim 22/11 - releve : c. dufour ide.\n', 'en')).toEqual([]);
  });

  // The folded text reads an en dash as a hyphen: an age in months before one ("27m –") closes the two words.
  it('reads a surname and given name before an age and an en dash', () => {
    expect(names('bed 5 – yarran, jesse 27m – stockman from talbingo\n', 'en')).toEqual(['yarran', 'jesse']);
  });
});
