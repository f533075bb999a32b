import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, label: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout39 miss class): a Philippine register row gives the address as its barangay and its
// parts ("Purok 3, Brgy. Cogon, Ormoc") with no street word, and the PhilHealth number as 2-9-1 digits; the
// address went out in clear (its parts read as names), the number cut to its middle digits.
describe('Philippine addresses and PhilHealth numbers', () => {
  it('takes the purok, sitio and barangay as the street part, chained', async () => {
    expect(await labelled('| MONTALBAN, Jericho | 2011-08-21 | Purok 3, Brgy. Cogon, Ormoc | Liza |', 'ADDRESS')).toEqual(['Purok 3, Brgy. Cogon']);
    expect(await labelled('| 2013-05-30 | Sitio Maharlika, Brgy. 88, Tacloban |', 'ADDRESS')).toEqual(['Sitio Maharlika, Brgy. 88']);
    expect(await labelled('| 2013-05-30 | Sitio Maharlika, Brgy. 88, Tacloban |', 'PERSON')).toEqual([]);
  });

  it('takes the PhilHealth number whole', async () => {
    expect(await labelled('| 2 | MONTALBAN, Jericho | 12-050374119-8 | 2011-08-21 |', 'ID')).toEqual(['12-050374119-8']);
  });
});
