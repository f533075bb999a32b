import { afterAll, describe, expect, it } from 'vitest';
import { createTextDeidentifier } from '../../src/anonymize/text/deidentifier.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { isValidNir } from '../../src/anonymize/text/recognizers/ids.js';
import { testIdentity } from './helpers.js';

const identity = testIdentity();
const deid = createTextDeidentifier({ identity, mode: 'realistic', ner: false });
const tags = createTextDeidentifier({ identity, mode: 'tags', ner: false });
afterAll(async () => {
  await deid.close();
  await tags.close();
});

const plain = (patientId?: string) => ({ format: 'plain' as const, patientId, lang: 'fr' as const });

describe('surrogates are consistent per patient', () => {
  it('the same real name becomes the same fake name in every field of one patient', async () => {
    const a = await deid.deidentify('Patiente : Mme Jeanne DUPONT, vue ce jour.', plain('p1'));
    const b = await deid.deidentify('Courrier pour Mme DUPONT.', plain('p1'));
    const fakeSurname = /Mme [\p{L}'-]+ ([\p{Lu}' -]+),/u.exec(a!)![1]!;
    expect(fakeSurname).not.toBe('DUPONT');
    expect(b).toContain(`Mme ${fakeSurname}.`);
    expect(a).not.toContain('DUPONT');
  });

  it('another patient gets other surrogates for the same name', async () => {
    const names = new Set<string>();
    for (const p of ['p1', 'p2', 'p3', 'p4']) names.add((await deid.deidentify('Dr Jean Martin', plain(p)))!);
    expect(names.size).toBeGreaterThan(1);
  });

  it('moves dates by the patient shift and keeps their written format', async () => {
    const days = identity.dateShiftDays('p1');
    const out = (await deid.deidentify('Vu le 12 mars 2023 et le 03/12/2023.', plain('p1')))!;
    const base = new Date(Date.UTC(2023, 2, 12) + days * 86_400_000);
    const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
    expect(out).toContain(`${base.getUTCDate()} ${months[base.getUTCMonth()]} ${base.getUTCFullYear()}`);
    const numeric = new Date(Date.UTC(2023, 11, 3) + days * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(out).toContain(`${pad(numeric.getUTCDate())}/${pad(numeric.getUTCMonth() + 1)}/${numeric.getUTCFullYear()}`);
  });

  it('moves a day/month date without a year and keeps it well-formed', async () => {
    const out = (await deid.deidentify('Revu le 12/03 en consultation.', plain('p1')))!;
    const m = /Revu le (\d{2})\/(\d{2}) en/.exec(out)!;
    const moved = new Date(Date.UTC(2001, 2, 12) + identity.dateShiftDays('p1') * 86_400_000);
    expect([Number(m[1]), Number(m[2])]).toEqual([moved.getUTCDate(), moved.getUTCMonth() + 1]);
  });

  it('keeps an English date in its English written form', async () => {
    const out = (await deid.deidentify('Seen on March 12, 2023 by the team.', { format: 'plain', patientId: 'p9', lang: 'en' }))!;
    expect(out).toMatch(/Seen on (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4} by/);
    expect(out).not.toContain('March 12, 2023');
  });

  it('a phone number stays a well-formed phone number of the same shape', async () => {
    const out = (await deid.deidentify('Tél : 06 12 34 56 78.', plain('p1')))!;
    const phone = /Tél : (.+)\./.exec(out)![1]!;
    expect(phone).toMatch(/^06 \d{2} \d{2} \d{2} \d{2}$/);
    expect(phone).not.toBe('06 12 34 56 78');
    const { spans } = await detect(`Tél : ${phone}`, { lang: 'fr' });
    expect(spans.map((s) => s.label)).toContain('PHONE');
  });

  it('a NIR becomes another valid NIR', async () => {
    const body = '2840375123456';
    const key = String(97 - Number(BigInt(body) % 97n)).padStart(2, '0');
    const out = (await deid.deidentify(`NIR ${body}${key}`, plain('p1')))!;
    const fake = /NIR (\d{15})/.exec(out)![1]!;
    expect(fake).not.toBe(body + key);
    expect(isValidNir(fake)).toBe(true);
  });

  it('tags mode writes [LABEL]', async () => {
    const out = await tags.deidentify('Mme Jeanne DUPONT, tél 06 12 34 56 78, le 12 mars 2023 au CHU de Nantes.', plain('p1'));
    expect(out).toBe('Mme [PERSON], tél [PHONE], le [DATE] au [HOSPITAL].');
  });

  it('ages over 89 are generalised', async () => {
    expect(await deid.deidentify('Patiente de 94 ans.', plain('p1'))).toBe('Patiente de 90 ans.');
  });
});
