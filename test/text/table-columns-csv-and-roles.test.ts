import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (held-out miss classes on tables): CSV exports (comma cells, quoted "Surname, First",
// snake_case headers), columns of carers ("Attending", "IDE", "GP"), of ages, postcodes and towns;
// and header cells ("MRN", "IPP") taken for the name after "Patient |".
describe('table columns: CSV, carers, ages and places', () => {
  it('reads CSV columns, quoted names and spaced identifiers', async () => {
    const csv = 'ward list\nfull_name,mrn,nhs_no,city\n"Whitaker, Agnes",RX55102,401 023 2871,Harrogate\n"Baines, Tom",RX55388,402 119 0013,Ripon\n';
    expect(await found(csv, 'en')).toEqual(expect.arrayContaining(['PERSON Whitaker, Agnes', 'ID RX55102', 'ID 401 023 2871', 'CITY Ripon', 'PERSON Baines, Tom']));
  });

  it('reads carer, age and postcode columns, and never a header cell as a name', async () => {
    const table = '| Room | Patient | MRN | Age | Consultant | Postcode |\n|---|---|---|---|---|---|\n| 4 | Lowe, Iris | 8831202 | 93 | Ndiaye | LS7 3EX |\n| 5 | Pratt, Ed | 8831377 | 71 | Ferreira | LS8 1AB |';
    const spans = await found(table, 'en');
    expect(spans).toEqual(expect.arrayContaining(['PERSON Ndiaye', 'PERSON Ferreira', 'AGE 93', 'ZIP LS7 3EX']));
    expect(spans).not.toContain('AGE 71');
    expect(spans.filter((s) => s === 'PERSON MRN')).toEqual([]);
  });

  it('does not read a sentence with commas as a CSV header', async () => {
    const prose = 'Patient, name withheld at her request, city of birth unknown\nBrown, given the history, Halfway, was discussed';
    const { spans } = await detect(prose, { lang: 'en' });
    expect(spans.filter((s) => s.source.endsWith('-column'))).toEqual([]);
  });
});
