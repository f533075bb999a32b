import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout23, read 2026-11-30): a ward round or a day-unit log opens each line with a room
// or a time and the patient in lower case, surname first; a surname that is also a dictionary word
// ("bouvet", "sarrazin") was left in clear beside its first name.
describe('the patient a room or time line opens with', () => {
  it('is a person, both words', async () => {
    const note = 'transmissions ide\n\nch 9 — bouvet alain, myelome, autogreffe programmée\n11h00 sarrazin théo, 24 ans, SpA';
    const found = (await persons(note)).join(' | ');
    for (const part of ['bouvet', 'alain', 'sarrazin', 'théo']) expect(found).toContain(part);
  });

  it('is a person when two words no dictionary knows come before the age, on a "b3" line too', async () => {
    const found = (await persons("night\nbed 2 eilidh mcquarrie 67 - inferior stemi\nb3 margaret o'halloran 58 - TLH")).join(' | ');
    for (const part of ['eilidh', 'mcquarrie', 'margaret', "o'halloran"]) expect(found).toContain(part);
  });

  it('is a person after a log line\'s date and time, without a carer\'s role before the name', async () => {
    const found = (await persons('suivi\n21/11/2026 08:14 bernard vaucanson : appel pour résultats')).join(' | ');
    expect(found).toContain('vaucanson');
    expect(await persons('repas\n04/03 08h55 – IDE Sandrine : pansement refait')).toEqual(['Sandrine']);
  });

  it('is a person after "bay 1 bed 2 –", "chair 5 –", before the age and a comma, or as an initial and a surname', async () => {
    const found = (await persons("late shift\nbay 1 bed 2 – sadie mcauley 92, type 2 rf\nchair 5 – lupe ybarra, new avf\nbed 9 – j. kenny 81, revision thr")).join(' | ');
    for (const part of ['sadie', 'mcauley', 'lupe', 'ybarra', 'j. kenny']) expect(found).toContain(part);
    expect(await persons('transmissions\nch 5 m. ciobanu : bien dormi')).toEqual(['ciobanu']);
  });

  // Regression (holdout30, holdout31): the age followed by a bracket ("41 (hypoxic bi"), and a cubicle.
  it('is a person before the age and a bracket, and after "cub 6 –"', async () => {
    const found = (await persons('nights\nbed 3 – corin whitlam 41 (hypoxic bi, overdose)\ncub 6 – anjali raghavan 45, dka, insulin')).join(' | ');
    for (const part of ['corin', 'whitlam', 'anjali', 'raghavan']) expect(found).toContain(part);
  });

  // Regression (holdout33, holdout36, read): a log line opened by a weekday and its date ("mon 16/11 -") was never
  // read (the rule's quick check wanted a digit or a room word first), nor a name followed by an en dash.
  it('is a person after a weekday and a date, before a comma or an en dash', async () => {
    const found = (await persons('cardiac rehab log\nmon 16/11 - mai tran, 54, post stent: bike 60w')).join(' | ');
    for (const part of ['mai', 'tran']) expect(found).toContain(part);
    const fr = (await persons('esthétique\nven 20/11 – pheulpin sarah – peeling tca. paie en espèces.')).join(' | ');
    for (const part of ['pheulpin', 'sarah']) expect(fr).toContain(part);
  });

  it('is nobody when no word is a known first name, or the line opens on a word that names nobody', async () => {
    expect(await persons('01h30 alarme thermistance, ok\n03h10 pt reveillee, douleur')).toEqual([]);
    expect(await persons('ch 12 — patiente calme, dort')).toEqual([]);
    expect(await persons('x\n14:11 Rx nitrofurantoin 100 mg bd')).toEqual([]);
  });
});
