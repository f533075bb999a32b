import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function places(text: string, lang: 'fr' | 'en' = 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL' || s.label === 'CITY').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (holdout31..36, read: 19 places in clear): an export's file name joins its words by underscores,
// so no rule saw the facility or the town inside it ("export_naissances_ch_morlaix_20261123.csv").
describe('a place in an export file name', () => {
  it('is a facility from its head word to the date', async () => {
    expect(await places('# export_naissances_ch_morlaix_20261123.csv (poste 12)')).toEqual(['HOSPITAL ch_morlaix']);
    expect(await places('delivrances_facteurs_pui_ch_saint_jean_d_angely_2026-11.csv ; extrait')).toEqual(['HOSPITAL pui_ch_saint_jean_d_angely']);
    expect(await places('# suivi_residents_mas_le_perche_2026-11.csv – pesées')).toEqual(['HOSPITAL mas_le_perche']);
  });

  it('is a town when a list knows the last words before the date', async () => {
    expect(await places('ris_export_atherton_2026-11-24.csv\ndate,time,nhi', 'en')).toEqual(['CITY atherton']);
    expect(await places('export_livraisons_npad_tonnerre_2026-11-27.csv')).toEqual(['CITY tonnerre']);
  });

  it('not an ordinary word, a head word alone, or a name with no underscore', async () => {
    expect(await places('Attached: patient_list_20261127.csv', 'en')).toEqual([]);
    expect(await places('export_depistage_hors_les_murs.csv')).toEqual([]);
    expect(await places('export_urgences_ch_20261123.csv')).toEqual([]);
    expect(await places('see registre-morlaix.csv')).toEqual([]);
  });
});
