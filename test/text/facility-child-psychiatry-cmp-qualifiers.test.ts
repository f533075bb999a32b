import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.map((s) => `${text.slice(s.start, s.end)}:${s.label}`);
}

// Regression: "CMP infanto-juvénile de Cernay" lost its head, and only the town was hidden (a CITY):
// the qualifiers of child psychiatry stood between the head and the town.
describe('a child-psychiatry centre named after its town', () => {
  it('is one facility with its qualifiers', async () => {
    expect(await labelled('Rendez-vous au CMP infanto-juvénile de Cernay.')).toEqual(['CMP infanto-juvénile de Cernay:HOSPITAL']);
    expect(await labelled("Émetteur : Centre médico-psychologique infanto-juvénile d'Obernai")).toEqual([
      "Centre médico-psychologique infanto-juvénile d'Obernai:HOSPITAL",
    ]);
    expect(await labelled('CMP enfants et adolescents de Sarrebourg')).toEqual(['CMP enfants et adolescents de Sarrebourg:HOSPITAL']);
    // And a specialty's adjective (holdout24, read): "SSR cardiologique de Kerlaouen".
    expect(await labelled('Programme — SSR cardiologique de Kerlaouen, Concarneau')).toContain('SSR cardiologique de Kerlaouen:HOSPITAL');
  });
});
