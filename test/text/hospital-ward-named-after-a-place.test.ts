import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<[string, string][]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => [s.label, text.slice(s.start, s.end)]);
}

// Regression (holdout47 miss class): "Ward Quantock", "Ward Glaslyn", "admitted ward Jasmin" were marked as persons
// ("Ward" is on the first-name list), so a surrogate person's name replaced a hospital's ward.
describe('a ward named after a place', () => {
  it('is a hospital, up to the first dictionary word', async () => {
    const found = await labelled('Bishops Hull, TA1 5DA – Ward Quantock – Tel 01823 604417\nAdmitted ward Jasmin\nN,N,Ward Glaslyn,GLP,');
    expect(found).toContainEqual(['HOSPITAL', 'Ward Quantock']);
    expect(found).toContainEqual(['HOSPITAL', 'ward Jasmin']);
    expect(found).toContainEqual(['HOSPITAL', 'Ward Glaslyn']);
    expect(found.filter(([label]) => label === 'PERSON')).toEqual([]);
  });

  it('leaves a word of the dictionary after "ward", and a surname after a title', async () => {
    const found = await labelled('Signed: Labour Ward Coordinator. The Ward Dictate app. Seen by Dr Ward Smith.');
    expect(found.filter(([label]) => label === 'HOSPITAL')).toEqual([]);
    expect(found).toContainEqual(['PERSON', 'Ward Smith']);
  });
});

// Regression (holdout48 miss class): the other order, "Caradog Ward", "Tolgus Ward", went out in clear or as a person.
describe('a ward named after a place, its name first', () => {
  it('is a hospital', async () => {
    const found = await labelled('Ward: Fyrish Ward\nward sister Demelza Rowe, Tolgus Ward.\nhe is staying on Caradog Ward. Our son');
    for (const ward of ['Fyrish Ward', 'Tolgus Ward', 'Caradog Ward']) expect(found).toContainEqual(['HOSPITAL', ward]);
  });

  it('leaves a person whose surname is Ward, and a ward named by its kind', async () => {
    const found = await labelled('Re: Lachlan Ward  MRN HNE7209915\nWard: Respiratory Ward 12. Labour Ward Coordinator.');
    expect(found.filter(([label]) => label === 'HOSPITAL')).toEqual([]);
    expect(found).toContainEqual(['PERSON', 'Lachlan Ward']);
  });
});
