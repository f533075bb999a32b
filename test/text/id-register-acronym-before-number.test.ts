import { describe, expect, it } from 'vitest';
import { registryIdSpans } from '../../src/anonymize/text/recognizers/ids-registry.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (fifth rule round, ID recall class "a register's acronym before a number"): health,
// professional and national registers of many countries ("HRN 804412" style) had no keyword in the
// identifier rules and were missed. Invented acronyms and values.
const ids = (text: string) => registryIdSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));

describe('a register acronym labelling a number', () => {
  it('is read with a marker, a colon, a number word, an acronym in N or a grouped value', () => {
    expect(ids('Physio: Ann Lowe, QRB 02-55190, tel ext 4.')).toEqual(['02-55190']);
    expect(ids('Outliers: Mr Tan (KRN 730119) on ward 4.')).toEqual(['730119']);
    expect(ids('WFL ID: 5521907 on the team sheet.')).toEqual(['5521907']);
    expect(ids('ZBT No: 55/1209/24 on the card.')).toEqual(['55/1209/24']);
    expect(ids('QNIC (mother): 35120-7788123-4 on file.')).toEqual(['35120-7788123-4']);
    expect(ids('núm. CPSX 228190 al carnet.')).toEqual(['228190']);
  });

  it('is not read for measures, years, short unit codes or the head of one code', () => {
    expect(ids('PLT: 250000 /mm3, WBC 11500, CRP: 14500 mg/L.')).toEqual([]);
    expect(ids('ECOG 2 since 2019; QRB 2021.')).toEqual([]);
    expect(ids('UF : 4312 - Pavillon B; XYZ: 4417.')).toEqual([]);
    expect(ids('Protocol ONC-4471-301, site 112.')).toEqual([]);
  });
});
