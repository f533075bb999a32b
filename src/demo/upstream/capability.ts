import { getSearchParameters } from '@medplum/core';
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';

/** What the demo upstream serves: read-only access to the types it holds. */
export function capabilityStatement(baseUrl: string, resourceTypes: readonly string[]): CapabilityStatement {
  const resource: CapabilityStatementRestResource[] = [...resourceTypes].sort().map((type) => {
    const params = Object.values(getSearchParameters(type) ?? {});
    const references = params.filter((p) => p.type === 'reference' && p.code).map((p) => `${type}:${p.code}`);
    const revReferences = resourceTypes.flatMap((other) =>
      Object.values(getSearchParameters(other) ?? {})
        .filter((p) => p.type === 'reference' && p.code && (p.target ?? []).includes(type as never))
        .map((p) => `${other}:${p.code}`),
    );
    return {
      type: type as CapabilityStatementRestResource['type'],
      interaction: [{ code: 'read' }, { code: 'vread' }, { code: 'history-instance' }, { code: 'search-type' }],
      versioning: 'versioned',
      readHistory: true,
      ...(references.length > 0 ? { searchInclude: references } : {}),
      ...(revReferences.length > 0 ? { searchRevInclude: revReferences } : {}),
      searchParam: params
        .filter((p) => p.code && p.type)
        .map((p) => ({ name: p.code as string, type: p.type as NonNullable<typeof p.type>, ...(p.url ? { definition: p.url } : {}) })),
      ...(type === 'Patient'
        ? { operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }] }
        : {}),
    };
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2025-06-01',
    publisher: 'Voile demo',
    kind: 'instance',
    software: { name: 'Voile embedded demo FHIR server (@medplum/fhir-router MemoryRepository)' },
    implementation: { description: 'Voile demo upstream', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [{ mode: 'server', resource }],
  };
}
