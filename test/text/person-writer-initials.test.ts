import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout41 miss class): a nurse signs each line of a log with her initials ("… dr dueck aware. kf"), and
// a form says who typed or received it ("frappé le 18/11/2026 par NB.", "AGENT SLB", "transcriptionist JM"); initials
// were never taken for a person.
describe("a writer's initials", () => {
  it('are a person when they close the lines of a log', async () => {
    const log = ['22:14 – fever 39.6 x3d, mask on dad. ctas 2. dr dueck aware. kf', '23:05 – paroxysmal cough, np swab sent. kf'].join('\n');
    expect(await persons(log)).toEqual(expect.arrayContaining(['kf']));
    expect((await persons(log)).filter((p) => p === 'kf')).toHaveLength(2);
  });

  it('are a person in capitals after the word that says who typed or received', async () => {
    expect(await persons('Compte rendu dicté le 17/11/2026, frappé le 18/11/2026 par NB.', 'fr')).toContain('NB');
    expect(await persons('DÉCLARATION REÇUE LE 01/12/2026, AGENT SLB', 'fr')).toContain('SLB');
  });

  it('leaves a single closing word, a line closing on "ok" and a channel alone', async () => {
    expect(await persons('Pansement refait. ok\nPatient dort, tout va bien. ok', 'fr')).toEqual([]);
    expect(await persons('Code envoyé par SMS. Merci.', 'fr')).toEqual([]);
  });
});
