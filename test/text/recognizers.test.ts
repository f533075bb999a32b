import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { isValidNir, isValidSsn, nirKey } from '../../src/anonymize/text/recognizers/ids.js';

async function found(text: string, lang: 'fr' | 'en' | 'auto' = 'auto') {
  const { spans } = await detect(text, { lang });
  return spans.map((s) => [s.label, text.slice(s.start, s.end)]);
}

describe('NIR (numéro de sécurité sociale)', () => {
  const body = '1840375123456';
  const key = String(97 - Number(BigInt(body) % 97n)).padStart(2, '0');

  it('accepts a NIR whose key is 97 − (n mod 97), with or without spaces', () => {
    expect(nirKey(body)).toBe(Number(key));
    expect(isValidNir(body + key)).toBe(true);
    expect(isValidNir(`1 84 03 75 123 456 ${key}`)).toBe(true);
  });

  it('rejects a wrong key, a bad month and a bad sex digit', () => {
    const wrong = String((Number(key) % 97) + 1).padStart(2, '0');
    expect(isValidNir(body + wrong)).toBe(false);
    expect(isValidNir('1841375123456' + key)).toBe(false);
    expect(isValidNir('3840375123456' + key)).toBe(false);
  });

  it('computes Corsica keys with 2A → 19 and 2B → 18', () => {
    const a = '18403' + '2A' + '123456';
    const keyA = 97 - Number(BigInt('1840319123456') % 97n);
    expect(nirKey(a)).toBe(keyA);
    expect(isValidNir(a + String(keyA).padStart(2, '0'))).toBe(true);
    const keyB = 97 - Number(BigInt('1840318123456') % 97n);
    expect(isValidNir('184032B123456' + String(keyB).padStart(2, '0'))).toBe(true);
    expect(isValidNir('184032B123456' + String(keyA).padStart(2, '0'))).toBe(keyA === keyB);
  });

  it('is found in text as ID', async () => {
    expect(await found(`NIR : ${body}${key}.`)).toContainEqual(['ID', body + key]);
  });
});

describe('US SSN', () => {
  it('follows the SSA structure rules', () => {
    expect(isValidSsn('123-45-6789')).toBe(true);
    for (const bad of ['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000']) expect(isValidSsn(bad)).toBe(false);
  });
});

describe('phone numbers', () => {
  it.each([
    ['Tél : 01 42 16 00 00', '01 42 16 00 00'],
    ['tel 06.12.34.56.78 ce soir', '06.12.34.56.78'],
    ['joindre au 0612345678', '0612345678'],
    ['appeler le +33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['ou le +33 (0)1 42 16 00 00', '+33 (0)1 42 16 00 00'],
    ['call (617) 555-0134 today', '(617) 555-0134'],
    ['cell: 617-555-0134', '617-555-0134'],
    ['UK +44 20 7946 0958', '+44 20 7946 0958'],
  ])('%s', async (text, phone) => {
    expect(await found(text)).toContainEqual(['PHONE', phone]);
  });

  it('leaves short numbers and doses alone', async () => {
    expect((await found('Posologie 500 mg x 3 par jour, TA 12/8, FC 72')).filter(([l]) => l === 'PHONE')).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['Vu le 12 mars 2023.', '12 mars 2023', 'fr'],
    ['le 1er avril 2021', '1er avril 2021', 'fr'],
    ['Seen on March 12, 2023.', 'March 12, 2023', 'en'],
    ['on 12th of March 2023', '12th of March 2023', 'en'],
    ['entrée le 03/12/2023', '03/12/2023', 'fr'],
    ['contrôle le 12.03.23', '12.03.23', 'fr'],
    ['imaging 2023-03-12', '2023-03-12', 'en'],
    ['depuis mars 2023', 'mars 2023', 'fr'],
    ['né le 5 JUIN 1940', '5 JUIN 1940', 'fr'],
    ['sans accent: 12 fevrier 2020', '12 fevrier 2020', 'fr'],
  ] as const)('%s', async (text, date, lang) => {
    expect(await found(text, lang)).toContainEqual(['DATE', date]);
  });

  it('does not take relative days, durations or times for dates', async () => {
    const spans = await found('J3 post-opératoire, J+5 sans fièvre, day 2 stable, pendant 3 jours, à 14h30, at 10:45', 'fr');
    expect(spans.filter(([l]) => l === 'DATE')).toEqual([]);
  });

  it('rejects impossible calendar days', async () => {
    expect((await found('le 31/02/2023', 'fr')).filter(([l]) => l === 'DATE')).toEqual([]);
  });
});

describe('contacts, ages and places', () => {
  it('finds emails, URLs and IPs', async () => {
    const s = await found('Écrire à jeanne.dupont@chu-nantes.fr ou voir https://intranet.chu.fr/dossier?id=3, serveur 10.2.33.4');
    expect(s).toContainEqual(['EMAIL', 'jeanne.dupont@chu-nantes.fr']);
    expect(s).toContainEqual(['URL', 'https://intranet.chu.fr/dossier?id=3']);
    expect(s).toContainEqual(['IP', '10.2.33.4']);
  });

  it('marks only ages over 89', async () => {
    const s = await found('Patiente de 92 ans, son mari a 88 ans.', 'fr');
    expect(s).toContainEqual(['AGE', '92']);
    expect(s.filter(([l]) => l === 'AGE')).toHaveLength(1);
  });

  it('finds a street, a postal code confirmed by its commune, and the commune', async () => {
    const s = await found('Domicile : 12 rue des Lilas, 44000 Nantes.', 'fr');
    expect(s).toContainEqual(['ADDRESS', '12 rue des Lilas']);
    expect(s).toContainEqual(['ZIP', '44000']);
    expect(s).toContainEqual(['CITY', 'Nantes']);
  });

  it('finds US street lines with a direction and a numbered street (regression: "8130 W 7th Street")', async () => {
    const s = await found('Lives at 8130 W 7th Street in Springfield with her son.', 'en');
    expect(s).toContainEqual(['ADDRESS', '8130 W 7th Street']);
    expect(await found('lives at 12 e 42nd street now', 'en')).toContainEqual(['ADDRESS', '12 e 42nd street']);
  });

  it('finds hospital identifiers by context', async () => {
    const s = await found('IPP : 8001234567 ; NDA 2023-001234 ; MRN: A1234567', 'auto');
    expect(s).toContainEqual(['ID', '8001234567']);
    expect(s).toContainEqual(['ID', 'A1234567']);
  });
});
