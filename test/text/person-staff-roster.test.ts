import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "staff named by role in a handover roster"): nurse logs list the team as role
// and first name in lower case ("rmn owain, ot becca", "rn tamsin / en bradley"); names no list knows,
// and roles that are also words ("en", "as", "aux"), were left in clear.
describe('the team of a handover roster', () => {
  it('names each member of a roster line, known first name or not', async () => {
    expect(await persons('ward 4 – night sun 06/12\nstaff: hca maisie, rmn idris, ot keeley (am only)\nbed 2 settled.')).toEqual(['maisie', 'idris', 'keeley']);
    expect(await persons('night notes\nrn corinna / en brodie\nbed 1 – slept well.')).toEqual(['corinna', 'brodie']);
    expect(await persons('equipe : sf ludmila + sf anaïs p., aux capucine\nch 3 – rien a signaler.')).toEqual(['ludmila', 'anaïs p.', 'capucine']);
    expect(await persons('ide : clotilde / as : zinedine\nch 12 – douleur controlee.')).toEqual(['clotilde', 'zinedine']);
  });

  it('names a person after a role that names nobody but staff, even one no list knows', async () => {
    expect(await persons('escalated to nurse in charge morwenna, top-up given.')).toEqual(['morwenna']);
    expect(await persons('fy1 imogen → night fy1 rory; reg aware.')).toEqual(['imogen', 'rory']);
  });

  // One role list for every rule that reads a name beside a role (care-roles.ts): a role known to one is
  // known to all (a nurse practitioner before a name, a mental-health nurse signing, a specialist nurse
  // after a name in brackets).
  it('reads the shared care roles before a name, after a signing name, and leaves them out of the name', async () => {
    expect(await persons('std testing appt fri w/ np maureen.')).toEqual(['maureen']);
    expect(await persons('settled overnight, obs stable.\ngemma t. rmn')).toEqual(['gemma t.']);
    expect(await persons('wound reviewed (k. pennington cns), dressing changed.')).toEqual(['k. pennington']);
  });

  it('leaves roles that are words, units after a role and prose alone', async () => {
    expect(await persons('il est en bretagne avec sa tante en vendee pour les fetes.')).toEqual([]);
    expect(await persons('transferred to Ash ward, then Elm ward overnight.')).toEqual([]);
    expect(await persons('lun. 23 nov. 08:52 IDE HDJ : patiente appelée, pas de fièvre.')).toEqual([]);
    expect(await persons('the patient rang our SLT line this morning about the valve.')).toEqual([]);
    expect(await persons('as per plan, ot review tomorrow and sw referral sent.')).toEqual([]);
  });
});
