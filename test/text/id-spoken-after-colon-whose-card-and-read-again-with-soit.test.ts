import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout51 miss class, also in holdout45, holdout48 and holdout49): a dictated identifier after its
// scheme's name and a colon ("National ID: six three, …"), after whose card it is ("Ghana Card of the father:",
// "Carte d'électeur du père :"), after "numéro d'identification national" or a scheme's acronym after it ("… nationale
// NINA un cinq huit …") was read as a phone; and its reading in digits after "soit", "donc" or "full number" took
// the phone's label or none.
describe('a dictated identifier after a colon or whose card it is, and its reading again', () => {
  it('is an identifier, and so is the same number read in digits', async () => {
    const en = await labelled('National ID: six three, two one zero four four seven one, F, zero seven, that is 63-2104471 F 07. Husband\'s phone: zero seven seven, three one four, five five six.');
    expect(en).toEqual(expect.arrayContaining(['ID:six three, two one zero four four seven one, F, zero seven', 'ID:63-2104471 F 07', 'PHONE:zero seven seven, three one four, five five six']));
    expect(await labelled('Ghana Card of the father: G H A, seven two one, zero four four, three nine eight, dash six, that is GHA-721044398-6.')).toContain(
      'ID:G H A, seven two one, zero four four, three nine eight, dash six',
    );
    const fr = await labelled("Carte d'électeur du père : zéro huit trois, quatre cent quinze, deux cent soixante-dix, huit, donc 0834152708. Téléphone du père : zéro huit un, cinq cent vingt.");
    expect(fr).toEqual(expect.arrayContaining(['ID:zéro huit trois, quatre cent quinze, deux cent soixante-dix, huit', 'ID:0834152708']));
    expect(fr.filter((f) => f.startsWith('PHONE:'))).toEqual(['PHONE:zéro huit un, cinq cent vingt']);
    expect(await labelled("Numéro d'identification national un zéro neuf, deux huit huit, zéro quatre un, trois sept, soit 109288041 37. Dossier suivant.")).toEqual(
      expect.arrayContaining(['ID:un zéro neuf, deux huit huit, zéro quatre un, trois sept', 'ID:109288041 37']),
    );
    expect(await labelled("Numéro d'identification nationale NINA un cinq huit, zéro deux, quatre un sept, six six neuf, zéro trois.")).toContain(
      'ID:un cinq huit, zéro deux, quatre un sept, six six neuf, zéro trois',
    );
  });

  it('keeps a phone after a colon a phone', async () => {
    const found = await labelled('Mobile: zero one seven one two, four four eight, three nine one. Mother works at the market.');
    expect(found).toContain('PHONE:zero one seven one two, four four eight, three nine one');
    expect(found.filter((f) => f.startsWith('ID:'))).toEqual([]);
  });
});
