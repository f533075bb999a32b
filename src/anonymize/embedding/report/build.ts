/**
 * The privacy and utility report of one avatar build, as plain JSON-serialisable data. It holds
 * aggregates only (rates, medians, histograms, correlation matrices), never a record.
 */
import { fitProjection } from '../projection.js';
import type { Table } from '../table.js';
import { evaluateAttack } from '../metrics/confidence.js';
import type { AttackResult } from '../metrics/confidence.js';
import { cloakingMetrics, closestRecordMetrics, kAnonymity } from '../metrics/distance.js';
import type { KAnonymityResult } from '../metrics/distance.js';
import { inferenceRisk, linkabilityRisk, singlingOutRisk } from '../metrics/attacks.js';
import type { InferenceResult, SinglingOutResult } from '../metrics/attacks.js';
import { coxHazardRatio, trainTestClassifier } from '../metrics/models.js';
import type { ClassifierResult, CoxOptions, HazardRatio } from '../metrics/models.js';
import { correlationComparison, hellingerDistances, marginalDistributions } from '../metrics/utility.js';
import { releasedNumericMarginal } from '../metrics/released-marginals.js';
import type { ColumnDistribution, CorrelationResult, HellingerResult } from '../metrics/utility.js';
import { mean, quantile } from '../metrics/stats.js';

/** The first report version whose marginals are fit for release (see AvatarReport.version). */
export const RELEASED_MARGINALS_VERSION = 2;

export interface ReportInput {
  /** The records the avatars were generated from. */
  readonly original: Table;
  /** One avatar per original record, same order. */
  readonly avatars: Table;
  /** Real records never used for generation: control for the attacks, reference for DCR/NNDR. */
  readonly control?: Table;
  readonly parameters: { readonly k: number; readonly ncp: number; readonly weighting?: string; readonly method?: string };
  /** Seed of the attacks' sampling (reports are reproducible). */
  readonly seed: number;
  readonly nAttacks?: number;
  readonly quasiIdentifiers?: readonly string[];
  readonly linkabilityColumns?: readonly [readonly string[], readonly string[]];
  /** Secret columns for the inference attack; default: every column. */
  readonly inferenceSecrets?: readonly string[];
  /** Binary target for train-on-avatars/test-on-real (needs `control` as the test set). */
  readonly classifier?: { readonly target: string; readonly positiveLevel: string };
  readonly survival?: CoxOptions;
  /**
   * Where the attacks and DCR/NNDR are measured, when not on (original, avatars, control): a
   * separate evaluation build on a split of the data (generation records, their avatars, and the
   * held-out control records), the protocol of the Avatar paper and of Anonymeter.
   */
  readonly evaluation?: { readonly original: Table; readonly avatars: Table; readonly control: Table };
}

export interface Histogram {
  readonly edges: number[];
  readonly counts: number[];
}

export interface AvatarReport {
  /**
   * 2: marginals released only as merged groups of at least max(5, k) records (rare categorical
   * levels merged, numeric bars on round, open-ended bins). Version 1 reports (stored before)
   * could name single patients' values: `releasableReport` withholds their marginals.
   */
  readonly version: typeof RELEASED_MARGINALS_VERSION;
  readonly rows: number;
  readonly columns: { name: string; kind: string }[];
  readonly parameters: ReportInput['parameters'];
  readonly privacy: {
    readonly hiddenRate: number;
    readonly localCloakingMedian: number;
    readonly localCloakingTieAwareMedian: number;
    readonly localCloakingZeroShare: number;
    readonly localCloakingHistogram: Histogram;
    readonly dcr: { medianAvatar: number; medianReference?: number; avatarHistogram: Histogram; referenceHistogram?: Histogram };
    readonly nndr: { medianAvatar: number; medianReference?: number };
    readonly kAnonymity?: { original: KAnonymityResult; avatars: KAnonymityResult; quasiIdentifiers: string[] };
    readonly singlingOut: { univariate: SinglingOutResult; multivariate: SinglingOutResult };
    readonly linkability: AttackResult & { auxColumns: [string[], string[]] };
    readonly inference: { perSecret: InferenceResult[]; maxRisk: number; meanRisk: number };
    readonly hasControl: boolean;
    /** True when attacks and DCR come from a separate split build (see ReportInput.evaluation). */
    readonly separateEvaluation: boolean;
  };
  readonly utility: {
    readonly hellinger: HellingerResult;
    readonly correlation: CorrelationResult;
    readonly marginals: Record<string, ColumnDistribution>;
    readonly classifier?: { trainedOnOriginal: ClassifierResult; trainedOnAvatars: ClassifierResult };
    readonly survival?: { options: CoxOptions; original: HazardRatio; avatars: HazardRatio };
  };
}

