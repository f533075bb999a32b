/**
 * `meta.security` labels saying what was done to a resource (HL7 v3 ObservationValue), so that a
 * recipient can tell an anonymized resource from a raw one.
 */
export type SecurityLabel = 'REDACTED' | 'PSEUDED' | 'ABSTRED' | 'MASKED' | 'PERTURBED';

const SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';
const DISPLAY: Readonly<Record<SecurityLabel, string>> = {
  REDACTED: 'redacted',
  PSEUDED: 'pseudonymized',
  ABSTRED: 'abstracted',
  MASKED: 'masked',
  PERTURBED: 'perturbed',
};
const ORDER: readonly SecurityLabel[] = ['PSEUDED', 'REDACTED', 'ABSTRED', 'MASKED', 'PERTURBED'];

export function addSecurityLabels(resource: Record<string, unknown>, labels: ReadonlySet<SecurityLabel>): void {
  if (labels.size === 0) return;
  const meta = (resource['meta'] as Record<string, unknown> | undefined) ?? {};
  const security = Array.isArray(meta['security']) ? [...(meta['security'] as Record<string, unknown>[])] : [];
  for (const code of ORDER) {
    if (!labels.has(code)) continue;
    if (security.some((c) => c['system'] === SYSTEM && c['code'] === code)) continue;
    security.push({ system: SYSTEM, code, display: DISPLAY[code] });
  }
  resource['meta'] = { ...meta, security };
}
