import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function found(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON' || s.label === 'ID').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (held-out classes "identifiers in table columns" and "headers as PERSON"): in a list
// with a header row, the names under "Patient" were missed and the header after "Patient" was taken
// for a name.
describe('people in a table column', () => {
  it('takes the cells under a name header for names, and the header cells for nothing', async () => {
    const text = '| MRN | Patient | Procedure | Side |\n|---|---|---|---|\n| 5512093 | Okafor C | ORIF | L |\n| 5520114 | dunne marie | TKR | R |';
    expect(await found(text, 'en')).toEqual(['ID 5512093', 'PERSON Okafor C', 'ID 5520114', 'PERSON dunne marie']);
  });

  it('reads a two-cell "field | value" table as fields, not as a column', async () => {
    const text = '| Nom | GIRAUD |\n| Prénom | Hélène |\n| Adresse | 3 rue Haute |';
    const names = (await found(text, 'fr')).filter((s) => s.startsWith('PERSON'));
    expect(names).not.toContain('PERSON Prénom');
    expect(names).not.toContain('PERSON Adresse');
  });
});
