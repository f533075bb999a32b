import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout52 miss class, family chats in Catalan and Italian): "la Dra." (a Catalan or Spanish woman doctor),
// "il dott." and "la dott.ssa" were no titles; the name after "Dra." went out in clear and "Dra" was read as a town.
describe('a name after la Dra., il dott. or la dott.ssa', () => {
  it('is a person, the title outside it', async () => {
    expect(await labelled("La pediatra, la Dra. Vilaró, ha fet l'ecografia.")).toContain('PERSON:Vilaró');
    expect((await labelled("La pediatra, la Dra. Vilaró, ha fet l'ecografia.")).some((s) => s.includes('Dra'))).toBe(false);
    expect(await labelled('Il chirurgo è il dott. Bionaz, la nefrologa la dott.ssa Chabod.')).toEqual(expect.arrayContaining(['PERSON:Bionaz', 'PERSON:Chabod']));
  });
});

// Regression (holdout43 miss, Quebec messages): "la Dre" (docteure) was no title; a lowercase "dre" before a surname
// left the name out.
describe('a name after the Quebec title Dre', () => {
  it('is a person, the title outside it', async () => {
    expect(await labelled('[2026-11-09 08:20] Yannick : dre Tremblay-Ouimet au GMF du village')).toContain('PERSON:Tremblay-Ouimet');
    expect(await labelled('La Dre Gagnon a rappelé.')).toContain('PERSON:Gagnon');
  });
});
