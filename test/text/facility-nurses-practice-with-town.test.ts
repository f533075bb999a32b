import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const hospitals = async (text: string) =>
  (await detect(text, { lang: 'fr' })).spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));

// A nurses' or a specialty's practice named after its town was read as the town alone (18 of 19 such spans in the
// read sets are the practice, in full).
describe("a nurses' or a specialty's practice named after its town", () => {
  it('is the practice, the town inside it', async () => {
    expect(await hospitals('Préleveur : IDE Maryline Roussel, cabinet infirmier de Varennes\n')).toEqual(['cabinet infirmier de Varennes']);
    expect(await hospitals('IRM (cabinet de radiologie de Nyons, 04/11/2026) : ventriculomégalie.')).toEqual(['cabinet de radiologie de Nyons']);
  });

  it('leaves a site named by its town to the town', async () => {
    expect(await hospitals('Centre hospitalier de Cornouaille – site de Concarneau\n')).not.toContain('site de Concarneau');
  });
});
