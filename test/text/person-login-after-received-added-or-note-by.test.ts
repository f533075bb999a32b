import { describe, expect, it } from 'vitest';
import { loginIdSpans } from '../../src/anonymize/text/recognizers/ids-logins.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (holdout44 miss class): the login of who received, added or noted an entry ("received 25/11/26 by
// clm_dbyrne;", "addendum added … by foconchuir:", "NOTE by cmw.odonoghue (…)") went out in clear.
describe('a login after received / added / note by', () => {
  it('is a person', () => {
    const text = 'Office use: received 25/11/26 by clm_dbyrne; invoices attached.\naddendum added 30-Nov-2026 11:47 by foconchuir:\n[Thu 19 Nov 2026 20:48] NOTE by cmw.odonoghue (RM): call\nFiche saisie par sgt.grondinpayet le 30/11/2026.';
    const found = loginIdSpans(makeDoc(text, 'en')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
    expect(found).toEqual(['PERSON:clm_dbyrne', 'PERSON:foconchuir', 'PERSON:cmw.odonoghue', 'PERSON:sgt.grondinpayet']);
  });

  it('leaves ordinary words after "by"', () => {
    const text = 'Note added by pharmacy; reviewed by the team.';
    expect(loginIdSpans(makeDoc(text, 'en'))).toEqual([]);
  });
});
