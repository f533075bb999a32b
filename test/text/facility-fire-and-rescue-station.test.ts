import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const hospitals = async (text: string) =>
  (await detect(text, { lang: 'fr' })).spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));

// A fire and rescue station carries patients and is named after its town ("CIS Mirepoix"): the town alone was read.
describe('a fire and rescue station (CIS)', () => {
  it('is a facility, its town inside its name', async () => {
    expect(await hospitals('engagement SMUR + VSAV CIS Mirepoix ; délai estimé 25 min.')).toContain('CIS Mirepoix');
    expect(await hospitals('VSAV du CIS Saint-Leu – intervention n° 26-974-118803')).toContain('CIS Saint-Leu');
  });

  it('leaves a carcinoma in situ alone', async () => {
    expect(await hospitals('CIS vésical de haut grade, BCG intravésical.')).toEqual([]);
  });
});
