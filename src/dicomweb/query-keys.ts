import { VoileError } from '../errors.js';
import type { Policy } from '../policy/types.js';
import { Tags, compileProfile, tagKey } from '../anonymize/dicom/index.js';
import { parseOptions } from '../anonymize/dicom/profile.js';
import { dictionaryKeyword, dictionaryVr } from '../anonymize/dicom/dictionary.js';
import { tagOfKeyName } from './query.js';

/**
 * What a policy's `dicom.allowQueryKeys` means for QIDO, worked out once per policy — when the
 * gateway starts, so a policy the gateway cannot serve stops start-up instead of failing (or, worse,
 * being served) at the first request.
 *
 * A partner only ever sees the de-identified values: remapped UIDs and the patient's pseudonym. A
 * key whose released value is one of those is matched on that value, translated back through the
 * identity layer, whether the policy lists it or not — listing it must not send the partner's value
 * upstream as a real one (a pseudonym would match nothing, and a real UID or PatientID, which a
 * partner must never hold, would match: a probe for real identities):
 *
 * - StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID (always allowed), and any other UID key the
 *   policy lists whose value the profile remaps: through the UID map;
 * - PatientID (always allowed), and PatientName when listed (it is released as the pseudonym too):
 *   through the patient's identity key.
 *
 * The other listed keys go upstream as they are: the policy lets partners probe them with real
 * values (names are never released, so such a key only narrows the search). Refused at load:
 * entries that are not DICOM keywords or tags, and date keys the policy's dates are shifted for
 * (`retainLongitudinalModifiedDates`): a partner sees each patient's dates moved by that patient's
 * own shift, so no single date value can be sent upstream and the answer would be silently wrong.
 */
export interface QueryKeyPlan {
  /** Listed keys whose value goes upstream as it is. */
  readonly passThrough: ReadonlySet<number>;
  /**
   * UID keys translated through the UID map: the three level UIDs, and listed ones the profile
   * remaps (under retainUIDs, checked and sent as they are: the partner sees the real UIDs).
   */
  readonly uidKeys: ReadonlySet<number>;
  /** Keys whose value is the patient's pseudonym, translated through its identity key. */
  readonly patientKeys: ReadonlySet<number>;
}

/** The UIDs of the QIDO levels: always allowed, matched on the remapped value (the real one under retainUIDs). */
const LEVEL_UID_KEYS: ReadonlySet<number> = new Set([Tags.StudyInstanceUID, Tags.SeriesInstanceUID, Tags.SOPInstanceUID]);

/** Throws POLICY_INVALID (naming the policy and the key, never a value) for a section the gateway cannot serve. */
export function queryKeyPlanOf(policyName: string, dicom: Policy['dicom'] | undefined): QueryKeyPlan {
  const section = dicom ?? {};
  const profile = compileProfile(parseOptions(section.options ?? []));
  const passThrough = new Set<number>();
  const uidKeys = new Set<number>(LEVEL_UID_KEYS);
  const patientKeys = new Set<number>([Tags.PatientID]);
  for (const entry of section.allowQueryKeys ?? []) {
    const tag = tagOfEntry(entry);
    const action = profile.actions.get(tag);
    if (tag === Tags.PatientID || tag === Tags.PatientName) {
      patientKeys.add(tag);
      continue;
    }
    if (LEVEL_UID_KEYS.has(tag) || (dictionaryVr(tag) === 'UI' && action?.kind === 'uid')) {
      uidKeys.add(tag);
      continue;
    }
    if (action?.kind === 'shift') {
      const keyword = dictionaryKeyword(tag) ?? tagKey(tag).toUpperCase();
      throw new VoileError('POLICY_INVALID', `Policy ${policyName}: dicom.allowQueryKeys lists ${keyword}, a date shifted per patient (retainLongitudinalModifiedDates); a query on it cannot be answered correctly`, {
        detail: `${policyName}: ${keyword}`,
      });
    }
    passThrough.add(tag);
  }
  return { passThrough, uidKeys, patientKeys };
}

function tagOfEntry(entry: string): number {
  const tag = tagOfKeyName(entry);
  if (tag === undefined) throw new VoileError('POLICY_INVALID', 'dicom.allowQueryKeys entries are DICOM keywords or tags (ggggeeee)');
  return tag;
}
