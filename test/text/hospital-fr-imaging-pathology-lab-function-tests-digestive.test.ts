import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function hospitals(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout51 miss class): French care places named by a specialty the facility rule did not know between
// the head and the name: an imaging centre, a pathology lab (also when its town is a French commune: the lab, not the
// town), a functional-tests centre, a "clinique digestive".
describe('French imaging centres, pathology labs, function-test centres and digestive clinics', () => {
  it('are facilities, named in full', async () => {
    expect(await hospitals('Clinique digestive Saint-Front — Unité d\'endoscopie')).toContain('Clinique digestive Saint-Front');
    expect(await hospitals("Centre d'explorations fonctionnelles digestives de la Chartreuse\n4 place de l'Hôtel-de-Ville")).toContain(
      "Centre d'explorations fonctionnelles digestives de la Chartreuse",
    );
    expect(await hospitals("IRM programmée vendredi au Centre d'imagerie de Bagnols-en-Forêt (créneau 8h30).")).toContain("Centre d'imagerie de Bagnols-en-Forêt");
    expect(await hospitals("Laboratoire d'anatomie et de cytologie pathologiques du Dropt\n6 boulevard de la Bastide")).toContain(
      "Laboratoire d'anatomie et de cytologie pathologiques du Dropt",
    );
    expect(await hospitals("Biopsie lue au laboratoire d'anatomie pathologique de Villeneuve-sur-Lot hier.")).toContain("laboratoire d'anatomie pathologique de Villeneuve-sur-Lot");
  });

  it("leaves a fire station's town and a town's plain lab to the town", async () => {
    expect(await hospitals('transport par les pompiers du centre de secours de Mennetou-sur-Cher.')).toEqual([]);
    expect(await hospitals('bilan au Laboratoire de Boynes demain.')).toEqual([]);
  });
});
