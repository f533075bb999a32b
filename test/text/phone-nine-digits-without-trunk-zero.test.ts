import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'PHONE' || s.label === 'ID').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout49, read; holdout47 holds the same): Cameroon's, Luxembourg's and Senegal's nine-digit numbers
// have no trunk 0 ("677 41 82 90", "77 412 38 21"); with no phone word before them they were read as an identifier.
describe('nine digits grouped 3-2-2-2 or 2-3-2-2 without a trunk 0', () => {
  it('are a phone', async () => {
    expect(await labelled('Parents : Ndam Joseph (père, 677 41 82 90, commerçant) / Mefire Alice (mère, 699 25 10 43).')).toEqual(
      expect.arrayContaining(['PHONE:677 41 82 90', 'PHONE:699 25 10 43']),
    );
    expect(await labelled("Contact : le père, c'est-à-dire 77 412 38 21, ou l'oncle.")).toContain('PHONE:77 412 38 21');
  });

  it("stay an identifier after a file's word, and a longer number stays whole", async () => {
    expect(await labelled('Dossier 677 41 82 90.')).not.toContain('PHONE:677 41 82 90');
    expect(await labelled('NIR 1 677 41 82 90 12')).not.toContain('PHONE:677 41 82 90');
  });
});
