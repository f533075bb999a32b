import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout48 miss class): a typist's and a writer's initials went out in clear when written with a blank
// between them, after the typing date, or last on a nurse's sign-off line after a slash.
describe("a writer's and a typist's initials", () => {
  it('are read after the word that says who typed, with a blank between the letters', async () => {
    expect(await persons('I repeat 024 417 6628.\nEnd of dictation. Typed by M. A.', 'en')).toContain('M. A.');
    expect(await persons('numéro de transfert 3318. Fin de dictée, transcrit par H. B.', 'fr')).toContain('H. B.');
  });

  it('are read after the typing date', async () => {
    expect(await persons('Dr Amaka Fashola — dictated 24/11/2026, typed 25/11/2026 (kb)', 'en')).toContain('kb');
    expect(await persons('dictated 20/11/2026, typed 24/11/2026 LHB/jm\ncc: the GP', 'en')).toEqual(expect.arrayContaining(['LHB', 'jm']));
    expect(await persons('Dicté le 20/11/2026, frappé le 23/11/2026 (GV/mc)', 'fr')).toEqual(['GV', 'mc']);
  });

  it('are read last on a sign-off line that names a nursing role', async () => {
    expect(await persons('tullah outreach wed).\nrn s. vandermeer / en cj', 'en')).toContain('cj');
    expect(await persons('ide : ophelie / kevin t. / sf', 'fr')).toContain('sf');
    expect(await persons('signe : ide aurelien m. / ft', 'fr')).toContain('ft');
  });

  it('leave a unit after a slash and a line with no nursing role', async () => {
    expect(await persons('typed 25/11/2026 UI/kg', 'en')).toEqual([]);
    expect(await persons('débit 40 / 24 / mn\npompe ok / ras / vu', 'fr')).toEqual([]);
  });
});
