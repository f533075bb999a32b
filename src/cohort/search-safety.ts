import { VoileError } from '../errors.js';
import type { Policy } from '../policy/types.js';
import { sourceKind, type SourceKind } from './features.js';

/**
 * Searches run on the upstream, against REAL values. Under avatar mode a search parameter over an
 * element the avatar replaces would select (or `_sort` would order) a cohort patient by its real
 * value while the response shows the avatar's — `Patient?_id=<pseudonym>&gender=female` answers
 * whether the real patient is a woman. Such a policy is refused when it is loaded.
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

export function checkAvatarSearchParameters(policy: Policy): void {
  if (!policy.avatar) return;
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
