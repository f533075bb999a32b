import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, label: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === label).map((s) => text.slice(s.start, s.end));
}

// Regression (holdout32..34, miss class "postcode and identifier columns of CSV exports"): a value's own
// comma left unquoted ("O. Zamora, NP") put a row out of step with its header, so none of its columns was
// read; a postcode column of four-digit codes (Australia, Belgium) and the headers "PC" and "FirstName"
// were not known.
describe('the columns of a CSV export', () => {
  it('are read in a row whose last cell holds an unquoted comma and a blank', async () => {
    const csv = '"CGM upload audit – exported 11/25/2026"\nMRN,Last,First,City,ZIP,Member ID,Provider\nVEA-200118,QUINTANILLA,Rosalba,Edinburg,78539,884120573,O. Zamora, NP\nVEA-200131,OKAFOR,Chidi,Pharr,78577,W771204938,H. Castañeda, MD';
    expect(await labelled(csv, 'ZIP')).toEqual(['78539', '78577']);
    expect(await labelled(csv, 'ID')).toEqual(expect.arrayContaining(['884120573', 'W771204938']));
  });

  it('take four-digit postcodes, under "Postcode" or "PC", and names under "FirstName"', async () => {
    const csv = 'UR,Surname,Given,Suburb,Postcode,Mobile\nN301122,KARAMANLIS,Despina,Shepparton,3630,0412 889 017\nN301190,WHITTAKER,Joel,Mooroopna,3629,0438 110 254';
    expect(await labelled(csv, 'ZIP')).toEqual(['3630', '3629']);
    const loans = 'LoanID,Surname,FirstName,DOB,Suburb,PC,Item\nLCE-60411,BARTOLO,Albert,02/08/1931,Sale,3850,walker\nLCE-60420,NGUYEN,Thi Lan,17/03/1948,Maffra,3860,bed stick';
    expect(await labelled(loans, 'ZIP')).toEqual(['3850', '3860']);
    expect(await labelled(loans, 'PERSON')).toEqual(expect.arrayContaining(['Albert', 'Thi Lan']));
  });

  // Regression (review of 42873f0): rows that put a blank after every comma were read as one cell once a
  // comma and a blank stayed in its cell, and their names went out in clear; the plain split comes first.
  it('are read in rows that put a blank after every comma', async () => {
    const csv = 'MRN,Patient,Ward\nQX4471, Brannagh Teale, 7B\nQX4490, Oisin Carrabine, 7B';
    expect(await labelled(csv, 'PERSON')).toEqual(['Brannagh Teale', 'Oisin Carrabine']);
  });

  it('leave a prose line with commas and blanks alone', async () => {
    expect(await labelled('Seen in clinic, ZIP code checked, postcode 3630 confirmed by phone, MRN noted.', 'ID')).toEqual([]);
  });
});
