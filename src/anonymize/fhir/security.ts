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
const BIT: Readonly<Record<SecurityLabel, number>> = { PSEUDED: 1, REDACTED: 2, ABSTRED: 4, MASKED: 8, PERTURBED: 16 };

/** The labels one resource earned. A label is added per element walked: bits, not a Set. */
export class SecurityLabels {
  #bits = 0;

  add(label: SecurityLabel): void {
    this.#bits |= BIT[label];
  }

  addAll(other: SecurityLabels): void {
    this.#bits |= other.#bits;
  }

  has(label: SecurityLabel): boolean {
    return (this.#bits & BIT[label]) !== 0;
  }

  get isEmpty(): boolean {
    return this.#bits === 0;
  }
}

export function addSecurityLabels(resource: Record<string, unknown>, labels: SecurityLabels): void {
  if (labels.isEmpty) return;
  const meta = (resource['meta'] as Record<string, unknown> | undefined) ?? {};
  const existing = Array.isArray(meta['security']) ? (meta['security'] as Record<string, unknown>[]) : [];
  const security = [...existing];
  for (const code of ORDER) {
    if (!labels.has(code)) continue;
    if (existing.length > 0 && existing.some((c) => c['system'] === SYSTEM && c['code'] === code)) continue;
    security.push({ system: SYSTEM, code, display: DISPLAY[code] });
  }
  // `resource` and its meta are the engine's own output objects, never the caller's: set in place.
  meta['security'] = security;
  resource['meta'] = meta;
}
