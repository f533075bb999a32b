import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function facilities(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'HOSPITAL').map((s) => text.slice(s.start, s.end));
}

// Regression: "HIA Robert Picqué" was read as a person, "CMA de Valence" and "Centre antipoison de
// Marseille" as their towns: armed-forces health services, poison centres, milk banks and shelters with
// care are facilities named after a person or a town.
describe('armed-forces health services, poison centres, milk banks and shelters', () => {
  it('are facilities, whole', async () => {
    expect(await facilities('Suivi au HIA Robert Picqué depuis mai 2019.')).toEqual(['HIA Robert Picqué']);
    expect(await facilities('Médecin : MC Pauline Esquerré — CMA de Valence, poste 4417')).toEqual(['CMA de Valence']);
    expect(await facilities('À : secrétariat Centre médical des armées de Brest')).toEqual(['Centre médical des armées de Brest']);
    expect(await facilities('Le Dr Lanfranchi, Centre antipoison de Marseille, a rappelé.')).toEqual(['Centre antipoison de Marseille']);
    expect(await facilities("CENTRE ANTIPOISON — CAP-TV d'Angers")).toEqual(["CAP-TV d'Angers"]);
    expect(await facilities('rappel cas - cap nancy - 3 dec 2026')).toEqual(['cap nancy']);
    expect(await facilities('don de lait maternel - lactarium de Bordeaux-Marmande')).toEqual(['lactarium de Bordeaux-Marmande']);
  });

  it('need a name: the words alone are no facility', async () => {
    expect(await facilities("L'antenne médicale a appelé ; le cap est fixé à 6 mois.")).toEqual([]);
  });
});
