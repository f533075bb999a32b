import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out classes on names): a lowercase first name after a care-role label and a
// colon ("as : jérémy"), an interpreter or chaplain named after the role, "m." after a date; and the
// false positives "p.m." read as the title M., "PR positive" / "pr bpco" read as Pr, an upper-case
// heading made of a short first name and an ordinary word ("ED PROVIDER").
describe('care-role labels, and words that only look like titles', () => {
  it('finds the lowercase team names on a handover and a named interpreter', async () => {
    expect(await persons('equipe de nuit - ide : sabrina / as nuit : kevin / as : ras', 'fr')).toEqual(['sabrina', 'kevin']);
    expect(await persons('Family meeting held, interpreter Oluwaseun present throughout.', 'en')).toContain('Oluwaseun');
  });

  it('finds a lowercase name after "m." that follows a date, not a distance', async () => {
    expect(await persons('consultation du 4/3/25 m. jean-baptiste le gall, dyspnée', 'fr')).toContain('jean-baptiste le gall');
    expect(await persons('marche 50 m. puis pause', 'fr')).toEqual([]);
  });

  it('does not take p.m., receptor status, "pr" for "pour" or an upper-case heading for names', async () => {
    expect(await persons('Open 9 a.m. to 5 p.m.\n\nRegards,\nThe team', 'en')).toEqual([]);
    expect(await persons('ER positive, PR negative, HER2 equivocal.', 'en')).toEqual([]);
    expect(await persons('rdv pr bpco et pr hta demain', 'fr')).toEqual([]);
    expect(await persons('ED TRIAGE NOTE\nAL SUMMARY', 'en')).toEqual([]);
    expect(await persons('vu par pr dupont ce matin', 'fr')).toEqual(['dupont']);
  });
});
