import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "a doctor's registration after a Canadian college's acronym"): "CPSO 104471",
// "CPSM LICENCE 38815" name one physician; "code patient K7W-4QM" one patient.
describe('registration numbers after a Canadian college, and patient codes', () => {
  it('are identifiers', async () => {
    expect(await ids('Dr C. Bélanger-Roy, paediatrician, CPSO 104471')).toEqual(['104471']);
    expect(await ids('REFERRING PHYSICIAN: DR JONAH KLASSEN, CPSM LICENCE 38815')).toEqual(['38815']);
    expect(await ids('viewer link – code patient K7W-4QM')).toEqual(['K7W-4QM']);
  });
});
