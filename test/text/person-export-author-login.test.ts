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

// Regression (holdout37, read): who entered or commented a note or an export is named by login as well ("saisie
// par c.jacquot", "# NB nmarsaud : …", "(export agirod, IP …)"), and a login of an initial and a surname
// ("(k.drummond)", "- l.macintyre") heads nurses' notes.
describe('the author of a note or of a comment in an export, named by login', () => {
  it('is a person after "entered by", "saisie par", "export" and in a "# note" comment', async () => {
    expect(await found('inr home visits - entered by s.griffiths\nmon 23 nov')).toEqual(['PERSON:s.griffiths']);
    expect(await found('perf natalizumab - saisie par c.jacquot')).toEqual(['PERSON:c.jacquot']);
    expect(await found('suivi.csv (export agirod, IP 10.73.128.15)')).toEqual(['PERSON:agirod']);
    expect(await found('# NB nmarsaud : vérifier le lot')).toEqual(['PERSON:nmarsaud']);
  });

  it('is a person as an initial, a dot and a surname; not a species, a file or an ordinary word', async () => {
    expect(await found('fatigue mgmt home visits - l.macintyre')).toEqual(['PERSON:l.macintyre']);
    expect(await found('e.coli and s.aureus in culture; see x.csv and p.m. doses')).toEqual([]);
  });
});
