import { describe, expect, it } from 'vitest';
import { tableColumnIds } from '../../src/anonymize/text/recognizers/id-columns.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (miss class "export columns whose header names whose value it is", holdout43): "worker_last",
// "ssn_last4", "employer_city" are a name's, an identifier's and a town's columns, as "last", "last4" and "city" are.
describe('CSV headers with a qualifier', () => {
  it('reads the qualified columns by their kind', () => {
    const text = 'claim_no,worker_last,worker_first,dob,ssn_last4,employer_city,body_part\nWC-26-5501,Hartigan,Lorne,1974-03-02,5127,Casper,lumbar\nWC-26-5502,Quist,Della,1981-11-19,0384,Gillette,cervical\n';
    const doc = makeDoc(text, 'en');
    const found = tableColumnIds(doc).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
    for (const v of ['PERSON:Hartigan', 'PERSON:Lorne', 'ID:5127', 'CITY:Casper', 'PERSON:Quist', 'ID:0384', 'CITY:Gillette']) expect(found).toContain(v);
    expect(found.some((f) => f.endsWith(':lumbar') || f.endsWith(':cervical'))).toBe(false);
  });

  // Regression (holdout44 miss class): "patient_surname", "patient_given", "prenom_mere" name their columns as
  // "surname", "given" and "prénom" do; the ordinary-word surnames of such a column ("HOBBS", "BIRCH") went out in clear.
  it('reads a qualified surname or given-name column', () => {
    const text = '"pharmacy","pharmacist","patient_surname","patient_given","dob"\n"Malanda Pharmacy","Sue Ellen O\'Brien","HOBBS","Kirra","2003-01-17"\n"Yungaburra Pharmacy","Grace Tan","BIRCH","Ella-Rose","2005-04-30"\n';
    const doc = makeDoc(text, 'en');
    const found = tableColumnIds(doc).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
    for (const v of ['PERSON:HOBBS', 'PERSON:Kirra', 'PERSON:BIRCH', 'PERSON:Ella-Rose']) expect(found).toContain(v);
  });
});
