import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import type { Doc, Span } from '../../src/anonymize/text/types.js';

// Regression (fifth rule round, fail-open drop): a span that touched an HL7 v2 coded field or segment
// name was dropped whole, so a name the model ran on into the next segment ("Whitcombe⏎DG1") leaked.
// Its part outside the codes is kept; a span wholly inside a code is still dropped.
describe('a span running from free text into an HL7 coded range', () => {
  const message = [
    'MSH|^~\\&|LAB|NORTHFIELD_GH|EMR|EMR|20240301101500||ORU^R01|5521907|P|2.5',
    'PID|1||66120938^^^NORTHFIELD_GH^MR||ABERNATHY^COLM||19700214|M',
    'NTE|1||Result phoned through, read back by Whitcombe',
    'DG1|1||I21.4^Non-ST elevation myocardial infarction^I10',
  ].join('\n');
  // A model that reads the end of the note line and the next segment name as one person.
  const model = async (doc: Doc): Promise<Span[]> => {
    const start = doc.text.indexOf('Whitcombe');
    const inside = doc.text.indexOf('Non-ST');
    return [
      { start, end: doc.text.indexOf('|', start), label: 'PERSON', score: 0.97, priority: 40, source: 'ner' },
      { start: inside, end: inside + 'Non-ST elevation'.length, label: 'PERSON', score: 0.97, priority: 40, source: 'ner' },
    ];
  };

  it('keeps the name outside the code', async () => {
    const { spans } = await detect(message, { lang: 'en', model });
    const persons = spans.filter((s) => s.label === 'PERSON').map((s) => message.slice(s.start, s.end));
    expect(persons).toContain('Whitcombe');
  });

  it('drops what lies wholly inside a coded field', async () => {
    const { spans } = await detect(message, { lang: 'en', model });
    expect(spans.some((s) => /Non-ST|elevation|^DG$/.test(message.slice(s.start, s.end)))).toBe(false);
  });
});
