import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "an EDIFACT medical report pasted into a note"): a registry's MEDRPT interchange left every
// birth date (DTM+329:19560214:102, read as an identifier), every town and surname between "+" and ":" signs, and
// the sending services' code names in clear; the model read "UNA" and "MEDRPT:D:96A:UN" as names.
describe('UN/EDIFACT interchanges read by segment and element', () => {
  const interchange = [
    "UNA:+.? '",
    "UNB+UNOC:3+WESTFIFERESP:ZZ+NHSFIFEGEN:ZZ+261201:0715+RGX0007'",
    "UNH+1+MEDRPT:D:96A:UN'",
    "DTM+137:20261201:102'",
    "NAD+MS++Fife Chest Service+Balgonie Wing+Kirkcaldy++KY2 5AH'",
    "COM+01592 643 355:TE'",
    "PNA+PAT+++SU:DALGLEISH+FO:Morag+TI:MRS'",
    "DTM+329:19480322:102'",
    "NAD+PAT++++7 Kirk Wynd+Falkland++KY15 7BL'",
    "PNA+PAT++HALDANE:Euan'",
    "NAD+PAT++++Ceres++KY15 5NB'",
    "FTX+AAI+++PI*ZZ:never smoker'",
    "UNT+12+1'",
  ].join('\n');

  it('labels dates, the patient, the address, the services and the phone by position', async () => {
    const out = await labelled(interchange);
    expect(out).toEqual(expect.arrayContaining([
      'HOSPITAL WESTFIFERESP', 'HOSPITAL NHSFIFEGEN', 'DATE 261201', 'DATE 20261201', 'HOSPITAL Fife Chest Service',
      'HOSPITAL Balgonie Wing', 'CITY Kirkcaldy', 'PHONE 01592 643 355', 'PERSON DALGLEISH', 'PERSON Morag', 'DATE 19480322',
      'ADDRESS 7 Kirk Wynd', 'CITY Falkland', 'ZIP KY15 7BL', 'PERSON HALDANE', 'PERSON Euan', 'CITY Ceres', 'ZIP KY15 5NB',
    ]));
    expect(out).not.toContain('PERSON MRS');
    expect(out.filter((s) => /UNA|UNH|MEDRPT|UN\b/u.test(s))).toEqual([]);
  });

  it('reads nothing as a segment without an interchange or message header', async () => {
    const out = await labelled("Plan: NAD+PAT review, see DTM+329 notes'");
    expect(out.filter((s) => s.startsWith('CITY') || s.startsWith('DATE'))).toEqual([]);
  });
});
