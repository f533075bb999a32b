import { describe, expect, it } from 'vitest';
import { alignedTableSpans } from '../../src/anonymize/text/recognizers/aligned-table-columns.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (holdout45 miss class "printed lists lined up with blanks"): an INR round and an infusion-chair list
// printed from a clinical system part their cells with runs of blanks, not tabs or commas; their towns went out in
// clear and their surname/first-name cells were read as one name or as towns.
describe('tables lined up with blanks', () => {
  const round = [
    'Weekly INR round — week ending Fri 27 Nov 2026',
    '',
    'NHI      SURNAME        FIRST     DOB         TOWN        AGENT     TARGET  INR',
    'KSH4828  BRUNNER        Heinz     14/07/1941  Reefton     warfarin  2-3     2.4',
    'WBE3177  ODRISCOLL      Maeve     30/09/1948  Harihari    warfarin  2.5-3.5 2.9',
    '',
    'Queries to the pharmacist.',
  ].join('\n');

  it('reads each cell under its header', () => {
    const found = alignedTableSpans(makeDoc(round, 'en')).map((s) => `${s.label}:${round.slice(s.start, s.end)}`);
    for (const v of ['ID:KSH4828', 'PERSON:BRUNNER', 'PERSON:Heinz', 'CITY:Reefton', 'ID:WBE3177', 'PERSON:ODRISCOLL', 'PERSON:Maeve', 'CITY:Harihari']) expect(found).toContain(v);
    expect(found.some((f) => f.includes('warfarin') || f.includes('Queries'))).toBe(false);
  });

  it('keeps a surname cell and a first-name cell two names', async () => {
    const { spans } = await detect(round, { lang: 'en' });
    const names = spans.filter((s) => s.label === 'PERSON').map((s) => round.slice(s.start, s.end));
    expect(names).toEqual(expect.arrayContaining(['BRUNNER', 'Heinz', 'ODRISCOLL', 'Maeve']));
    expect(names.some((n) => /BRUNNER\s+Heinz/.test(n))).toBe(false);
  });

  it('reads a surname-comma-given cell and a town cell of a list with a time column', () => {
    const list = [
      'TIME  MRN        NAME                   DOB         TOWN          PRODUCT',
      '0830  NE0441829  CLARKSON, Heather May  12/07/1971  Walcha        ferric carboxymaltose',
      '0945  NE0298114  McALISTER, Ross        19/10/1946  Guyra         ferric carboxymaltose',
    ].join('\n');
    const found = alignedTableSpans(makeDoc(list, 'en')).map((s) => `${s.label}:${list.slice(s.start, s.end)}`);
    for (const v of ['ID:NE0441829', 'PERSON:CLARKSON, Heather May', 'CITY:Walcha', 'PERSON:McALISTER, Ross', 'CITY:Guyra']) expect(found).toContain(v);
  });

  it('reads no prose with doubled blanks as a table', () => {
    const prose = 'Seen today  with her daughter.  Town  hall  meeting  postponed.\nName  of  the  drug  unclear  on  the  box.';
    expect(alignedTableSpans(makeDoc(prose, 'en'))).toEqual([]);
  });
});
