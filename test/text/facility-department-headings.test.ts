import { describe, expect, it } from 'vitest';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string, lang: 'en' | 'fr'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (held-out false-positive class "a department or a kind of clinic taken for a
// facility"): headings in capitals ("GLAUCOMA CLINIC", "UNITÉ MOBILE DE GÉRIATRIE", "HÔPITAL DE JOUR
// ONCOLOGIE") passed the capital check of the facility patterns, and the model proposed the same.
describe('department headings are no facility names', () => {
  it('an English kind of clinic next to its hospital', async () => {
    expect(await hospitals("Northgate Hospital – DIABETIC FOOT CLINIC – referral", 'en')).toEqual(['Northgate Hospital']);
    expect(await hospitals('Seen in the Lipid Clinic today.', 'en')).toEqual([]);
  });

  it('a French unit or day hospital in capitals', async () => {
    expect(await hospitals('UNITÉ MOBILE DE GÉRIATRIE – CHU de Poitiers', 'fr')).toEqual(['CHU de Poitiers']);
    expect(await hospitals('HÔPITAL DE JOUR ONCOLOGIE – bilan', 'fr')).toEqual([]);
  });

  it('keeps a unit or a centre with a name, even an ordinary word', async () => {
    expect(await hospitals('transférée en unité Coquelicot hier', 'fr')).toEqual(['unité Coquelicot']);
    expect(await hospitals('HÔPITAL DE JOUR LES MIMOSAS', 'fr')).toEqual(['HÔPITAL DE JOUR LES MIMOSAS']);
    expect(await hospitals('HÔPITAL DE LA CONCORDE', 'fr')).toEqual(['HÔPITAL DE LA CONCORDE']);
  });

  describe('model spans', () => {
    const text = 'Anticoagulation Unit review. Seen at Kestrel Vale Medical Centre. HÔPITAL DE JOUR PNEUMOLOGIE. Centre ambulatoire Arc-en-Ciel.';
    const doc = makeDoc(text, 'en');
    const span = (words: string) => {
      const start = text.indexOf(words);
      return { start, end: start + words.length, label: 'HOSPITAL' as const, score: 0.95, priority: 40, source: 'ner' };
    };

    it('drops a department and a head cut before an ordinary word', () => {
      expect(plausibleModelSpan(span('Anticoagulation Unit'), doc)).toBe(false);
      expect(plausibleModelSpan(span('HÔPITAL DE'), doc)).toBe(false);
    });

    it('keeps facilities with a name', () => {
      expect(plausibleModelSpan(span('Kestrel Vale Medical Centre'), doc)).toBe(true);
      expect(plausibleModelSpan(span('Centre ambulatoire Arc-en-Ciel'), doc)).toBe(true);
    });
  });
});
