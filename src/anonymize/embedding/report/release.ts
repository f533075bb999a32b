import { RELEASED_MARGINALS_VERSION } from './build.js';

/**
 * What may be served of a stored report. Reports are stored with their build and outlive the code
 * that wrote them: one written before the marginals were made fit for release (version 1) keeps
 * bars of single records and exact extreme values, so its `utility.marginals` are withheld until
 * the cohort is rebuilt. Anything that is not a report object is not served at all.
 */
export function releasableReport(stored: unknown): unknown {
  if (!isObject(stored)) return null;
  if (typeof stored.version === 'number' && stored.version >= RELEASED_MARGINALS_VERSION) return stored;
  const utility = isObject(stored.utility) ? stored.utility : {};
  const { marginals: _withheld, ...rest } = utility;
  return {
    ...stored,
    utility: rest,
    withheld: { 'utility.marginals': 'built by an earlier version that could name single records; rebuild the cohort to see them' },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
