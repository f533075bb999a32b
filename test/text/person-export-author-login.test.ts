import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'PERSON' || s.label === 'ID').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout33..36, miss class "the author of an export named by login"): a CSV export's header
// says who made it ("exported 24/11/2026 by lmcinnes from 10.142.7.23", "généré par cvandamme depuis …",
// "opérateur mschwartzmann — poste …"); the login went out in clear. The sets mark that author a person.
describe('the author of an export, named by login', () => {
  it('is a person, in English and in French', async () => {
    expect(await found('# exported 24/11/2026 by kdrummond from 10.142.7.23\nUR,Surname')).toEqual(['PERSON:kdrummond']);
    expect(await found('liste_20261123.csv — généré par jvanhove depuis 192.168.12.40\nnom;prenom')).toEqual(['PERSON:jvanhove']);
    expect(await found('suivi_2026-11.csv ; opérateur pmarchetti — poste 10.41.7.112\ndate;heure')).toEqual(['PERSON:pmarchetti']);
  });

  it('leaves ordinary words and capitalised names to the other rules', async () => {
    expect(await found('Report exported by the system on 12/11.')).toEqual([]);
    expect(await found('Letter printed by Dr Okafor on the ward.')).toEqual(['PERSON:Okafor']);
  });
});
