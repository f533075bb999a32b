import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regressions (holdout26, read): "Dr Pellegrin" was a hospital (a CHU's site of that name), "Drs" spread as
// a name to every title, and, once titles no longer spread, "Cape Town: Mrs Thomas" read "Town:" as a town
// field whose value was "Mrs".
describe('a title', () => {
  it('makes a known hospital name after it a person', async () => {
    expect(await found('radiochirurgie au CHU Grenoble Alpes;Dr Pellegrin\n5;VINCENT-ROCHE;Marie', 'fr')).toContain('PERSON:Pellegrin');
    expect(await found('transfert au CHU Pellegrin demain', 'fr')).toEqual(['HOSPITAL:CHU Pellegrin']);
  });

  it('is never spread as a name, so names stay without their titles', async () => {
    const text = 'Présents : Drs Pellegrin (oncologie) et Hugonnet.\nPatiente : Mme Rose-Marie Tessier, vue par Mme Tessier-Gomez.';
    const spans = await found(text, 'fr');
    expect(spans.filter((s) => /Drs|Mme/.test(s))).toEqual([]);
    expect(spans).toContain('PERSON:Pellegrin');
  });

  it('is no town after a field label', async () => {
    expect((await found('Contact in Cape Town: Mrs Lorraine Thomas, +27 82 441 0937.', 'en')).filter((s) => s.startsWith('CITY:'))).toEqual(['CITY:Cape Town']);
  });
});
