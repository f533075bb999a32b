import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// Regression (holdout47 miss class, a registry's CSV export): the header sat in a comment ("# colonnes : dossier;…"),
// so its first label read "# colonnes : dossier" and the case numbers under it ("79-26-041877") went out in clear.
describe('a table whose header is a comment that names the columns', () => {
  it('reads the first label after the comment', async () => {
    const text = 'export.csv\n# colonnes : dossier;date_appel;commentaire;statut\n79-26-041877;03/11/2026;rappel;clos\n79-26-042230;07/11/2026;rien;ouvert';
    const { spans } = await detect(text, { lang: 'fr' });
    const ids = spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
    expect(ids).toEqual(['79-26-041877', '79-26-042230']);
  });

  it('leaves a comment that names no columns', async () => {
    const text = '# note : dossier;date;commentaire;statut\n79-26;03/11/2026;rappel;clos';
    const { spans } = await detect(text, { lang: 'fr' });
    expect(spans.filter((s) => s.label === 'ID')).toEqual([]);
  });
});
