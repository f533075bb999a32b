import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => ['PERSON', 'ZIP', 'CITY'].includes(s.label)).map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "a field of a structured export read by its key", YAML and LDIF forms): a registry printed
// in protobuf text format or YAML (`commune: "Senonches"`, `code_postal: "28250"`) and a directory exported as
// LDIF (`l: Greetham`, `givenName: Poppy`) left towns, postcodes and names in clear: only JSON, XML and logfmt keys
// were read, and no gazetteer knows a small village.
describe('fields of YAML, protobuf text and LDIF exports read by their key', () => {
  it('reads quoted values under an unquoted key: names, the town and the postcode', async () => {
    const text = 'patients {\n  id: "AMBG-28-205"\n  nom: "HUARD"\n  prenom: "Lucien"\n  commune: "Brezolles"\n  code_postal: "28270"\n}';
    expect(await labelled(text, 'fr')).toEqual(expect.arrayContaining(['PERSON HUARD', 'PERSON Lucien', 'CITY Brezolles', 'ZIP 28270']));
  });

  it("reads an LDIF entry's locality, postcode and name attributes", async () => {
    const text = 'dn: uid=SDF-0216,ou=families,o=Gwash Valley Clinic\nobjectClass: inetOrgPerson\ncn: Poppy Ansell\nsn: Ansell\n' +
      'givenName: Poppy\nl: Whissendine\npostalCode: LE15 7HA\n';
    expect(await labelled(text, 'en')).toEqual(expect.arrayContaining(['PERSON Poppy Ansell', 'PERSON Ansell', 'PERSON Poppy', 'CITY Whissendine', 'ZIP LE15 7HA']));
  });

  it('reads "l:" as a town only in an LDIF export', async () => {
    expect(await labelled('Volume\nl: Loose leaf\n', 'en')).not.toContain('CITY Loose leaf');
  });
});
