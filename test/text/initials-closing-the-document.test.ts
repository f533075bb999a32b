import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout49, read; holdout43 holds the same): a note signed with its writer's initials after its last
// sentence and a dash ("– RBC", "— YLB") left them in clear.
describe("the writer's initials closing the document", () => {
  it('are a person after the last sentence and a dash, or on a line of their own', async () => {
    expect(await persons('Visit note sent to the pediatrician. – RBC')).toEqual(['RBC']);
    expect(await persons('Frottis : pas de cellule tumorale (myxome éliminé). – TLA', 'fr')).toEqual(['TLA']);
    expect(await persons('Plan reviewed with the family.\nKB\n')).toEqual(['KB']);
  });

  it('are not an examination closing the last sentence, nor capitals inside the text', async () => {
    expect(await persons('Plan: follow up in 2 weeks. ECG')).toEqual([]);
    expect(await persons('Seen today. – RBC count normal, review in clinic.')).toEqual([]);
  });
});
