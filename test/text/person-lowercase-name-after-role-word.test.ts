import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout10, holdout11, holdout13 miss class): lowercase notes name the team and the callers
// after their role word, in lowercase ("practice nurse gemma platt", "caller lupe tuilagi", "pilote
// olivier ribes"); only capitalised names were read after a role.
describe('a lowercase first name after a role word', () => {
  it('is a person, with its surname when that is no ordinary word', async () => {
    expect(await persons('form re-sent by practice nurse gemma platt (moorcroft medical centre).')).toEqual(['gemma platt']);
    expect(await persons('13:40 | caller lupe tuilagi | vomiting x5')).toEqual(['lupe tuilagi']);
    expect(await persons('aboriginal liaison officer cheryl ugle to visit pm.')).toEqual(['cheryl ugle']);
    expect(await persons('orthophoniste : marine delpech – bilan à refaire', 'fr')).toEqual(['marine delpech']);
    expect(await persons('sedation nurse tess.')).toEqual(['tess']);
  });

  // Regression (holdout46 and the read sets): the people around a patient, named after the word that says who they are.
  it('a colleague, a friend, a boss named in lowercase', async () => {
    expect(await persons('employé chez solvay tavaux, collègue thierry a appelé, rien dit.', 'fr')).toEqual(['thierry']);
    expect(await persons("flora's friend peggy in dunvegan to stay over weekend")).toContain('peggy');
    expect(await persons('no – resort manager paolo).')).toEqual(['paolo']);
    expect(await persons('my friend said the manager will call')).toEqual([]);
  });

  it('role phrases and ordinary words after a role stay text', async () => {
    expect(await persons('Family practice nurse line, received 10/28')).toEqual([]);
    expect(await persons('the nurse will call back; rn aware and md paged')).toEqual([]);
    expect(await persons('nurse practitioner led clinic')).toEqual([]);
  });
});
