import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const ages = async (text: string, lang: 'en' | 'fr' | 'auto' = 'auto') =>
  (await detect(text, { lang })).spans.filter((s) => s.label === 'AGE').map((s) => text.slice(s.start, s.end));

// Ages over 89 identify (HIPAA Safe Harbor); these forms were left in clear across the read sets.
describe('an age over 89 after "at", "now", "so", between dashes, in a CSV cell, after "ÂGE"', () => {
  it('reads the age after "at", "now" or "so" closed as a clause is', async () => {
    expect(await ages('His son feels the restriction is "cruel" at 92. He would like to speak with you.', 'en')).toEqual(['92']);
    expect(await ages('A faint is most often reflex, but at 93 with blood pressure pills we should look further.', 'en')).toEqual(['93']);
    expect(await ages('Her aunt had endometrial cancer at 51 and is now 96; her brother had colon cancer.', 'en')).toEqual(['96']);
    expect(await ages('My mother, born 2 May 1934, so 92, was visited on Saturday.', 'en')).toEqual(['92']);
  });

  it('leaves a measure after "at" alone', async () => {
    expect(await ages('Sats at 92, on 2 L oxygen. Heart rate settled at 95 and he is comfortable.', 'en')).toEqual([]);
  });

  it('reads the age between dashes after a name, in a CSV cell and after an "ÂGE" field', async () => {
    expect(await ages('Subject: Mrs Phyllis Greenaway – 91 – falls, please see Monday', 'en')).toEqual(['91']);
    expect(await ages('4382,O\'ROURKE,Siobhan,1936-04-04,Matlock,skin SCC R parotid,90 yo - palliative RT,Grace Olufemi\n', 'en')).toEqual(['90']);
    expect(await ages('DATE DE NAISSANCE : 09.10.1936  ÂGE : 90\nN° AVS : 756.4189.2736.60', 'fr')).toEqual(['90']);
    expect(await ages('PT: LINDQUIST, HAROLD E.   DOB 02/27/1936 (90 Y)   MRN ED10473381', 'en')).toEqual(['90']);
  });

  it('reads the age between commas after a bracket that closes a nickname or a maiden name', async () => {
    expect(await ages('1040 - mr pidgeon kenneth ("ken"), 90, lives alone goodooga.', 'en')).toEqual(['90']);
    expect(await ages('paternal aunt Bríd Hernon (née Ó Conghaile), 90, alive, in a nursing home', 'en')).toEqual(['90']);
  });

  it('leaves a decimal before a unit of years alone', async () => {
    expect(await ages('Durée moyenne 1,95 ans dans ce groupe.', 'fr')).toEqual([]);
  });
});
