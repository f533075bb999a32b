import { VoileError } from '../errors.js';
import type { Policy } from '../policy/types.js';
import { sourceKind, type SourceKind } from './features.js';

/**
 * Searches run on the upstream, against REAL values. Under avatar mode a search parameter over an
 * element the avatar replaces would select (or `_sort` would order) a cohort patient by its real
 * value while the response shows the avatar's — `Patient?_id=<pseudonym>&gender=female` answers
 * whether the real patient is a woman. Such a policy is refused when it is loaded, as is one that
 * opens chained or `_has`/`_filter`/full-text searches (which can reach any element).
 *
 * Flag and count columns need no entry: the resources that define them are withheld for cohort
 * patients whatever the search, and search totals are not relayed in avatar mode.
 */
const PARAMETERS_OVER_REPLACED_VALUES: Readonly<Record<SourceKind, ReadonlyArray<readonly [string, string]>>> = {
  gender: [['Patient', 'gender']],
  age: [['Patient', 'birthdate']],
  postalRegion: [
    ['Patient', 'address-postalcode'],
    ['Patient', 'address'],
  ],
  latestObservation: [
    ['Observation', 'value-quantity'],
    ['Observation', 'combo-value-quantity'],
  ],
  conditionFlag: [],
  count: [],
};

/**
 * Constructs the search guard lets through on `allowIdentitySearch` alone, without the allowlist:
 * they can select on any element (`_has:Condition:subject:code=…`, `subject.gender=…`, `_filter`,
 * full text), replaced values and withheld resources included.
 */
const OPEN_ENDED = new Set(['_has', '_filter', '_text', '_content', '_query', '_list']);

export function checkAvatarSearchParameters(policy: Policy): void {
  if (!policy.avatar) return;
  for (const name of policy.fhir?.allowIdentitySearch ?? []) {
    if (OPEN_ENDED.has(name) || name.startsWith('_has:') || name.includes('.')) {
      throw new VoileError('POLICY_INVALID', `fhir.allowIdentitySearch: '${name}' can search any real value, replaced ones included; remove it in avatar mode`);
    }
  }
  const lists = policy.fhir?.searchParameters ?? {};
  for (const column of policy.avatar.columns) {
    for (const [type, parameter] of PARAMETERS_OVER_REPLACED_VALUES[sourceKind(column.source)]) {
      const allowed = [...(lists[type] ?? []), ...(lists['*'] ?? [])];
      if (allowed.includes(parameter) || allowed.includes('*')) {
        throw new VoileError(
          'POLICY_INVALID',
          `fhir.searchParameters: ${type} '${parameter}' searches the real value that avatar column '${column.name}' replaces; remove it in avatar mode`,
        );
      }
    }
  }
}
