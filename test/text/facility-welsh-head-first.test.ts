import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const hospitals = async (text: string) =>
  (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));

// Welsh care places put their kind first ("Ysbyty", "Meddygfa", "Canolfan Iechyd"): they were read as a person, a
// town or an address, or left in clear (31 of 31 such names in the read sets are facilities).
describe('a Welsh care place, its kind first', () => {
  it('is the facility, in capitals or in lowercase', async () => {
    expect(await hospitals('GP: Dr Catrin Huws, Meddygfa Cemaes, Cemaes LL67 0NG\n')).toEqual(['Meddygfa Cemaes']);
    expect(await hospitals('Dr Gwenllian Prys\nCanolfan Iechyd Aberhonddu\nCerrigcochion Road, Brecon LD3 7NS\n')).toEqual(['Canolfan Iechyd Aberhonddu']);
    expect(await hospitals('rm 2 jade gittins 22 (ptsd after traumatic birth at ysbyty glan clwyd) + baby\n')).toEqual(['ysbyty glan clwyd']);
  });

  it('ends the name before an English word', async () => {
    expect(await hospitals('Admitted: Tuesday 10 November 2026 (via Ysbyty Cefni minor injuries)\n')).toEqual(['Ysbyty Cefni']);
  });
});
