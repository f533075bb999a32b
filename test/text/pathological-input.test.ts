import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

/**
 * Regression guard for regex backtracking (ReDoS): long runs of the characters the recognizers
 * repeat (spaces, hyphens, capitals, digits, dots, '@', titles …) must take linear time. Each case
 * is ~40 k characters; quadratic behaviour took minutes before the quantifiers were bounded.
 */
const CASES: Record<string, string> = {
  spaces: ' '.repeat(40_000),
  hyphens: '-'.repeat(40_000),
  'capital-hyphen': 'A-'.repeat(20_000),
  'saint-saint': 'Saint-'.repeat(7_000),
  capitals: 'Aaaa '.repeat(8_000),
  digits: '1 '.repeat(20_000),
  dots: 'a.'.repeat(20_000),
  ats: 'a.b@'.repeat(10_000),
  titles: 'Dr '.repeat(13_000),
  'comma-names': 'Dupont, '.repeat(5_000),
  tabs: 'a\t'.repeat(20_000),
  slashes: '1/2/'.repeat(10_000),
  // every line break between digits is rejoined and looked at again (wrapped.ts)
  'digit-lines': '12.\n'.repeat(10_000),
  'name-lines': 'Centre de\n'.repeat(4_000),
  // the second generalisation round's recognizers: letter digits, dictated digits, CSV cells, flats,
  // role labels, "on … st", employers
  'letter-digits': '1O '.repeat(13_000),
  'spoken-digits': 'one '.repeat(10_000),
  'csv-cells': 'a,b,'.repeat(10_000),
  flats: 'Flat 1, '.repeat(5_000),
  'role-labels': 'as : '.repeat(8_000),
  'on-street': 'on elm '.repeat(6_000),
  employers: 'works at Acme '.repeat(3_000),
  'hyphen-lines': 'Hospi-\ntal '.repeat(4_000),
  'spoken-dates': 'march twenty '.repeat(4_000),
  'inverted-lines': 'Smith, John\n'.repeat(4_000),
  'pt-names': 'pt anna '.repeat(6_000),
  'city-fields': 'Ville : Brest '.repeat(3_000),
  // the third generalisation round: HL7 v2 segments, towns before postcodes
  'hl7-segments': 'PID|1||^^^^|A^B~'.repeat(3_000),
  'town-postcodes': 'Aaa Bbb SW1A 1AA '.repeat(3_000),
  'job-chez': 'comme aide chez '.repeat(3_000),
  'field-practices': 'Acme Zorb Neurology '.repeat(2_500),
  'initial-upper': 'A. BCDE '.repeat(5_000),
  'spoken-doctor': 'doctor abcz '.repeat(3_500),
  'hl7-lines': 'MSH|^~\\&|\nOBX|1|2|3\n'.repeat(2_000),
  // the fourth round: Australian state postcodes, structured exports, chat speakers, department headings
  'au-postcodes': 'Aaa Bbb VIC 3000 '.repeat(2_500),
  'json-places': '"city":"a'.repeat(4_000),
  'xml-places': '<city>Aa</city>'.repeat(2_500),
  'chat-speakers': '[01/02/2025 10:00] Aaa Bbb Ccc (x): \n'.repeat(1_000),
  'unit-headings': 'UNITÉ DE LA MÉDECINE '.repeat(2_000),
  'job-shapes': 'soudeusesoudeuse chez '.repeat(2_000),
  'works-as': 'works as a b c d at '.repeat(2_000),
  nicknames: 'Aaa "Bbb" ("Ccc") dit « '.repeat(2_000),
  // the format rules read from the number or the month, then look back: an age cue, a weekday
  'age-cues': 'age : 95 is\t'.repeat(3_500),
  'weekday-dates': 'lundi, \t12 mars Tue. June 5 '.repeat(1_500),
  // an age after a room in brackets ("(rm 4, 93)"): its look-behind once ran back over every blank from every position
  'room-age-blanks': `(rm 4,${' '.repeat(40_000)}93)`,
  // a home told by its landmarks: each landmark of a long line with no separator once looked back and ahead over it all;
  // a postcode after a house number: its look-behind once ran back over every blank from every position. Twice the
  // usual length, so that the quadratic cost (2–3 s at 40 k characters) would cross the limit.
  'landmark-line': 'near the church '.repeat(5_000),
  'postcode-blanks': `Rue 7, 1234 Abc ,${' '.repeat(80_000)}x`,
};

describe('pathological input takes linear time', () => {
  it.each(Object.entries(CASES))('%s', async (_name, text) => {
    const t0 = performance.now();
    await detect(text, { lang: 'auto' });
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
