import { describe, expect, it } from 'vitest';
import { placesInFileNameSpans } from '../../src/anonymize/text/recognizers/places-in-file-names.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (holdout44 miss class): an export's file name names its facility by its kind ("maternite_du_bugey",
// "pharmacie_de_la_claise", "HAD_noirmoutier"), and the facility went out in clear.
describe('a facility named by its kind in a file name', () => {
  const found = (text: string) => placesInFileNameSpans(makeDoc(text, 'fr')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);

  it('is a facility up to the date', () => {
    expect(found('export_consult_HTA_grossesse_maternite_du_bugey_20261127.csv')).toEqual(['HOSPITAL:maternite_du_bugey']);
    expect(found('export_dispensations_anticoagulants_pharmacie_de_la_claise_2026-11.csv')).toEqual(['HOSPITAL:pharmacie_de_la_claise']);
    expect(found('export_surveillance_IUAS_HAD_noirmoutier_2026-11-27.csv')).toEqual(['HOSPITAL:HAD_noirmoutier']);
  });

  it('leaves the English "had" a verb', () => {
    expect(found('pts_had_surgery_2026.csv')).toEqual([]);
  });
});
