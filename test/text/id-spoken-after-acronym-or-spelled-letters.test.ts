import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout40 miss class): dictated identifiers after a scheme's acronym ("UHID", "NIN", "CIN"), after
// "numéro personnel d'identification" or "numéro d'échantillon", after a health card's scheme ("carte AMO ramed"),
// read with "barre" for a slash, or opening on spelled letters after a bare "numéro" were missed or read as
// phone numbers.
describe('a dictated identifier after an acronym, a French scheme or spelled letters', () => {
  it('is one identifier, not a phone', async () => {
    expect(await labelled('UHID J M M C two six zero eight eight one four. Mobile of son Vineeth.')).toContain('ID:J M M C two six zero eight eight one four');
    expect(await labelled('NIN one four two, zero eight eight, three seven one, one six. Phone zero eight zero three.')).toContain('ID:one four two, zero eight eight, three seven one, one six');
    expect(await labelled('Domiciliée à Tounfite. CIN U A trois cent quarante et un mille deux cent six, carte AMO ramed un deux huit neuf quatre quatre sept zéro.')).toEqual(
      expect.arrayContaining(['ID:U A trois cent quarante et un mille deux cent six', 'ID:un deux huit neuf quatre quatre sept zéro']),
    );
    expect(await labelled('Dossier numéro deux mille vingt-six barre zéro quatre cent dix-huit. Contrôle demain.')).toContain('ID:deux mille vingt-six barre zéro quatre cent dix-huit');
    expect(await labelled("Numéro personnel d'identification un zéro trois quatre, sept sept deux, un huit zéro. Téléphone du fils.")).toContain('ID:un zéro trois quatre, sept sept deux, un huit zéro');
    expect(await labelled("Prélèvement envoyé, numéro d'échantillon Z O U deux six tiret cinq cent quatre-vingt-dix.")).toContain('ID:Z O U deux six tiret cinq cent quatre-vingt-dix');
    expect(await labelled('Culture positive, numéro I P M deux six, quatre quatre un sept. Traitement par griséofulvine.')).toContain('ID:I P M deux six, quatre quatre un sept');
  });

  it('leaves a bare number before a sentence alone', async () => {
    const found = await labelled('Her number is a bit hard to read, call the ward.');
    expect(found.filter((f) => f.startsWith('ID:'))).toEqual([]);
  });
});
