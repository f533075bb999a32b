import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "given names in a 'forename' column"): CSV exports name the column "forename"
// (or "first names", "nom de famille" …), which the column rule did not know; the cells below were
// left to the model, which missed the short ones ("ORLA", "Amrit").
describe('name columns headed forename, first names, nom de famille', () => {
  it('make the cells below them names', async () => {
    const csv = '"mdm_date","surname","forename","dob"\n"2026-11-26","HAMILL","ORLA","1935-02-14"\n"2026-11-26","DEWHURST-KAUR","Amrit","1979-05-21"\n';
    expect(await persons(csv)).toEqual(['HAMILL', 'ORLA', 'DEWHURST-KAUR', 'Amrit']);
  });
});

// Regression (found with the above: "DOUGLAS" vanished from its surname column): a name that is also an
// eponym (Douglas's pouch, Baker's cyst) was dropped as a hard negative even where a column names it.
describe('an eponym-like surname in a name column', () => {
  it('stays a name', async () => {
    const csv = 'time,chi,surname,forename,dob\n09:40,2711780627,DOUGLAS,Fiona,27/11/1978\n10:00,3006992237,BAKER,Lewis,30/06/1999\n';
    expect(await persons(csv)).toEqual(['DOUGLAS', 'Fiona', 'BAKER', 'Lewis']);
  });
});
