import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function ids(text: string, lang: 'fr' | 'en' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'ID').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout18 and holdout20, first scored 2026-11-30): identifiers of patients from abroad
// after words no context list holds ("code fiscal", "Tessera sanitaria", "Medicare (US)", "Medicare
// MBI") went out in clear. Their form alone identifies them.
describe('the Italian codice fiscale', () => {
  it('is an ID when its check letter is right, whatever announces it', async () => {
    // RSSMRA85T10A562S is the example every Italian tax guide prints (Mario Rossi).
    expect(await ids('Epouse italienne, code fiscal RSSMRA85T10A562S, suivie à Aoste.', 'fr')).toEqual(['RSSMRA85T10A562S']);
    expect(await ids('Tessera sanitaria BNCGNN80A41H501X. Son fils rappelle demain.', 'fr')).toEqual(['BNCGNN80A41H501X']);
  });

  it('is not taken when the check letter is wrong or the shape is not a codice fiscale', async () => {
    expect(await ids('The guide prints RSSMRA85T10A562T as an example.')).toEqual([]);
    expect(await ids('Kit ABCDEFGHIJKLMNOP and ABCDEF12Z34A567B were returned.')).toEqual([]);
  });
});

describe('the US Medicare Beneficiary Identifier', () => {
  it('is an ID printed whole or in groups of 4, 3 and 4', async () => {
    expect(await ids('Medicare (US) 2AC3-DE4-FG56 ; daughter to call.')).toEqual(['2AC3-DE4-FG56']);
    expect(await ids('Supplies billed to Medicare MBI 7KQ9XW2RT81 this month.')).toEqual(['7KQ9XW2RT81']);
  });

  it('is not taken with a letter it never uses, a zero first, or mixed grouping', async () => {
    // B, S, L, O, I and Z are never MBI letters; the first character is 1-9.
    expect(await ids('Codes 2AB3DE4FG56 and 0AC3DE4FG56 and 2AC3-DE4FG56 and 2SC3DE4FG56 in the cupboard.')).toEqual([]);
  });
});
