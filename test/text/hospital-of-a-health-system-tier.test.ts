import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout47 miss class): a facility named by its tier before its town ("Hôpital provincial général de
// référence de Bukavu", "centre médical d'arrondissement de Doumé") stopped at the tier words, so the town alone was
// marked as a town and the facility's kind went out with it.
describe('a facility named by its tier, then its town', () => {
  it('is one hospital, tier words and town', async () => {
    expect(await hospitals('Hôpital provincial général de référence de Bukavu – Service de médecine interne')).toContain('Hôpital provincial général de référence de Bukavu');
    expect(await hospitals("vu au centre médical d'arrondissement de Doumé, le samedi")).toContain("centre médical d'arrondissement de Doumé");
    expect(await hospitals('réadaptation au centre de réadaptation cardiovasculaire de Beauronne (contact)')).toContain('centre de réadaptation cardiovasculaire de Beauronne');
    expect(await hospitals('transfert du centre de santé de référence de Katana ce jour')).toContain('centre de santé de référence de Katana');
  });

  it('still needs a capitalised name after the tier words', async () => {
    expect(await hospitals("l'hôpital général de la région a refusé")).toEqual([]);
  });
});
