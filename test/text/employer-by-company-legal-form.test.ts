import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => `${text.slice(s.start, s.end)}:${s.label}`);
}

// Regression: "Dakota Gasification Company" was half a surname, "Caillau SAS" a person, "Lincs Freight
// Ltd" only a town: a firm named with its legal form is an employer, a HOSPITAL whole.
describe('a firm named with its legal form', () => {
  it('is an employer, whole, without the sentence words before it', async () => {
    expect(await labelled('His employer (Dakota Gasification Company) needs a work note.')).toEqual(['Dakota Gasification Company:HOSPITAL']);
    expect(await labelled('He works at The Ford Motor Company plant.')).toEqual(['Ford Motor Company:HOSPITAL']);
    expect(await labelled('Grape picker with Sunraysia Harvest Co. since March 2020.')).toContain('Sunraysia Harvest Co.:HOSPITAL');
    expect(await labelled('Employeur : Caillau SAS', 'fr')).toEqual(['Caillau SAS:HOSPITAL']);
  });

  it('is not South Australia after a town, nor words of a heading in capitals', async () => {
    expect((await labelled('Lives at Morphett Vale SA 5162.')).some((s) => s.endsWith(':HOSPITAL'))).toBe(false);
    expect(await labelled('IL PERÇOIT LA VOIX DE SA MÈRE', 'fr')).toEqual([]);
  });
});
