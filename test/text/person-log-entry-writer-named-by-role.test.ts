import { describe, expect, it } from 'vitest';
import { logEntryWriterSpans } from '../../src/anonymize/text/recognizers/persons-log-writer.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

const found = (text: string, lang: 'en' | 'fr') => logEntryWriterSpans(makeDoc(text, lang)).map((s) => text.slice(s.start, s.end));

// Regression (holdout52 miss class, lowercase logs): the writer of a dated entry, named by role and surname and closed
// by a colon ("ven 27/11 22h10 sf lartigau : admission", "13/11 1400 orthotist jefferies: spica check"), is a surname
// no list holds, after roles the other rules do not read ("as", "sf", "hv", "kine"), and went out in clear.
describe("a log entry's writer named by role after the entry's date", () => {
  it('is a person, in English and French logs', () => {
    const en = '10/11/2026 new birth visit (day 22) - hv pryddoch: feeding well\n13/11 1400 orthotist quennell: cast check\n01/12/2026 email from liver cns abena owusu-kyei: discharge 04/12\n';
    expect(found(en, 'en')).toEqual(['pryddoch', 'quennell', 'abena owusu-kyei']);
    const fr = 'lun 16/11 12h30 as marcouly : repas non termine\nmer 18/11 10h00 kine brassac : bilan\n02/12 14h ide ferrandou : entree\n';
    expect(found(fr, 'fr')).toEqual(['marcouly', 'brassac', 'ferrandou']);
  });

  it('leaves ordinary words after a role, and a role word away from the line head, alone', () => {
    expect(found('09/11 1330 rn review: stable\n12/11 as follows: ok\n14/11 sw team: meeting\n', 'en')).toEqual([]);
    expect(found('patient seen; discussed with hv pryddoch: ok\n', 'en')).toEqual([]);
    expect(found('lun. 23 nov. 08:52 IDE HDJ : patiente appelée\n', 'fr')).toEqual([]);
  });
});
