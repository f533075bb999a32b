import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout14 miss class, 15 cells): a race's medical-tent log numbers each runner by the bib in a column
// headed "Bib" or "Dossard"; a bare four-digit bib went out in clear.
describe('a bib column', () => {
  it('makes its numbers identifiers', async () => {
    const log = ['| Heure | Dossard | Nom | Âge | Motif |', '|---|---|---|---|---|', '| 11:05 | 8812 | DUBERNET Cyril | 44 | crampes |', '| 11:40 | 3307 | HOLLANDER Kees | 61 | malaise |'].join('\n');
    expect(await ids(log)).toEqual(['8812', '3307']);
  });
});
