import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout7, holdout8, holdout9, holdout11 miss class): audit logs and incidents name people
// by their login ("user bolsen32", a row "2025-10-14T09:12:44;ajegou;…"), which was left as text.
describe('a login', () => {
  it('after a user keyword, or in the first cell after a row timestamp', async () => {
    expect(await ids('Flag: user kbergstrom (Kristin Bergstrom, registrar)')).toEqual(['kbergstrom']);
    expect(await ids('2025-11-19T15:02:11Z  ICF opened  IP 174.52.218.9  user bolsen32\nnext')).toContain('bolsen32');
    expect(await ids('horodatage;login;nom\n2025-10-14T09:12:44;ajegou;JÉGOU Annick;secrétaire', 'fr')).toEqual(['ajegou']);
    expect(await ids('2025-09-03 14:22:08 | dhalibal (Baljit Dhaliwal) | ward clerk')).toEqual(['dhalibal']);
  });

  it('an English word after "login", or an action in the first cell, is no login', async () => {
    expect(await ids('Client portal last login from 83.24.117.90.')).toEqual([]);
    expect(await ids('2025-10-14T09:13:02;consultation;dossier ouvert', 'fr')).toEqual([]);
  });
});
