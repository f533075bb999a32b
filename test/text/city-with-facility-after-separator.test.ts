import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import type { Doc, Span } from '../../src/anonymize/text/types.js';

// Regression (fifth rule round, CITY recall class "town with its facility"): a listed town after a
// facility and a comma, a dash or a bracket was found only when it ended the line, and a facility span
// that ran on over it (the model's, an employer's) hid it inside HOSPITAL. Invented names throughout.
const found = (text: string, spans: Span[]) => spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);

describe('a listed town after a facility and a separator', () => {
  it('is a CITY wherever the line goes on', async () => {
    const text = 'Now followed at Pellworth Hospital, London: creatinine 310 on 5 Feb.';
    expect(found(text, (await detect(text, { lang: 'en' })).spans)).toEqual(expect.arrayContaining(['HOSPITAL:Pellworth Hospital', 'CITY:London']));
  });

  it('is a CITY, not a person, before a state', async () => {
    const text = 'Copy to Harlow Bayview Medical Center, Baltimore, MD for review.';
    const spans = found(text, (await detect(text, { lang: 'en' })).spans);
    expect(spans).toContain('CITY:Baltimore');
    expect(spans).not.toContain('PERSON:Baltimore');
  });

  it('is cut off a facility span that ran over it', async () => {
    const text = 'Cover note – Quarrel Freight Corporation, Chicago – night shifts.';
    const model = async (doc: Doc): Promise<Span[]> => {
      const start = doc.text.indexOf('Quarrel');
      return [{ start, end: doc.text.indexOf(' – night'), label: 'HOSPITAL', score: 0.95, priority: 40, source: 'ner' }];
    };
    const spans = found(text, (await detect(text, { lang: 'en', model })).spans);
    expect(spans).toEqual(expect.arrayContaining(['HOSPITAL:Quarrel Freight Corporation', 'CITY:Chicago']));
  });
});

describe('a town that belongs to the facility name', () => {
  it('stays in the name after a link word, and a saint is no town', async () => {
    const fr = 'Transféré au CHU de Brest puis à l’Hôpital Saint-Louis.';
    const spans = found(fr, (await detect(fr, { lang: 'fr' })).spans);
    expect(spans).toContain('HOSPITAL:CHU de Brest');
    expect(spans.some((s) => s.startsWith('CITY:'))).toBe(false);
  });

  it('is not taken when the capitalised words go on into another name', async () => {
    const text = 'Seen at Pellworth Hospital, London Bridge Hospital next week.';
    expect(found(text, (await detect(text, { lang: 'en' })).spans)).not.toContain('CITY:London');
  });
});

describe('a town no list knows after a facility, and a contact’s town after the name', () => {
  it('takes one unlisted capitalised word closing the phrase after a facility', async () => {
    const text = 'Employeur : Quarrelec SA, Vartigny. Douleur lombaire.';
    const model = async (doc: Doc): Promise<Span[]> => {
      const start = doc.text.indexOf('Quarrelec');
      return [{ start, end: start + 'Quarrelec SA'.length, label: 'HOSPITAL', score: 0.95, priority: 40, source: 'ner' }];
    };
    expect(found(text, (await detect(text, { lang: 'fr', model })).spans)).toContain('CITY:Vartigny');
  });

  it('does not take a dictionary word, a country or a name there', async () => {
    for (const [text, word] of [
      ['Seen at Pellworth Hospital (Outpatients). Plan.', 'Outpatients'],
      ['Voyage avec Trekaventure (Sénégal), retour le 3.', 'Sénégal'],
    ] as const) {
      const model = async (doc: Doc): Promise<Span[]> => {
        const start = doc.text.search(/Pellworth|Trekaventure/);
        const end = doc.text.indexOf(' (');
        return [{ start, end, label: 'HOSPITAL', score: 0.95, priority: 40, source: 'ner' }];
      };
      expect(found(text, (await detect(text, { lang: 'auto', model })).spans)).not.toContain(`CITY:${word}`);
    }
  });

  it('reads a larger listed town after a contact’s name, never a given name written surname first', async () => {
    const text = 'Sage-femme : Lise Aubrac, Roubaix, 06 47 21 88 35.';
    expect(found(text, (await detect(text, { lang: 'fr' })).spans)).toEqual(expect.arrayContaining(['PERSON:Lise Aubrac', 'CITY:Roubaix']));
    const inverted = 'Patient DURAND, Nancy  MRN 00481236';
    expect(found(inverted, (await detect(inverted, { lang: 'en' })).spans)).not.toContain('CITY:Nancy');
  });
});
