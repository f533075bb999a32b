import { describe, expect, it } from 'vitest';
import { translateQuery, type QueryContext } from '../../src/dicomweb/query.js';
import { queryKeyPlanOf } from '../../src/dicomweb/query-keys.js';
import { makeIdentity } from './helpers.js';

/** The parsed form of a query string with each name once (what `parseQuery` gives the plugin). */
const translate = (query: Record<string, string>, ctx: QueryContext, fields: readonly number[]) => translateQuery(Object.entries(query), ctx, fields);

function context(overrides: Partial<QueryContext> = {}): QueryContext {
  return {
    identity: makeIdentity(),
    retainUids: false,
    keys: queryKeyPlanOf('test', {}),
    patientOf: async (p) => (p === 'known-pseudonym' ? { patientId: 'IPP-1' } : undefined),
    maxLimit: 100,
    ...overrides,
  };
}

describe('QIDO query translation', () => {
  it('translates remapped UIDs back, caps limit, keeps offset, adds the fields the gateway needs', async () => {
    const ctx = context();
    const remapped = ctx.identity.remapUid('1.2.3.4');
    await ctx.identity.flush();
    const { params, matchesNothing } = await translate({ StudyInstanceUID: remapped, limit: '5000', offset: '20', includefield: 'StudyDescription,00080060' }, ctx, [0x00100020]);
    expect(matchesNothing).toBe(false);
    expect(params.get('0020000D')).toBe('1.2.3.4');
    expect(params.get('limit')).toBe('100');
    expect(params.get('offset')).toBe('20');
    expect(params.getAll('includefield').sort()).toEqual(['00080060', '00081030', '00100020']);
  });

  it('an unknown remapped UID or pseudonym matches nothing (the upstream is not asked)', async () => {
    expect((await translate({ SeriesInstanceUID: '2.25.999' }, context(), [])).matchesNothing).toBe(true);
    expect((await translate({ PatientID: 'someone-else' }, context(), [])).matchesNothing).toBe(true);
    expect((await translate({ PatientID: 'known-pseudonym' }, context(), [])).params.get('00100020')).toBe('IPP-1');
  });

  it.each(['PatientName', 'PatientBirthDate', 'AccessionNumber', 'ReferringPhysicianName', 'StudyDate', 'StudyDescription', '00100010', 'NotAKeyword', 'a b'])(
    'refuses %s with a message that does not echo the value',
    async (key) => {
      const err = await translate({ [key]: 'DUPONT*' }, context(), []).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'SEARCH_PARAM_REFUSED', status: 400 });
      expect(JSON.stringify({ m: (err as Error).message, d: (err as { detail?: string }).detail })).not.toContain('DUPONT');
    },
  );

  it('a patient pseudonym is sent as its PatientID with its issuer, and is kept for filtering the results', async () => {
    const ctx = context({ patientOf: async (p) => (p === 'known-pseudonym' ? { patientId: 'IPP-1', issuer: 'urn:oid:1.2' } : undefined) });
    const translated = await translate({ PatientID: 'known-pseudonym' }, ctx, []);
    expect(translated.params.get('00100020')).toBe('IPP-1');
    expect(translated.params.get('00100021')).toBe('urn:oid:1.2');
    expect(translated.patientPseudonym).toBe('known-pseudonym');
    const withoutIssuer = await translate({ PatientID: 'known-pseudonym' }, context(), []);
    expect(withoutIssuer.params.has('00100021')).toBe(false);
  });

  it('passes a key the policy allows, as it is', async () => {
    const { params } = await translate({ AccessionNumber: 'ACC-1' }, context({ keys: queryKeyPlanOf('test', { allowQueryKeys: ['AccessionNumber'] }) }), []);
    expect(params.get('00080050')).toBe('ACC-1');
  });

  it('refuses fuzzy matching, bad limits and wildcards in UIDs', async () => {
    await expect(translate({ fuzzymatching: 'true' }, context(), [])).rejects.toMatchObject({ code: 'SEARCH_PARAM_REFUSED' });
    await expect(translate({ limit: '-1' }, context(), [])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(translate({ StudyInstanceUID: '1.2.*' }, context(), [])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('under Retain UIDs, UID keys pass through unchanged', async () => {
    const { params } = await translate({ SOPInstanceUID: '1.2.3.4.5' }, context({ retainUids: true }), []);
    expect(params.get('00080018')).toBe('1.2.3.4.5');
  });
});
