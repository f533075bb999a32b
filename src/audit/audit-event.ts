import type { AuditEvent } from '@medplum/fhirtypes';
import type { AuditRecord } from './record.js';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const RESTFUL = 'http://hl7.org/fhir/restful-interaction';
const VOILE = 'urn:voile:audit';

/**
 * An audit record as a FHIR R4 AuditEvent. The agent is the OAuth client (by client id, never a
 * person), the entities are resource *types* with the count returned — never a resource instance,
 * so the trail cannot be joined with pseudonyms. The DCM 110112 "Query" / 110106 "Export" types
 * mirror the IHE de-identification audit idea: who took what kind of data out, under which policy.
 */
export function toAuditEvent(record: AuditRecord): AuditEvent {
  const fhirInteraction = FHIR_INTERACTION[record.interaction];
  const event: AuditEvent = {
    resourceType: 'AuditEvent',
    id: record.id,
    type: record.interaction === 'read' || record.interaction === 'vread' || record.interaction.startsWith('dicomweb-retrieve')
      ? { system: DCM, code: '110106', display: 'Export' }
      : { system: DCM, code: '110112', display: 'Query' },
    ...(fhirInteraction ? { subtype: [{ system: RESTFUL, code: fhirInteraction }] } : {}),
    action: record.interaction === 'write' || record.interaction === 'batch' ? 'E' : 'R',
    recorded: record.recorded,
    outcome: record.outcome,
    ...(record.errorCode ? { outcomeDesc: record.errorCode } : {}),
    agent: [
      {
        type: { coding: [{ system: DCM, code: '110153', display: 'Source Role ID' }] },
        who: record.clientId ? { identifier: { system: `${VOILE}:client`, value: record.clientId } } : { display: 'unauthenticated' },
        requestor: true,
        ...(record.policy ? { policy: [`${VOILE}:policy:${record.policy}`] } : {}),
      },
    ],
    source: {
      observer: { display: 'Voile gateway' },
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' }],
    },
    entity: Object.entries(record.returned).map(([type, count]) => ({
      type: { system: 'http://hl7.org/fhir/resource-types', code: type },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '4', display: 'Domain Resource' },
      detail: [{ type: 'count', valueString: String(count) }],
    })),
    extension: [
      { url: `${VOILE}:interaction`, valueCode: record.interaction },
      { url: `${VOILE}:http-status`, valueInteger: record.status },
      { url: `${VOILE}:method`, valueCode: record.method },
      { url: `${VOILE}:duration-ms`, valueDecimal: round(record.durationMs) },
      ...(record.upstreamLatencyMs !== null ? [{ url: `${VOILE}:upstream-latency-ms`, valueDecimal: round(record.upstreamLatencyMs) }] : []),
      ...(record.route ? [{ url: `${VOILE}:route`, valueString: record.route }] : []),
      ...(record.resourceType ? [{ url: `${VOILE}:requested-type`, valueCode: record.resourceType }] : []),
      { url: `${VOILE}:request-id`, valueString: record.requestId },
    ],
  };
  if (event.entity?.length === 0) delete event.entity;
  return event;
}

const FHIR_INTERACTION: Partial<Record<AuditRecord['interaction'], string>> = {
  capabilities: 'capabilities',
  read: 'read',
  vread: 'vread',
  search: 'search-type',
  history: 'history-instance',
  operation: 'operation',
  bulk: 'operation',
  batch: 'batch',
};

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
