import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (held-out miss class "HL7 v2 messages in exports"): timestamps were read as bare
// identifiers and "^"-glued names, addresses and the sending facility were not read at all. The
// segment and field position say what each value is.
describe('HL7 v2 segments are read by field position', () => {
  const message = [
    'MSH|^~\\&|CERNER|STMARYS_GH|LAB|LIS|20240611083005||ADT^A01|77120394|P|2.4',
    'EVN|A01|20240611083005',
    'PID|1||99817263^^^STMARYS_GH^MR||OYELARAN^BUKOLA^A||19530922|F|||14 HARBOUR VIEW RD^^WHITBY^^YO21 3PU^GBR||01947 602231',
    'NK1|1|OYELARAN^TUNDE|SON||07700 900417',
    'PV1|1|I|W3^12^B|||||4410982^FENWICK^GILES^^^DR',
    'OBR|1|ORD-55120||FBC^Full blood count|||20240611090000',
  ].join('\n');

  it('labels names, dates, identifiers, the facility and the address by their field', async () => {
    const { spans } = await detect(message, { lang: 'en' });
    const got = new Set(spans.map((s) => `${s.label}:${message.slice(s.start, s.end)}`));
    for (const want of [
      'HOSPITAL:STMARYS_GH',
      'DATE:20240611083005',
      'ID:77120394',
      'ID:99817263',
      'PERSON:OYELARAN',
      'PERSON:BUKOLA',
      'DATE:19530922',
      'ADDRESS:14 HARBOUR VIEW RD',
      'CITY:WHITBY',
      'PHONE:01947 602231',
      'PERSON:TUNDE',
      'ID:4410982',
      'PERSON:FENWICK',
      'PERSON:GILES',
      'ID:ORD-55120',
      'DATE:20240611090000',
    ]) {
      expect(got, want).toContain(want);
    }
  });

  it('leaves codes and coded values alone (message type, assigning-authority codes, test names)', async () => {
    const { spans } = await detect(message, { lang: 'en' });
    const covered = (word: string) => spans.some((s) => message.slice(s.start, s.end).includes(word));
    for (const code of ['ADT', 'CERNER', 'Full blood count', 'GBR']) expect(covered(code), code).toBe(false);
  });

  it('reads nothing in a note that only uses pipes as table separators', async () => {
    const text = 'Drug | Dose | Route\nPIDOGREL | 75 mg | PO';
    const { spans } = await detect(text, { lang: 'en' });
    expect(spans.filter((s) => s.source === 'hl7')).toEqual([]);
  });
});
