import { getSearchParameter, matchesSearchRequest, Operator } from '@medplum/core';
import type { Filter, SearchRequest } from '@medplum/core';
import type { Resource, SearchParameter } from '@medplum/fhirtypes';
import { indexSearchParameters, patientCompartmentDefinition } from '../fhir/definitions.js';

/**
 * In-memory evaluation of FHIR search parameters against resources (medplum's implementation of the
 * R4 search parameter definitions), used to check granular scopes and patient compartments on what
 * the upstream returns, without trusting the upstream to have applied them. The definitions come
 * from the one loader, src/fhir/definitions.ts.
 */

/** The search parameter definition, or undefined when the type has no such parameter. */
export function searchParameter(resourceType: string, code: string): SearchParameter | undefined {
  indexSearchParameters();
  return getSearchParameter(resourceType, code);
}

/** Whether `resource` satisfies every `name=value` pair, as the server would evaluate them. */
export function matchesParams(resource: Resource, params: readonly (readonly [string, string])[]): boolean {
  if (params.length === 0) return true;
  indexSearchParameters();
  const filters: Filter[] = params.map(([code, value]) => ({ code, operator: Operator.EQUALS, value }));
  const request: SearchRequest = { resourceType: resource.resourceType, filters };
  try {
    return matchesSearchRequest(resource, request);
  } catch {
    return false; // a restriction we cannot evaluate grants nothing
  }
}

/**
 * Whether `resource` belongs to the compartment of the patient with real id `patientId`, per the
 * R4 Patient CompartmentDefinition. Types outside that definition are never in a compartment.
 */
export function inPatientCompartment(resource: Resource, patientId: string): boolean {
  if (resource.resourceType === 'Patient') return resource.id === patientId;
  const params = patientCompartmentDefinition().get(resource.resourceType);
  if (!params || params.length === 0) return false;
  const reference = `Patient/${patientId}`;
  return params.some((code) => matchesParams(resource, [[code, reference]]));
}
