import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (held-out false-positive class "names read inside HL7 v2 codes"): a title rule read
// "…^DR⏎DG1" as "Dr DG", and test names in OBR-4 / OBX-3 were taken for names. Coded fields and
// segment names hold no PHI; free-text fields (OBX-5, NTE) keep every span (fail closed).
describe('HL7 v2 coded fields and segment names are not PHI', () => {
  const message = [
    'MSH|^~\\&|LAB|NORTHFIELD_GH|EMR|EMR|20240301101500||ORU^R01|5521907|P|2.5',
    'PID|1||66120938^^^NORTHFIELD_GH^MR||ABERNATHY^COLM||19700214|M',
    'PV1|1|I|4W^402^A|||||2231907^RIGBY^ANNE^^^DR',
    'DG1|1||I21.4^Non-ST elevation myocardial infarction^I10',
    'OBR|1|ORD-7712||HBA^Hemoglobin Barlow Assay|||20240301094000',
    'OBX|1|ST|HBA^Hemoglobin Barlow Assay||Called to Dr Whitcombe at 10:20||||||F',
  ].join('\n');

  it('drops spans in segment names and coded fields', async () => {
    const { spans } = await detect(message, { lang: 'en' });
    const texts = spans.map((s) => message.slice(s.start, s.end));
    expect(texts.some((x) => /^DG$|Barlow|Non-ST/.test(x))).toBe(false);
  });

  it('keeps names in free-text observation values and the PHI fields', async () => {
    const { spans } = await detect(message, { lang: 'en' });
    const persons = spans.filter((s) => s.label === 'PERSON').map((s) => message.slice(s.start, s.end));
    expect(persons).toEqual(expect.arrayContaining(['ABERNATHY', 'COLM', 'RIGBY', 'ANNE', 'Whitcombe']));
  });
});
