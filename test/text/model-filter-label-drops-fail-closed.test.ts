import { describe, expect, it } from 'vitest';
import { judgeModelSpan as judge } from './helpers.js';

// The per-label drops of the model-span filter (ner/label-checks.ts) must not drop PHI: an employer
// is HOSPITAL whatever kind of organisation it is, a place name before a role still names the place,
// a country that is also a given name is a name unless a place word precedes it, a firm named after
// people is kept. Every example is invented; each kept case has its dropped twin, so both ways can fail.
describe('an employer is HOSPITAL even when it is a council, an insurer, a union or a firm', () => {
  it('keeps the organisation after a word about a job', () => {
    expect(judge('Off sick from Brantle Vale District Council since the fall.', 'Brantle Vale District Council', 'HOSPITAL').kept).toBe(true);
    expect(judge('His job at Corrowby Mutual Insurance is at risk.', 'Corrowby Mutual Insurance', 'HOSPITAL').kept).toBe(true);
    expect(judge('She is a clerk with Ellingham Solicitors, part-time.', 'Ellingham Solicitors', 'HOSPITAL').kept).toBe(true);
    expect(judge('Salariée de la Mutuelle de Penhoët depuis 2009.', 'Mutuelle de Penhoët', 'HOSPITAL', 'fr').kept).toBe(true);
  });
  it('still drops the same organisation named without a job', () => {
    expect(judge('Housing form sent to Brantle Vale District Council.', 'Brantle Vale District Council', 'HOSPITAL').kept).toBe(false);
    expect(judge('Claim refused by Corrowby Mutual Insurance.', 'Corrowby Mutual Insurance', 'HOSPITAL').kept).toBe(false);
  });
  it('does not reach back past the sentence for the job word', () => {
    expect(judge('Works nights. Claim refused by Corrowby Mutual Insurance.', 'Corrowby Mutual Insurance', 'HOSPITAL').kept).toBe(false);
  });
});

describe('a role after a place name', () => {
  it('keeps a span that names a place before the role, drops a role alone', () => {
    expect(judge('Letter from Quarrendon Hospice Nurse, copied to GP.', 'Quarrendon Hospice Nurse', 'HOSPITAL').kept).toBe(true);
    expect(judge('Letter from the Community Liaison Nurse, copied to GP.', 'Community Liaison Nurse', 'HOSPITAL').kept).toBe(false);
  });
});

describe('a country that is also a given name', () => {
  it('keeps it as a person without a place word before it', () => {
    expect(judge('Son Kenya drives her to clinic.', 'Kenya', 'PERSON')).toEqual({ kept: true, label: 'PERSON' });
    expect(judge('Seen with Dr Harold Ireland on the ward.', 'Ireland', 'PERSON')).toEqual({ kept: true, label: 'PERSON' });
  });
  it('drops it after a place word', () => {
    expect(judge('Back from Kenya in May, febrile.', 'Kenya', 'PERSON').kept).toBe(false);
    expect(judge('Née en Belgique, arrivée jeune.', 'Belgique', 'PERSON', 'fr').kept).toBe(false);
  });
});

describe('a firm the model calls a person', () => {
  it('is relabelled HOSPITAL and kept when named after people, not dropped', () => {
    expect(judge('Debt letter from Hallibrand & Crewe again.', 'Hallibrand &', 'PERSON')).toEqual({ kept: true, label: 'HOSPITAL' });
  });
});

describe('the look-backs stay linear', () => {
  it('judges long hostile spans quickly', () => {
    const t0 = performance.now();
    const council = `${'work '.repeat(40_000)}Council`;
    judge(council, council, 'HOSPITAL');
    const nurse = `${'Xq '.repeat(60_000)}Nurse`;
    judge(nurse, nurse, 'HOSPITAL');
    const country = `${' '.repeat(100_000)}Kenya`;
    judge(country, 'Kenya', 'PERSON');
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
