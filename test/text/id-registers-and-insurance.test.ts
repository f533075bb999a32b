import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out miss class "identifiers after a register or insurance word"): professional
// register numbers (GMC, NPI, CLIA …), insurance group numbers and French benefit numbers ("numéro
// AME", "n° allocataire") were missed when shorter than 8 digits.
describe('register, licence and insurance numbers', () => {
  it('finds professional and laboratory register numbers', async () => {
    expect(await ids('Dr Oliver Grant, GMC 6120934', 'en')).toContain('6120934');
    expect(await ids('Ordering provider NPI 1457382910, lab CLIA 05D0642827', 'en')).toEqual(expect.arrayContaining(['1457382910', '05D0642827']));
    expect(await ids('Plan: Gold PPO   Group: 77120   Member ID: QX4410', 'en')).toContain('77120');
  });

  it('finds French benefit numbers', async () => {
    expect(await ids('Numéro AME : 13-2023-0047781 valable un an.', 'fr')).toContain('13-2023-0047781');
    expect(await ids('N° allocataire 4471203 (CAF du Rhône).', 'fr')).toContain('4471203');
  });

  it('does not take a group letter or a group count for a number', async () => {
    expect(await ids('Group B strep negative. The group met 3 times.', 'en')).toEqual([]);
  });
});
