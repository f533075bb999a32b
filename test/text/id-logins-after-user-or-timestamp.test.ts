import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PERSON').map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout7, holdout8, holdout9, holdout11 miss class): audit logs and incidents name people
// by their login ("user bolsen32", a row "2025-10-14T09:12:44;ajegou;…"), which was left as text.
// Regression (holdout42): a login made of a name is that person (the sets written since holdout33 mark it PERSON,
// and its surrogate is a name then); an opaque account stays an identifier, a service account is nobody.
describe('a login', () => {
  it('after a user keyword, or in the first cell after a row timestamp, is a person when made of a name', async () => {
    expect(await labelled('Flag: user kbergstrom (Kristin Bergstrom, registrar)')).toContain('PERSON:kbergstrom');
    expect(await labelled('2025-11-19T15:02:11Z  ICF opened  IP 174.52.218.9  user bolsen32\nnext')).toContain('PERSON:bolsen32');
    expect(await labelled('horodatage;login;nom\n2025-10-14T09:12:44;ajegou;JÉGOU Annick;secrétaire', 'fr')).toContain('PERSON:ajegou');
    expect(await labelled('2025-09-03 14:22:08 | dhalibal (Baljit Dhaliwal) | ward clerk')).toContain('PERSON:dhalibal');
  });

  it('an opaque account is an identifier', async () => {
    expect(await labelled('Flag: user u48213 opened the chart')).toEqual(['ID:u48213']);
  });

  it('a service account names nobody', async () => {
    expect(await labelled('2026-10-07 08:31:15 | labo_auto | interface laboratoire | résultat', 'fr')).toEqual([]);
    expect(await labelled('nightly job, user svc_backup, 312 rows')).toEqual([]);
  });

  it('an English word after "login", or an action in the first cell, is no login', async () => {
    expect(await labelled('Client portal last login from 83.24.117.90.')).toEqual([]);
    expect(await labelled('2025-10-14T09:13:02;consultation;dossier ouvert', 'fr')).toEqual([]);
  });
});
