import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) =>
  (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// Initials name the writer and the typist as surely as their full names; these forms were left in clear.
describe('initials in a reference line, on a line of their own, after "typed"', () => {
  it('reads both sides of a letter reference line', async () => {
    const text = 'Yours sincerely,\n\nDr Maud Sauvadet\nConsultant cardiologist\nBC/ls\n';
    const found = await persons(text);
    expect(found).toContain('BC');
    expect(found).toContain('ls');
  });

  it('reads initials alone under the last line of a nursing note', async () => {
    const text = 'mar 17/11 - am\nmme lemattre : plus reveillee, a bu 850 ml, levee au fauteuil.\niono de controle le 30\nks\n';
    expect(await persons(text)).toContain('ks');
    const dotted = 'sortie avec rdv pediatrie lundi, parents informes.\nr.g.';
    expect(await persons(dotted)).toContain('r.g.');
  });

  it('reads small letters after "typed" and "transcribed by"', async () => {
    expect(await persons('Dictated 26/11/2026, typed jw 27/11/2026\n')).toContain('jw');
    expect(await persons('Dr Ames, MD — dictated 11/29/2026 01:35, transcribed by dkm\n')).toContain('dkm');
  });

  it('leaves a unit, a word and a closing word alone on their lines', async () => {
    const text = 'Héparine 500 UI/kg puis\nUI/kg\nsee you at the clinic.\nthx\nbring the flask.\ntea\n';
    expect(await persons(text)).toEqual([]);
  });
});
