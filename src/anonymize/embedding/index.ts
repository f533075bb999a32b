/**
 * Embedding-space anonymization (avatars): public surface.
 *
 * `avatarizeFile` is what `voile avatarize --in TABLE.csv --out DIR --report report.html` runs:
 * read the table, generate one avatar per record, measure privacy and utility, write
 * `DIR/avatars.csv`, `DIR/report.json` and the HTML report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { VoileError, toVoileError } from '../../errors.js';
import { generateAvatars } from './avatars.js';
import type { AvatarWeighting, CategoricalDecoding } from './avatars.js';
import { formatCsv, readCsvFile } from './csv.js';
import { seededRandom, shuffleInPlace } from './random.js';
import { buildAvatarReport } from './report/build.js';
import type { AvatarReport, ReportInput } from './report/build.js';
import { renderReportHtml } from './report/html.js';
import type { ColumnKind, Table } from './table.js';

export type { ColumnKind, ColumnSpec, Cell, Row, Table } from './table.js';
export { parseCsv, readCsvFile, formatCsv } from './csv.js';
export type { ReadCsvOptions } from './csv.js';
export { fitProjection } from './projection.js';
export type { Projection, ProjectionMethod, ProjectionOptions } from './projection.js';
export { generateAvatars, generateAvatarsWith, neighbourWeights, avatarSeed } from './avatars.js';
export type { AvatarOptions, AvatarResult, AvatarWeighting, CategoricalDecoding } from './avatars.js';
export { KdTree } from './kdtree.js';
export { kdTreeSearch } from './neighbour-search.js';
export type { NeighbourIndex, NeighbourSearch, Neighbours } from './neighbour-search.js';
export { seededRandom } from './random.js';
export { buildAvatarReport } from './report/build.js';
export type { AvatarReport, ReportInput } from './report/build.js';
export { renderReportHtml } from './report/html.js';
export { cloakingMetrics, closestRecordMetrics, kAnonymity } from './metrics/distance.js';
export { singlingOutRisk, linkabilityRisk, inferenceRisk } from './metrics/attacks.js';
export { wilsonSuccessRate, residualSuccess, evaluateAttack } from './metrics/confidence.js';
export { hellingerDistances, correlationComparison } from './metrics/utility.js';
export { coxHazardRatio, trainTestClassifier } from './metrics/models.js';

export type AvatarizePhase = 'read' | 'avatars' | 'evaluation' | 'report' | 'write';

export interface AvatarizeFileOptions {
  readonly inPath: string;
  readonly outDir: string;
  /** HTML report path; default `outDir/report.html`. */
  readonly reportPath?: string;
  readonly k: number;
  readonly ncp: number;
  readonly seed: number;
  readonly weighting?: AvatarWeighting;
  /** Base of the random geometric weight factor (default 2, the paper's). */
  readonly dominance?: number;
  readonly categoricalDecoding?: CategoricalDecoding;
  /** Column kinds by name (others are inferred) and columns to drop (direct identifiers). */
  readonly kinds?: Readonly<Record<string, ColumnKind>>;
  readonly drop?: readonly string[];
  /**
   * Share of records held out as control for the attacks (a second, evaluation-only build on the
   * rest). 0 disables it: the attacks then have no control set. Default 0.3, the paper's split.
   */
  readonly controlFraction?: number;
  readonly quasiIdentifiers?: readonly string[];
  readonly classifier?: ReportInput['classifier'];
  readonly survival?: ReportInput['survival'];
  readonly onProgress?: (phase: AvatarizePhase, done: number, total: number) => void;
}

export interface AvatarizeFileResult {
  readonly avatarsPath: string;
  readonly reportJsonPath: string;
  readonly reportHtmlPath: string;
  readonly report: AvatarReport;
}

