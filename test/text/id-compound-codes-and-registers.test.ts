import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (fourth round, class "identifiers no keyword of ids.ts announces"): compound reference
// codes, foreign professional registers and identity numbers, serial numbers, masked SSNs, JSON ids
// and user names were left in the text, or read as a name, a town or a postcode.
describe('compound codes, registers, serial numbers and other identifier forms', () => {
  it('finds compound reference codes of letters and digit groups', async () => {
    expect(await ids('Votre réf. : PQR/23/55104 — merci de la rappeler.', 'fr')).toEqual(['PQR/23/55104']);
    expect(await ids('Case logged as WX-KLM-24-0391 with the coroner.', 'en')).toEqual(['WX-KLM-24-0391']);
    expect(await ids('Sample H27/448102 received on ice.', 'en')).toEqual(['H27/448102']);
  });

  // A lot is an identifier since holdout45 (ids-lots.ts, test/text/id-lot-and-batch-numbers.test.ts).
  it('leaves standards, law articles and short codes alone', async () => {
    expect(await ids('Accredited under ISO-15189, COVID-19 negative.', 'en')).toEqual([]);
    expect(await ids("Admission selon l'article L.3213-1 du code de la santé publique.", 'fr')).toEqual([]);
    expect(await ids('Formulaire cerfa n° 14011*02 rempli.', 'fr')).toEqual([]);
    expect(await ids('Wohnhaft Lindenweg 4, D-80997 München', 'fr')).not.toContain('D-80997');
  });

  it('finds numbers after foreign registers, identity cards and document words', async () => {
    expect(await ids('Signed, Dr Aroha Tane (MCNZ 63297)', 'en')).toEqual(['63297']);
    expect(await ids('Pharmacist: L. Ferris (reg. 81044)', 'en')).toEqual(['81044']);
    expect(await ids('NRIC: T0291844Z   Ward 7', 'en')).toEqual(['T0291844Z']);
    expect(await ids('Device serial 640917 checked remotely.', 'en')).toEqual(['640917']);
    expect(await ids('Stimulateur posé (n° de série PXB20931K).', 'fr')).toEqual(['PXB20931K']);
    expect(await ids('Subject 304-0117 withdrew consent.', 'en')).toEqual(['304-0117']);
    expect(await ids('MRN: RVH 3318820 on the wristband', 'en')).toEqual(['RVH 3318820']);
  });

  it('does not read a body mass index, a year or an e-mail subject as a register number', async () => {
    expect(await ids('IMC 24.51, poids stable.', 'fr')).toEqual([]);
    expect(await ids('Reference: 2024 guidelines on sepsis.', 'en')).toEqual([]);
    expect(await ids('Subject: 2025 rota changes', 'en')).toEqual([]);
  });

  it('finds dashed health-card numbers, masked SSNs, JSON ids and user names', async () => {
    expect(await ids('Both cards (6610-228-905 and 7702-113-448) expire soon.', 'en')).toEqual(['6610-228-905', '7702-113-448']);
    expect(await ids('SSN (last four) xxx-xx-6083 on the form', 'en')).toEqual(['xxx-xx-6083']);
    expect(await ids('{"resourceType":"Patient","id":"px-55102"}', 'en')).toEqual(['px-55102']);
    expect(await ids('Contacted her via app, username "moonlit_otter77".', 'en')).toEqual(['moonlit_otter77']);
  });

  it('does not read a coding-system OID as an identifier, but keeps a study UID', async () => {
    expect(await ids('"system":"urn:oid:1.3.6.1.4.1.21367.13"', 'en')).toEqual([]);
    expect(await ids('Study UID 1.2.840.77331.5.2.99410772', 'en')).toEqual(['1.2.840.77331.5.2.99410772']);
  });
});
