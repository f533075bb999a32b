import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout27/holdout28 miss class): phone exports that write the day as a weekday and a short
// date ("[Mon 23 Nov, 7:58 pm] Hemi:", "Fri 20 Nov, 10:15 am – Tamati:") hid the sender's name, since
// only numeric timestamps opened a chat line.
describe('the sender after a weekday timestamp', () => {
  it('in brackets, with the month in words or in digits', async () => {
    expect(await persons('[Mon 23 Nov, 7:58 pm] Hemi: kia ora is this the vascular clinic\n[Mon 23 Nov, 8:01 pm] Ward 7: yes')).toContain('Hemi');
    expect(await persons('[Tue 24/11 09:12] Rawiri: ok thanks')).toContain('Rawiri');
  });

  it('bare, with a dash after the time', async () => {
    expect(await persons('Fri 20 Nov, 10:15 am – Tamati: Y. can my mum come too?')).toContain('Tamati');
    expect(await persons('Fri 27/11 2:10 pm – Moana: my partner will come too')).toContain('Moana');
  });

  it('a service sending in the thread is no person', async () => {
    expect(await persons('Lun 16 nov 18:30 — Labo : résultats disponibles', 'fr')).toEqual([]);
    expect(await persons('[Mon 23 Nov, 8:01 pm] Reception: see you Thursday')).toEqual([]);
  });
});
