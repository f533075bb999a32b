import { describe, expect, it } from 'vitest';
import { isDrugName } from '../../src/anonymize/text/drugs.js';

// The drug veto drops model spans that are drug names. An INN stem alone also ends surnames no name
// list knows ("Bertolone", "Lacaine"): fail closed, a capitalised stem-only word is no drug; the
// gazetteer's brands and a generic written in lower case still are.
describe('drug veto keeps capitalised surnames that end in an INN stem', () => {
  it('a capitalised word known only by its stem is no drug', () => {
    for (const name of ['Bertolone', 'Lacaine', 'Pellegrel', 'Marsolone']) expect(isDrugName(name), name).toBe(false);
  });

  it('generics in lower case and listed brands still are', () => {
    for (const drug of ['paliperidone', 'prednisolone', 'clopidogrel', 'lidocaine']) expect(isDrugName(drug), drug).toBe(true);
    expect(isDrugName('Lipitor')).toBe(true);
  });
});
