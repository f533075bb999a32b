import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout40 miss class): exports head their name columns "last" / "first" or "pt_last" /
// "pt_first", their prescriber's number "prescriber_npi", a vaccine's batch "lot", a register's number
// "Register no."; none was read as a column, so names glued by commas were taken as one span or missed,
// and bare numbers and lot codes went out in clear. A "Phone" column's 8-digit numbers were called identifiers.
describe('table columns named last, first, lot, NPI, register number and phone', () => {
  it('reads the cells of a quoted CSV by their header', async () => {
    const csv = [
      '"mrn","pt_last","pt_first","dob","city","lot","prescriber_npi"',
      '"CRMC-0050116","Yazzie","Tyler","2011-09-03","Willcox","7P24Z","1140528377"',
      '"CRMC-0051502","Brannigan","Shea","1998-04-07","Tombstone","8K01X","1728390463"',
    ].join('\n');
    const found = await labelled(csv);
    expect(found).toEqual(expect.arrayContaining(['PERSON:Yazzie', 'PERSON:Tyler', 'PERSON:Brannigan', 'PERSON:Shea', 'ID:7P24Z', 'ID:8K01X', 'ID:1140528377', 'ID:1728390463']));
  });

  it('splits an unquoted export\'s surname and first name at the comma', async () => {
    const csv = ['MRN,Last,First,DOB,Unit', 'VEA-100533,ADEBOLA-LEWIS,Darnell,1971-02-03,4W'].join('\n');
    const found = await labelled(csv);
    expect(found).toEqual(expect.arrayContaining(['PERSON:ADEBOLA-LEWIS', 'PERSON:Darnell']));
  });

  it('takes a register number and a phone column', async () => {
    const table = [
      '| # | Herder | Register no. | DOB | Phone |',
      '|---|---|---|---|---|',
      '| 1 | Ganbold Tserenpuntsag | АР72031519 | 1972-03-15 | 9123 4470 |',
      '| 2 | Bat-Ochir Narantuya | ХӨ09071401 | 1985-11-08 | 6177 0923 |',
    ].join('\n');
    const found = await labelled(table);
    expect(found).toEqual(expect.arrayContaining(['ID:АР72031519', 'ID:ХӨ09071401', 'PHONE:9123 4470', 'PHONE:6177 0923']));
  });

  it('reads a French lot column', async () => {
    const csv = ['Nom;Prénom;Né(e);Commune;Lot;Vaccinateur', 'BURGAUD;Jacqueline;04/07/1949;Beauvoir-sur-Mer;AZ4R72;L. Bénéteau'].join('\n');
    expect(await labelled(csv, 'fr')).toContain('ID:AZ4R72');
  });
});

// Regression (holdout41 read-set class, 8 cells): exports head the given name "Given" alone ("UR,Surname,Given,DOB").
describe('a given-name column headed "Given"', () => {
  it('makes its cells names', async () => {
    const csv = ['UR,Surname,Given,DOB,Town', 'NW28845,van der MERWE,Pieter,23/07/1971,Dubbo', 'NW35502,HILLIER,Mereana,19/09/2001,Dubbo'].join('\n');
    expect(await labelled(csv)).toEqual(expect.arrayContaining(['PERSON:Pieter', 'PERSON:Mereana', 'PERSON:HILLIER']));
  });
});

// Regression (read-set class): a one-word name cell that is also a town ("Kirra", "Huy") was taken for the town, and a
// title in a doctor column ("dr amira selim") stayed inside the name.
describe('a name column against a town of the same name, and a title in the cell', () => {
  it('keeps the cell a person and the title outside it', async () => {
    const csv = ['site_pt_id,family_name,given_name,dob,surgeon', 'KNX55030,WHITEHURST-AMBROSE,Kirra,08/12/1979,dr amira selim', 'LH009286,PHAN-BARCLAY,Huy,22/11/1971,dr amira selim'].join('\n');
    const found = await labelled(csv);
    expect(found).toEqual(expect.arrayContaining(['PERSON:Kirra', 'PERSON:Huy', 'PERSON:amira selim']));
    expect(found).not.toContain('CITY:Kirra');
    expect(found).not.toContain('PERSON:dr amira selim');
  });
});
