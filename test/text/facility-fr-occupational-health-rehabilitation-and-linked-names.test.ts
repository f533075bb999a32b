import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout48 miss class): occupational health services, follow-up care centres, a cardiothoracic institute
// and a lowercase rehabilitation centre named by their town went out in clear, or only their town was marked.
describe('a French facility named by its area or its town', () => {
  it('is a facility, with a name joined by "et du"', async () => {
    const found = await hospitals(
      'Institut cardiothoracique du Perche et du Vendômois — Chirurgie cardiaque\nmédecin du travail, Service de santé au travail du Scorff et du Blavet ; rééducation au Centre de soins de suite Les Capucins-Est.',
    );
    expect(found).toEqual(['Institut cardiothoracique du Perche et du Vendômois', 'Service de santé au travail du Scorff et du Blavet', 'Centre de soins de suite Les Capucins-Est']);
  });

  it('reads a lowercase rehabilitation centre or SSR before its commune', async () => {
    expect(await hospitals("sortie vers centre de readaptation de signy-l'abbaye, puis ssr de marnay.")).toEqual(["centre de readaptation de signy-l'abbaye", 'ssr de marnay']);
  });

  it('leaves a link word that no capitalised name follows', async () => {
    expect(await hospitals('Clinique du Parc et de la ville')).toEqual(['Clinique du Parc']);
  });
});
