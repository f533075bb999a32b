import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "the patient a lowercase note opens on"): nursing extracts' headers "pt: mccaughey, eilish
// mrn …" and "client: doolan, kayden   dob …" left the given name (or a surname that is also an ordinary word) in clear:
// the name rules want capitals, and the model reads lowercase surname-first headers poorly.
describe("the patient header of a lowercase note", () => {
  it('reads the surname and the given name, each its own span', async () => {
    const text = 'nursing notes\n\npt: brannigan, siobhan   mrn KMG-220417   dob 02/03/1981\n';
    expect(await persons(text)).toEqual(expect.arrayContaining(['brannigan', 'siobhan']));
  });

  it('reads a surname that is an ordinary word before a comma and a known given name', async () => {
    expect(await persons('client: doolan, kayden   dob 25/01/2012 (14)\n')).toEqual(expect.arrayContaining(['doolan', 'kayden']));
  });

  it('reads the header with its colon left out', async () => {
    expect(await persons('visit notes\nclient mcquarrie, hamish  phn 8047 2215  dob 1932-06-14\n')).toEqual(expect.arrayContaining(['mcquarrie', 'hamish']));
  });

  it('reads no name in a lowercase status line after the same key', async () => {
    expect(await persons('pt: alert, oriented\npt: stable, bp 120/80\npatient seen, well  today\n')).toEqual([]);
  });
});
