import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "a dictated number whose code letters are written as a word"): "Hospital number RDH stroke two
// six stroke one four four seven" and "Dossier CARDIO deux six barre huit huit zéro" left the number in clear, as did
// one after "accession" or "patient file": the spoken-number rule read single spelled letters only, after a list of
// identifier words that lacked these two.
describe('a dictated identifier with its code letters', () => {
  it('reads the number after a code written in capitals', async () => {
    expect(await ids('Hospital number KCH stroke two six stroke one four four seven. Next of kin his daughter.', 'en')).toContain('KCH stroke two six stroke one four four seven');
    expect(await ids('Dossier PNEUMO deux six barre huit huit zéro. Hospitalisé le neuf.', 'fr')).toContain('PNEUMO deux six barre huit huit zéro');
  });

  it('reads the number after "accession" and "patient file"', async () => {
    expect(await ids('Lab, accession L M H dash two six dash nine nine one four. Start.', 'en')).toContain('L M H dash two six dash nine nine one four');
  });

  it('leaves lowercase words before digits alone', async () => {
    expect(await ids('Dossier revu avec deux six huit huit zéro.', 'fr')).not.toContain('revu avec deux six huit huit zéro');
  });
});
