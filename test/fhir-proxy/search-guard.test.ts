import { describe, expect, it } from 'vitest';
import { translateDateValues } from '../../src/fhir/date-params.js';
import { guardEverything, guardSearch, type GuardContext } from '../../src/fhir/search-guard.js';
import { parseSearch } from '../../src/fhir/search-query.js';
import { testPolicy } from './support/policy.js';

/** The search guard as plain logic: parsed parameters in, upstream query (or refusal) out. */
const resolved = testPolicy({
  fhir: {
    searchParameters: { Observation: ['subject', 'patient', 'code', 'date', 'performer', '_lastUpdated'], Patient: ['gender', 'name'], '*': ['_id'] },
    allowIdentitySearch: ['name'],
    maxCount: 20,
  },
});
const identity = resolved.identity;
const ctx: GuardContext = {
  policy: resolved.policy,
  identity,
  canRead: (t) => ['Patient', 'Observation', 'Practitioner'].includes(t),
  defaultCount: 10,
  maxCount: 20,
};
const guard = (type: string, query: string, c: GuardContext = ctx) => guardSearch(parseSearch(type, new URLSearchParams(query)), c);
const dupont = identity.pseudonymizeId('Patient', 'pat-dupont');

describe('parseSearch', () => {
  it('splits codes, modifiers, chains and OR values (keeping escaped commas)', () => {
    const parsed = parseSearch('Observation', [
      ['subject:Patient', 'a,b'],
      ['subject.name', 'x'],
      ['subject:Patient.name', 'y'],
      ['_has:Observation:patient:code', '1'],
      ['code', 'a\\,b,c'],
    ]);
    expect(parsed.params).toEqual([
      { code: 'subject', modifier: 'Patient', values: ['a', 'b'] },
      { code: 'subject', chain: 'name', values: ['x'] },
      { code: 'subject', modifier: 'Patient', chain: 'name', values: ['y'] },
      { code: '_has', has: 'Observation:patient:code', values: ['1'] },
      { code: 'code', values: ['a\\,b', 'c'] },
    ]);
  });

  it('passes chains and _has allowed by the policy through as written', async () => {
    const open = { ...ctx, policy: { ...ctx.policy, fhir: { ...ctx.policy.fhir, allowIdentitySearch: ['subject:Patient.gender', '_has'] } } };
    const r = await guardSearch(parseSearch('Observation', new URLSearchParams('subject:Patient.gender=male&_has:Observation:patient:code=1')), open);
    expect(r.kind === 'upstream' && [...r.query.keys()]).toEqual(['subject:Patient.gender', '_has:Observation:patient:code', '_count']);
    await expect(guardSearch(parseSearch('Observation', new URLSearchParams('subject.gender=male')), open)).rejects.toMatchObject({ code: 'SEARCH_PARAM_REFUSED' });
  });

  it('refuses malformed names and too many parameters', () => {
    expect(() => parseSearch('Patient', [['bad name', 'x']])).toThrow(/malformed/);
    expect(() => parseSearch('Patient', Array.from({ length: 65 }, () => ['gender', 'x'] as [string, string]))).toThrow(/Too many/);
  });
});