export function histogram(values: ArrayLike<number>, bins = 30, range?: readonly [number, number]): Histogram {
  let lo = range?.[0] ?? Infinity;
  let hi = range?.[1] ?? -Infinity;
  if (!range) for (let i = 0; i < values.length; i++) {
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
  }
  if (!Number.isFinite(lo)) return { edges: [0, 1], counts: [0] };
  if (hi <= lo) hi = lo + 1;
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((values[i]! - lo) / width)));
    counts[b]! += 1;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, i) => lo + i * width), counts };
}

export function buildAvatarReport(input: ReportInput): AvatarReport {
  const { original, avatars } = input;
  if (avatars.rows.length !== original.rows.length) throw new RangeError('avatars must pair with the original records');
  const attackSet = input.evaluation ?? { original, avatars, control: input.control };
  const control = attackSet.control;
  // The paper's metric space: FAMD fitted on the originals (missing values mean-imputed), avatars projected into it.
  const projection = fitProjection(original, { ncp: input.parameters.ncp, missing: 'impute' });
  const d = projection.ncp;
  const originalCoords = projection.transform(original.rows);
  const avatarCoords = projection.transform(avatars.rows);
  const cloaking = cloakingMetrics(originalCoords, avatarCoords, d);
  // DCR/NNDR in the space of the records the evaluated avatars were generated from.
  const dcrProjection = input.evaluation ? fitProjection(attackSet.original, { ncp: input.parameters.ncp, missing: 'impute' }) : projection;
  const trainCoords = input.evaluation ? dcrProjection.transform(attackSet.original.rows) : originalCoords;
  const dcrAvatar = closestRecordMetrics(input.evaluation ? dcrProjection.transform(attackSet.avatars.rows) : avatarCoords, trainCoords, d);
  const dcrReference = control ? closestRecordMetrics(dcrProjection.transform(control.rows), trainCoords, d) : undefined;
  let maxDcr = 0;
  for (const v of dcrAvatar.dcr) maxDcr = Math.max(maxDcr, v);
  if (dcrReference) for (const v of dcrReference.dcr) maxDcr = Math.max(maxDcr, v);
  const dcrRange = [0, maxDcr || 1] as const;

  const names = original.columns.map((c) => c.name);
  const attackBase = { seed: input.seed, ...(input.nAttacks === undefined ? {} : { nAttacks: input.nAttacks }) };
  const half = Math.ceil(names.length / 2);
  const qi = input.quasiIdentifiers ?? [];
  const defaultLink: [string[], string[]] = qi.length > 0 && qi.length < names.length
    ? [[...qi], names.filter((n) => !qi.includes(n))]
    : [names.slice(0, half), names.slice(half)];
  const auxColumns: [string[], string[]] = input.linkabilityColumns ? [[...input.linkabilityColumns[0]], [...input.linkabilityColumns[1]]] : defaultLink;
  const secrets = input.inferenceSecrets ?? names;
  const perSecret = secrets.map((secret, i) => inferenceRisk(attackSet.original, attackSet.avatars, control, { ...attackBase, seed: input.seed + 101 * (i + 1), secret }));

  const marginals: Record<string, ColumnDistribution> = {};
  const minCount = Math.max(5, input.parameters.k);
  original.columns.forEach((c, i) => {
    // Numeric columns: round, merged, open-ended bins (metrics/released-marginals.ts), never exact values.
    marginals[c.name] = c.kind === 'categorical' ? suppressRareLevels(marginalDistributions(original, avatars, i), original.rows.length, minCount) : releasedNumericMarginal(original, avatars, i, minCount);
  });

  return {
    version: RELEASED_MARGINALS_VERSION,
    rows: original.rows.length,
    columns: original.columns.map((c) => ({ name: c.name, kind: c.kind })),
    parameters: { ...input.parameters, method: input.parameters.method ?? projection.method },
    privacy: {
      hiddenRate: cloaking.hiddenRate,
      localCloakingMedian: cloaking.localCloakingMedian,
      localCloakingTieAwareMedian: cloaking.localCloakingTieAwareMedian,
      localCloakingZeroShare: cloaking.localCloakingZeroShare,
      // The tail is long; the plot stops at the 95th percentile (at least 30) so the bulk stays readable.
      localCloakingHistogram: histogram(cloaking.localCloaking, 30, [0, Math.max(30, quantile(cloaking.localCloaking, 0.95))]),
      dcr: {
        medianAvatar: dcrAvatar.medianDcr,
        avatarHistogram: histogram(dcrAvatar.dcr, 30, dcrRange),
        ...(dcrReference ? { medianReference: dcrReference.medianDcr, referenceHistogram: histogram(dcrReference.dcr, 30, dcrRange) } : {}),
      },
      nndr: { medianAvatar: dcrAvatar.medianNndr, ...(dcrReference ? { medianReference: dcrReference.medianNndr } : {}) },
      ...(qi.length > 0 ? { kAnonymity: { original: kAnonymity(original, qi), avatars: kAnonymity(avatars, qi), quasiIdentifiers: [...qi] } } : {}),
      singlingOut: {
        univariate: singlingOutRisk(attackSet.original, attackSet.avatars, control, { ...attackBase, mode: 'univariate' }),
        multivariate: singlingOutRisk(attackSet.original, attackSet.avatars, control, { ...attackBase, seed: input.seed + 1, mode: 'multivariate' }),
      },
      linkability: { ...linkabilityRisk(attackSet.original, attackSet.avatars, control, { ...attackBase, seed: input.seed + 2, auxColumns }), auxColumns },
      inference: {
        perSecret,
        maxRisk: Math.max(0, ...perSecret.map((r) => r.risk.value)),
        meanRisk: mean(perSecret.map((r) => r.risk.value)),
      },
      hasControl: control !== undefined,
      separateEvaluation: input.evaluation !== undefined,
    },
    utility: {
      hellinger: hellingerDistances(original, avatars),
      correlation: correlationComparison(original, avatars),
      marginals,
      ...(input.classifier && control
        ? {
            classifier: {
              trainedOnOriginal: trainTestClassifier(attackSet.original, control, input.classifier.target, input.classifier.positiveLevel),
              trainedOnAvatars: trainTestClassifier(attackSet.avatars, control, input.classifier.target, input.classifier.positiveLevel),
            },
          }
        : {}),
      ...(input.survival
        ? { survival: { options: input.survival, original: coxHazardRatio(original, input.survival), avatars: coxHazardRatio(avatars, input.survival) } }
        : {}),
    },
  };
}

/** Re-exported for callers that only need a risk from counts (e.g. merging external results). */
export { evaluateAttack };

/**
 * The report leaves the trusted side: a categorical level held by fewer than `minCount` original
 * records (a name or an identifier left in a column by mistake, a rare diagnosis) is not named in
 * it; such levels are merged into one '(rare levels)' bar. Distances are computed before this.
 */
export function suppressRareLevels(dist: ColumnDistribution, rows: number, minCount: number): ColumnDistribution {
  const keep = dist.labels.map((label, i) => label === 'missing' || Math.round(dist.original[i]! * rows) >= minCount);
  if (keep.every(Boolean)) return dist;
  const pick = (values: number[]) => {
    const kept = values.filter((_, i) => keep[i]);
    return [...kept, values.reduce((sum, v, i) => (keep[i] ? sum : sum + v), 0)];
  };
  return { labels: [...dist.labels.filter((_, i) => keep[i]), '(rare levels)'], original: pick(dist.original), avatar: pick(dist.avatar) };
}

