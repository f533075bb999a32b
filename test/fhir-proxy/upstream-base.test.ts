import { describe, expect, it } from 'vitest';
import { FhirUpstream } from '../../src/upstream/fhir-upstream.js';

/** The upstream base confines every URL the gateway builds or accepts from a cursor (SSRF guard). */
describe('FhirUpstream base confinement', () => {
  const upstream = new FhirUpstream({ url: 'https://ehr.example:8443/fhir/R4' });

  it('resolves paths under the base', () => {
    expect(upstream.resolve('Patient/123')?.href).toBe('https://ehr.example:8443/fhir/R4/Patient/123');
    expect(upstream.resolve('Observation?code=1')?.href).toBe('https://ehr.example:8443/fhir/R4/Observation?code=1');
    expect(upstream.resolve('?_getpages=abc')?.href).toBe('https://ehr.example:8443/fhir/R4?_getpages=abc');
  });

  it('refuses anything that leaves the base', () => {
    for (const bad of ['../admin', '../../x', '/fhir/R4/Patient', 'http://evil/', '//evil/x', 'https:evil', 'Patient/%2e%2e/x', 'a\\b', 'javascript:alert(1)']) {
      expect(upstream.resolve(bad)).toBeUndefined();
    }
  });

  it('relativizes upstream links and refuses foreign ones', () => {
    expect(upstream.relativize('https://ehr.example:8443/fhir/R4/Observation?_offset=10')).toBe('Observation?_offset=10');
    expect(upstream.relativize('https://ehr.example:8443/fhir/R4?_getpages=x')).toBe('?_getpages=x');
    expect(upstream.relativize('https://ehr.example:8443/fhir/R5/Observation')).toBeUndefined();
    expect(upstream.relativize('https://evil.example/fhir/R4/Observation')).toBeUndefined();
    expect(upstream.relativize('http://ehr.example:8443/fhir/R4/Observation')).toBeUndefined();
    expect(upstream.relativize('https://user:pw@ehr.example:8443/fhir/R4/Observation')).toBeUndefined();
  });

  it('refuses configurations that are not plain http(s) base URLs', () => {
    expect(() => new FhirUpstream({ url: 'ftp://x/fhir' })).toThrow(/http or https/);
    expect(() => new FhirUpstream({ url: 'https://u:p@x/fhir' })).toThrow(/credentials/);
    expect(() => new FhirUpstream({ url: 'not a url' })).toThrow(/not a valid URL/);
  });
});
