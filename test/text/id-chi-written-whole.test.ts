import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelOf(text: string, part: string, lang: 'en' | 'fr' = 'en'): Promise<string | undefined> {
  const { spans } = await detect(text, { lang });
  const at = text.indexOf(part);
  return spans.find((s) => s.start <= at && s.end >= at + part.length)?.label;
}

// Regression (holdout42 miss class): a Scottish ward's whiteboard lists each patient's CHI number written whole and
// unnamed ("Bed 1  Flora MacKinnon 0304311561  95"); one opening on 0 was taken for a French phone. Its first six
// digits are a birth date and its last the mod-11 check. Every number here is invented and passes (or fails) both.
describe('a CHI number written whole', () => {
  it('is an identifier in English text, not a phone', async () => {
    expect(await labelOf('Bed 1  Morag Lindsay 0304311561  FLU A +  tamiflu d4', '0304311561')).toBe('ID');
  });
  it('a ten-digit number whose first six digits are no date stays what it was', async () => {
    expect(await labelOf('Bed 1  Morag Lindsay 0345311561  FLU A +', '0345311561')).not.toBe('ID');
  });
  it('in French text, ten digits opening on 0 stay a phone', async () => {
    expect(await labelOf('Appeler la fille au 0304311561 ce soir.', '0304311561', 'fr')).toBe('PHONE');
  });
});
