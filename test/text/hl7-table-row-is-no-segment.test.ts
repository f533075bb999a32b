import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Spans inside an HL7 message's segment names and coded fields are dropped. A pipe-table row in
// the same note that opens with three capitals ("NGO|Thi Lan|12") is no segment: its surname stays
// found (it went out in clear when any "XXX|" line counted as a segment).
describe('an HL7 message next to a pipe table', () => {
  it('keeps the surname that opens a table row', async () => {
    const text = 'MSH|^~\\&|LAB|CHU_REIMS|||20250304141022||ORU^R01|123|P|2.5\nPID|1||123456^^^CHU_REIMS^MRN||DUPONT^JEAN\n\nNom|Prénom|Chambre\nNGO|Thi Lan|12';
    const { spans } = await detect(text, { lang: 'fr' });
    const persons = spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
    expect(persons).toContain('NGO');
    expect(persons).toContain('Thi Lan');
    expect(persons).toContain('DUPONT');
  });
});
