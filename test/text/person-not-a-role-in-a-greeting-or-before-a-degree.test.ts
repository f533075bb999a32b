import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'fr' | 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (71 false persons over the read sets): a letter's greeting to a role ("Cher Confrère,", "Chère Consœur,",
// "Dear Colleague,") and a role or registry before a degree ("Triage RN:", "Sending MD:", "(HCPC PA41872)",
// "Palliative Care CNS") were marked as persons, and name propagation then spread them.
describe('a role where a name would stand', () => {
  it('is no person in a greeting', async () => {
    expect(await persons('Cher Confrère,\nJe vous adresse Mme Durand.', 'fr')).toEqual(['Durand']);
    expect(await persons('Chère Consœur,\nmerci.', 'fr')).toEqual([]);
    expect(await persons('Dear Colleague,\nthanks.\nDear Orthopaedic Registrar,\nDear Sir,', 'en')).toEqual([]);
  });

  it('is no person before a degree', async () => {
    const found = await persons('Triage RN: A. Boateng\nCrew: Paramedic Declan Hara (HCPC PA41872)\nSending MD: Dr Ahmed Sayed\nJoanne Whitworth, Myasthenia CNS', 'en');
    for (const role of ['Triage', 'HCPC', 'Sending', 'Myasthenia']) expect(found).not.toContain(role);
  });

  it('still finds a given name or a short nickname in a greeting, and a name before a degree', async () => {
    expect(await persons('Cher Pierre,\nmerci.', 'fr')).toEqual(['Pierre']);
    expect(await persons('Hi Deb,\nthanks for the call.', 'en')).toEqual(['Deb']);
    expect(await persons('Reviewed with Heather Bjornstad RN.', 'en')).toEqual(['Heather Bjornstad']);
  });
});
