import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => `${text.slice(s.start, s.end)}:${s.label}`);
}

// Regression: a health-card number in its column ("pei_health_no" over "0447 812 306") was read as a
// phone (the UK pattern, same priority, higher score), and a header "<kind> health no" named no column.
describe('an identifier column', () => {
  it('is named by a health, card or chart number header, and its cells are IDs even when shaped like phones', async () => {
    const csv = [
      'week_of;name;dob;pei_health_no;home_community;notes',
      '2026-11-23;Abigail MacPhee;2010-05-14;0447 812 306;Stratford;FBT phase 1',
      '2026-11-23;Ethan Gaudet;2009-08-09;0439 660 218;Summerside;ARFID',
    ].join('\n');
    const out = await labelled(csv);
    expect(out).toContain('0447 812 306:ID');
    expect(out).toContain('0439 660 218:ID');
  });

  it('leaves a phone column a phone', async () => {
    const csv = ['name;dob;phone;notes', 'Abigail MacPhee;2010-05-14;0447 812 306;FBT', 'Ethan Gaudet;2009-08-09;0439 660 218;ARFID'].join('\n');
    const out = await labelled(csv);
    expect(out).toContain('0447 812 306:PHONE');
  });
});
