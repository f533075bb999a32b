import { describe, expect, it } from 'vitest';
import { tableColumnIds } from '../../src/anonymize/text/recognizers/id-columns.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

function found(text: string): string[] {
  return tableColumnIds(makeDoc(text, 'auto')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout45 miss class "export columns the header reader did not know"): who reviewed a request, an
// implant's serial number, a town column named by two kinds ("suburb_town"), a Belgian NISS, a parent's telephone,
// a child's name and where a patient lives ("Home") all name what their cells hold.
describe('table columns: reviewers, serials, two-kind towns', () => {
  it('reads a reviewer login and a suburb_town cell', () => {
    const text = '"pa_request_id","member_last","suburb_town","status","reviewer"\n"IV-26-08812","HARTLEY","Prairie City","APPROVED","rnguyen"\n"IV-26-08819","STUBBLEFIELD","John Day","PENDED","mfoster"\n';
    const f = found(text);
    for (const v of ['PERSON:HARTLEY', 'CITY:Prairie City', 'PERSON:rnguyen', 'CITY:John Day', 'PERSON:mfoster']) expect(f).toContain(v);
    expect(f.some((x) => x.endsWith(':APPROVED') || x.endsWith(':PENDED'))).toBe(false);
  });

  it('reads implant serials, NISS numbers and a parent telephone', () => {
    const text = 'id_alerte;nom;niss;num_serie;tel_parent;dispositif\nA-26-4471;FOURNIÉ;51.07.03-015.06;RLA214583S;06 72 44 18 05;Holter implantable\nA-26-4479;MARCADIER;60.03.28-225.18;PJN663018R;05 45 98 33 17;pacemaker DDD\n';
    const f = found(text);
    for (const v of ['ID:51.07.03-015.06', 'ID:RLA214583S', 'PHONE:06 72 44 18 05', 'ID:PJN663018R', 'PHONE:05 45 98 33 17']) expect(f).toContain(v);
  });

  it('reads a child column, a home column and strips a credential from a name cell', () => {
    const text = 'Child\tParent\tHome\tVaccinator\nKirra Dunn\tJess Dunn\tWhangārei\tA. Cota, RPh\n';
    const f = found(text);
    for (const v of ['PERSON:Kirra Dunn', 'PERSON:Jess Dunn', 'CITY:Whangārei', 'PERSON:A. Cota']) expect(f).toContain(v);
  });
});