describe('guardSearch', () => {
  it('translates reference pseudonyms in every form to real ids', async () => {
    for (const q of [`subject=Patient/${dupont}`, `subject=${dupont}`, `subject:Patient=${dupont}`]) {
      const r = await guard('Observation', q);
      expect(r.kind).toBe('upstream');
      if (r.kind !== 'upstream') continue;
      const v = r.query.get('subject') ?? r.query.get('subject:Patient');
      expect(v === 'Patient/pat-dupont' || v === 'pat-dupont').toBe(true);
    }
  });

  it('keeps resolvable OR values and answers empty when none resolves', async () => {
    const smith = identity.pseudonymizeId('Patient', 'pat-smith');
    const r = await guard('Observation', `subject=Patient/${dupont},Patient/aBogus,Patient/${smith}`);
    expect(r.kind === 'upstream' && r.query.get('subject')).toBe('Patient/pat-dupont,Patient/pat-smith');
    expect((await guard('Observation', 'subject=Patient/aBogus')).kind).toBe('empty');
    expect((await guard('Patient', '_id=aBogus')).kind).toBe('empty');
  });

  it('refuses a pseudonym of another type in a typed reference', async () => {
    const obs = identity.pseudonymizeId('Observation', 'pat-dupont');
    expect((await guard('Observation', `subject=Patient/${obs}`)).kind).toBe('empty');
  });

  it('allows identity parameters the policy lists, and refuses the others', async () => {
    expect((await guard('Patient', 'name=x')).kind).toBe('upstream');
    await expect(guard('Patient', 'family=x')).rejects.toMatchObject({ code: 'SEARCH_PARAM_REFUSED' });
  });

  it('sets and caps _count', async () => {
    const r1 = await guard('Patient', 'gender=male');
    expect(r1.kind === 'upstream' && r1.query.get('_count')).toBe('10');
    const r2 = await guard('Patient', 'gender=male&_count=1000');
    expect(r2.kind === 'upstream' && r2.query.get('_count')).toBe('20');
  });

  it('refuses date searches and date sorts across patients, answers them for one patient', async () => {
    await expect(guard('Observation', 'date=2020')).rejects.toMatchObject({ code: 'SEARCH_NOT_SUPPORTED' });
    await expect(guard('Observation', `subject=Patient/${dupont},Patient/${identity.pseudonymizeId('Patient', 'pat-smith')}&date=2020`)).rejects.toMatchObject({
      code: 'SEARCH_NOT_SUPPORTED',
    });
    await expect(guard('Observation', '_sort=date')).rejects.toMatchObject({ code: 'SEARCH_NOT_SUPPORTED' });
    // performer is not a compartment-defining parameter: a Patient there does not scope the dates.
    await expect(guard('Observation', `performer=Patient/${dupont}&date=2020`)).rejects.toMatchObject({ code: 'SEARCH_NOT_SUPPORTED' });
    const r = await guard('Observation', `patient=Patient/${dupont}&date=ge2020-01-10&_sort=-date`);
    const shift = identity.dateShiftDays('pat-dupont');
    expect(r.kind === 'upstream' && r.query.get('date')).toBe(`ge${shiftBack('2020-01-10', shift)}`);
    expect(r.kind === 'upstream' && r.query.get('_sort')).toBe('-date');
  });

  it('uses the scope check result to confine a search to one patient', async () => {
    const r = await guard('Observation', 'date=ge2020-01-10', { ...ctx, checkAccess: () => 'pat-dupont' });
    expect(r.kind === 'upstream' && r.query.get('patient')).toBe('Patient/pat-dupont');
    expect(r.kind === 'upstream' && r.query.get('date')).toBe(`ge${shiftBack('2020-01-10', identity.dateShiftDays('pat-dupont'))}`);
  });

  it('validates includes: explicit, from the searched type, through a reference parameter, to readable types', async () => {
    expect((await guard('Observation', '_include=Observation:subject')).kind).toBe('upstream');
    expect((await guard('Observation', '_include=Observation:subject:Patient')).kind).toBe('upstream');
    expect((await guard('Patient', '_revinclude=Observation:subject')).kind).toBe('upstream');
    await expect(guard('Observation', '_include=Patient:general-practitioner')).rejects.toMatchObject({ code: 'SEARCH_PARAM_REFUSED' });
    await expect(guard('Observation', '_include=Observation:code')).rejects.toMatchObject({ code: 'SEARCH_PARAM_REFUSED' });
    await expect(guard('Observation', '_include=Observation:device')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('checks control parameter values', async () => {
    expect((await guard('Patient', '_summary=count&_total=accurate&_elements=gender,birthDate')).kind).toBe('upstream');
    await expect(guard('Patient', '_summary=everything')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(guard('Patient', '_elements=name.family')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(guard('Patient', '_format=xml')).rejects.toMatchObject({ code: 'NOT_ACCEPTABLE' });
  });

  it('refuses absolute URLs except as token systems', async () => {
    await expect(guard('Observation', 'subject=https://evil.example/Patient/1')).rejects.toMatchObject({ code: 'SEARCH_PARAM_REFUSED' });
    expect((await guard('Observation', 'code=http://loinc.org|8867-4')).kind).toBe('upstream');
  });

  it('refuses unsupported modifiers', async () => {
    await expect(guard('Observation', 'code:text=heart')).rejects.toMatchObject({ code: 'SEARCH_PARAM_REFUSED' });
    await expect(guard('Observation', 'subject:Organization=x')).rejects.toMatchObject({ code: 'SEARCH_PARAM_REFUSED' });
    expect((await guard('Observation', 'subject:missing=true')).kind).toBe('upstream');
    await expect(guard('Observation', 'subject:missing=maybe')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('guardEverything', () => {
  it('shifts _since by the patient, filters _type to readable types', () => {
    const q = guardEverything(parseSearch('Patient', new URLSearchParams('_since=2020-05-01T00:00:00Z&_type=Observation,Device&_count=5')).params, 'pat-dupont', ctx);
    expect(q.get('_type')).toBe('Observation');
    expect(q.get('_count')).toBe('5');
    expect(q.get('_since')).toBe(`${shiftBack('2020-05-01', identity.dateShiftDays('pat-dupont'))}T00:00:00Z`);
    expect(() => guardEverything(parseSearch('Patient', new URLSearchParams('name=x')).params, 'pat-dupont', ctx)).toThrow();
  });
});

describe('translateDateValues (real = shown - shift)', () => {
  it('moves day-precision values and keeps their time', () => {
    expect(translateDateValues(['ge2020-03-10'], 10)).toEqual(['ge2020-02-29']);
    expect(translateDateValues(['2020-03-10T08:00:00Z'], -1)).toEqual(['2020-03-11T08:00:00Z']);
    expect(translateDateValues(['2020-03-10', 'lt2020-04-01'], 1)).toEqual(['2020-03-09,lt2020-03-31']);
  });

  it('expands years and months into exact day bounds', () => {
    expect(translateDateValues(['2020'], 1)).toEqual(['ge2019-12-31', 'le2020-12-30']);
    expect(translateDateValues(['gt2020-02'], -2)).toEqual(['gt2020-03-02']);
    expect(translateDateValues(['lt2020-02'], 3)).toEqual(['lt2020-01-29']);
  });

  it('refuses what cannot be answered exactly, and malformed values', () => {
    expect(() => translateDateValues(['ap2020'], 1)).toThrow(/day precision/);
    expect(() => translateDateValues(['2020', '2021'], 1)).toThrow(/day precision/);
    expect(() => translateDateValues(['2020-13-45'], 1)).toThrow(/malformed/);
    expect(() => translateDateValues(['soon'], 1)).toThrow(/malformed/);
  });
});

function shiftBack(day: string, shift: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) - shift * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
