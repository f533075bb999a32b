import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'en' | 'fr' = 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout11/holdout12 miss classes): lowercase notes that give the patient's surname first
// after "patient :" or "pt :", and names after field labels the rules did not know ("Malade :",
// "Team leader:", "orthophoniste :", "Typed:").
describe('lowercase patient fields and more field labels', () => {
  it('two unlisted lowercase words after "patient :" are the name', async () => {
    expect((await persons('patient : vrancea dorin – ddn 02/03/1981')).join(' ')).toContain('vrancea dorin');
    expect((await persons('pt : ngata mbala, né le 01/01/1990')).join(' ')).toContain('ngata mbala');
  });

  // Regression: the quick pre-check of the scan let "patient :", "pt :" and "malade :" through but
  // not "patiente :", so a note that gave the name only there left it in clear.
  it('two unlisted lowercase words after "patiente :" are the name', async () => {
    expect((await persons('patiente : dumitrescu ionut, vue ce jour')).join(' ')).toContain('dumitrescu ionut');
  });

  it('a finding after "patient :" stays text', async () => {
    expect(await persons('patient : calme, coopérant')).toEqual([]);
    expect(await persons('patient : vu ce jour')).toEqual([]);
  });

  it('names after malade, team leader and typed labels', async () => {
    expect((await persons('Malade : KABEYA MUTOMBO Aimé, âgé de 40 ans')).join(' ')).toContain('KABEYA');
    expect((await persons('Team leader: Murdo Campbell', 'en')).join(' ')).toContain('Murdo');
  });
});