/** Seeded split into generation records and held-out control records. */
export function splitForEvaluation(table: Table, controlFraction: number, seed: number): { train: Table; control: Table } {
  const order = Array.from({ length: table.rows.length }, (_, i) => i);
  shuffleInPlace(order, seededRandom(seed));
  const nControl = Math.round(table.rows.length * controlFraction);
  const control = order.slice(0, nControl).sort((a, b) => a - b);
  const train = order.slice(nControl).sort((a, b) => a - b);
  return {
    train: { columns: table.columns, rows: train.map((i) => table.rows[i]!) },
    control: { columns: table.columns, rows: control.map((i) => table.rows[i]!) },
  };
}

export async function avatarizeFile(options: AvatarizeFileOptions): Promise<AvatarizeFileResult> {
  const progress = options.onProgress ?? (() => {});
  const controlFraction = options.controlFraction ?? 0.3;
  if (!(controlFraction >= 0 && controlFraction < 1)) throw new VoileError('BAD_REQUEST', 'controlFraction must be in [0, 1)');
  progress('read', 0, 1);
  const table = readCsvFile(options.inPath, { ...(options.kinds ? { kinds: options.kinds } : {}), ...(options.drop ? { drop: options.drop } : {}) });
  progress('read', 1, 1);
  try {
    const avatarOptions = {
      k: options.k,
      ncp: options.ncp,
      seed: options.seed,
      ...(options.weighting ? { weighting: options.weighting } : {}),
      ...(options.dominance ? { dominance: options.dominance } : {}),
      ...(options.categoricalDecoding ? { categoricalDecoding: options.categoricalDecoding } : {}),
    };
    const { avatars } = generateAvatars(table, { ...avatarOptions, onProgress: (done, total) => progress('avatars', done, total) });

    let evaluation: ReportInput['evaluation'];
    if (controlFraction > 0) {
      const { train, control } = splitForEvaluation(table, controlFraction, options.seed ^ 0x5eed);
      if (train.rows.length > options.k && control.rows.length >= 10) {
        const evaluationBuild = generateAvatars(train, { ...avatarOptions, onProgress: (done, total) => progress('evaluation', done, total) });
        evaluation = { original: train, avatars: evaluationBuild.avatars, control };
      }
    }
    progress('report', 0, 1);
    const report = buildAvatarReport({
      original: table,
      avatars,
      parameters: {
        k: options.k,
        ncp: options.ncp,
        weighting: `${options.weighting ?? 'avatar'}${(options.weighting ?? 'avatar') === 'avatar' ? `, dominance ${options.dominance ?? 2}` : ''}, categorical ${options.categoricalDecoding ?? 'most-likely'}`,
      },
      seed: options.seed,
      ...(evaluation ? { evaluation } : {}),
      ...(options.quasiIdentifiers ? { quasiIdentifiers: options.quasiIdentifiers } : {}),
      ...(options.classifier ? { classifier: options.classifier } : {}),
      ...(options.survival ? { survival: options.survival } : {}),
    });
    progress('report', 1, 1);

    progress('write', 0, 1);
    mkdirSync(options.outDir, { recursive: true });
    const avatarsPath = join(options.outDir, 'avatars.csv');
    const reportJsonPath = join(options.outDir, 'report.json');
    const reportHtmlPath = options.reportPath ?? join(options.outDir, 'report.html');
    mkdirSync(dirname(reportHtmlPath), { recursive: true });
    writeFileSync(avatarsPath, formatCsv(avatars));
    writeFileSync(reportJsonPath, JSON.stringify(report, null, 2));
    writeFileSync(reportHtmlPath, renderReportHtml(report));
    progress('write', 1, 1);
    return { avatarsPath, reportJsonPath, reportHtmlPath, report };
  } catch (err) {
    // Range errors from the numeric core carry no data, but the caller gets one clean code.
    throw err instanceof RangeError ? new VoileError('BAD_REQUEST', 'The table cannot be avatarized with these parameters', { cause: err }) : toVoileError(err, 'ANONYMIZATION_FAILED');
  }
}
