import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function cities(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout47 miss class, four letters over the read sets): a French letter's dateline with the weekday
// ("Vézelay, le vendredi 27 novembre 2026") was no dateline, so its town went out in clear or as a person.
describe('a letter dateline with a weekday', () => {
  it('names the town', async () => {
    expect(await cities('Docteur X\n\nVézelay, le vendredi 27 novembre 2026\n\nChère consœur,', 'fr')).toContain('Vézelay');
    expect(await cities('Fax 02 33 79 41 69\n\nAvranches, le vendredi 27 novembre 2026', 'fr')).toContain('Avranches');
  });

  it('leaves an English line that names a hospital before a weekday', async () => {
    expect(await cities('Follow-up results clinic at\nWithybush, Tuesday 1 December.', 'en')).not.toContain('Withybush');
  });
});
