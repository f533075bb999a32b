import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout48 false positives): "c'est Nathalie du CLSC" read "du CLSC" as a surname, and name propagation
// then marked every "CLSC" of the thread as a person (8 false names in one document).
describe('a particle before an acronym after a first name', () => {
  it('says where the person works: the acronym is no surname, and is not spread', async () => {
    const found = await persons("mer 18 nov 09:02 — Nathalie (CLSC) : Bonjour, c'est Nathalie du CLSC. Prise de sang demain au CLSC.");
    expect(found).not.toContain('CLSC');
    expect(found.some((p) => p.includes('CLSC'))).toBe(false);
    expect(found).toContain('Nathalie');
  });

  it('keeps a surname after a particle', async () => {
    expect(await persons('Vu avec Jean du Pont hier.')).toContain('Jean du Pont');
  });
});
