import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const labelled = async (text: string, label: string) =>
  (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));

// Regression (2026-11-30, CITY recall in tables): a register names where each person lives under "area",
// "quartier", "village", "colline" or "district", not only "ville" or "town"; every cell of such a column
// is a place, in lowercase too. And a GP column may hold the practice, not the doctor.
describe('a column of places', () => {
  it('makes its cells CITY under the place words registers use', async () => {
    const log = 'donor no | name | area | gp | notes\nHMB-1 | jade armstrong | morpeth | gas house lane surgery | ok\nHMB-2 | nadia el-masri | amble | dr okoro | pending';
    expect(await labelled(log, 'CITY')).toEqual(['morpeth', 'amble']);
    const register = 'N° | Nom | Âge | Quartier | Date\nRAA-1 | Mariem Mint Salem | 14 | Tevragh-Zeina | 04/11/2026\nRAA-2 | Sidi Ould Bah | 11 | Sebkha | 05/11/2026';
    expect(await labelled(register, 'CITY')).toEqual(['Tevragh-Zeina', 'Sebkha']);
  });

  it('makes a practice in a GP column a HOSPITAL, a doctor a PERSON', async () => {
    const log = 'donor no | name | area | gp | notes\nHMB-1 | jade armstrong | morpeth | gas house lane surgery | ok\nHMB-2 | nadia el-masri | amble | dr okoro | pending';
    expect(await labelled(log, 'HOSPITAL')).toEqual(['gas house lane surgery']);
    expect(await labelled(log, 'PERSON')).toEqual(expect.arrayContaining(['jade armstrong', 'nadia el-masri']));
  });
});
