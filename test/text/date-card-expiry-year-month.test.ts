import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout48 miss class): a health card's expiry in ISO year-month ("RAMQ … exp. 2029-05") was left out with
// a product's; the sets mark a card's expiry as a date of its holder.
describe("a card's expiry year and month", () => {
  it('is a date', async () => {
    expect(await dates('Ma carte RAMQ : TREJ 6852 1417, exp. 2029-05.\nNo d\'assurance maladie : LAPG 5154 1714   Exp. : 2028-08')).toEqual(['2029-05', '2028-08']);
  });

  it("leaves a product's or a reagent's expiry", async () => {
    expect(await dates('lot réactif 58841201, péremption 2027-04 ; EpiPen 0,3 mg (exp 2027-09) ; Lot 4471 exp 2026-11')).toEqual([]);
  });
});
