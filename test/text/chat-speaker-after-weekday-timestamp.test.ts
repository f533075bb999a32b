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

  // Regression (holdout26, holdout28): a weekday opening the line needs no dash before the sender.
  it('bare, without a dash, when a weekday opens the line', async () => {
    expect(await persons('Sat 28 Nov 9:14 am Tipene: kia ora, nan is comfortable')).toContain('Tipene');
    expect(await persons('Mon 23/11 3:40pm Rawiri: ok see you then')).toContain('Rawiri');
    expect(await persons('23/11 3:40pm Review: obs stable')).toEqual([]);
  });

  it('a service sending in the thread is no person', async () => {
    expect(await persons('Lun 16 nov 18:30 — Labo : résultats disponibles', 'fr')).toEqual([]);
    expect(await persons('[Mon 23 Nov, 8:01 pm] Reception: see you Thursday')).toEqual([]);
  });
});

// Regression (holdout27/holdout28 miss class): a service sending in a thread under its name ("Stomal Therapy –
// Wairau:", "Secrétariat Génétique Clocheville :") is a HOSPITAL by the sets' convention, and went out in clear.
describe('a named service as a chat sender', () => {
  async function hospitals(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
    const { spans } = await detect(text, { lang });
    return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
  }

  it('is a HOSPITAL after any chat timestamp', async () => {
    expect(await hospitals('[23/11/2026, 08:15] Stomal Therapy – Wairau: Morning Gavin, how is the bag?')).toEqual(['Stomal Therapy – Wairau']);
    expect(await hospitals('Fri 27/11 2:03 pm – Wgtn Blood & Cancer Centre: Kia ora, your planning scan is booked')).toEqual(['Wgtn Blood & Cancer Centre']);
    expect(await hospitals('[12/11/2026 09:41] Secrétariat Génétique Clocheville : bonjour, le rendez-vous est confirmé', 'fr')).toEqual(['Secrétariat Génétique Clocheville']);
  });

  it('a person with a role, or a service with no name, stays as it was', async () => {
    expect(await hospitals('[21/11 07:50] IDE Sandrine : à quelle heure ?', 'fr')).toEqual([]);
    expect(await hospitals('[12/01/2025, 07:48] Bronwen (DN team lead): can you add her to the list')).toEqual([]);
    expect(await hospitals('[12/01/2025, 07:50] Ward Reception: bed 4 is ready')).toEqual([]);
  });
});
