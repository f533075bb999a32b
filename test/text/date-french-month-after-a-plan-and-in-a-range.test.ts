import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const dates = async (text: string) =>
  (await detect(text, { lang: 'fr' })).spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));

// A French month alone was left in clear after a plan or an event ("revoir janvier", "prochaine février", "TEVAR
// programmé janvier", "opérée octobre") and in a range of months ("3 mois (juin–septembre)").
describe('a French month alone after a plan or an event, and two months as a range', () => {
  it('reads the month after the plan or the event', async () => {
    const found = await dates('Bilan à revoir mars. Séance prochaine avril ; pose prévue mai ; cholécystectomie opérée novembre.');
    for (const month of ['mars', 'avril', 'mai', 'novembre']) expect(found).toContain(month);
  });

  it('reads both months of a range', async () => {
    const found = await dates('Isotrétinoïne 5 mois (février–juillet), bien tolérée.');
    expect(found).toContain('février');
    expect(found).toContain('juillet');
  });

  it('leaves a month inside a name', async () => {
    expect(await dates('Il habite rue du Champ-de-Mars.')).toEqual([]);
  });
});
