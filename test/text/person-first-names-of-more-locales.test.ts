import { describe, expect, it } from 'vitest';
import { isFirstName } from '../../src/anonymize/text/gazetteers.js';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (2026-11-30, PERSON recall): the rules that want a known first name (lowercase notes, a name
// after a role word, "Firstname SURNAME") knew only six faker locales, so Yoruba, Ghanaian, Turkish,
// Polish, Indian … names went unread. The first names of 31 more Latin-script locales joined the list
// (models/data/build-gazetteers.ts), minus dictionary words, drug names and short upper-case words.
const persons = async (text: string, lang: 'fr' | 'en') =>
  (await detect(text, { lang })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

describe('first names of more locales', () => {
  it('are known, but not as a short upper-case word', () => {
    expect(isFirstName('Akosua')).toBe(true);
    expect(isFirstName('Ayomide')).toBe(true);
    expect(isFirstName('Nicu')).toBe(true);
    expect(isFirstName('NICU')).toBe(false);
    expect(isFirstName('ESAT')).toBe(false);
  });

  it('let the rules read lowercase and capitalised names they missed', async () => {
    expect(await persons('bp 128/76. coordinator akosua mensah will call back.', 'en')).toEqual(['akosua mensah']);
    expect(await persons('Seen with Ayomide Adebayo on the ward.', 'en')).toEqual(['Ayomide Adebayo']);
  });

  it('do not turn a unit or an eponymous operation into a person', async () => {
    expect(await persons('NICU SBAR – handover 07:30', 'en')).toEqual([]);
    expect(await persons('Plan: neoadjuvant FLOT x4 then Ivor Lewis oesophagectomy.', 'en')).toEqual([]);
  });
});
