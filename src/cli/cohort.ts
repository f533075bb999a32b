import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderReportHtml } from '../anonymize/embedding/index.js';
import { cohortBuildAuditRecord } from '../cohort/build-audit.js';
import { buildCohort, type CohortBuildResult } from '../cohort/build.js';
import { loadConfigFile, type LoadedConfig } from '../config/load.js';
import { VoileError, toVoileError } from '../errors.js';
import { FhirUpstream } from '../upstream/fhir-upstream.js';
import { parseCommandArgs, required } from './args.js';
import { createRuntime, upstreamOptionsOf } from './runtime.js';

const USAGE = `Usage: voile cohort build --config voile.yaml --policy NAME [--report report.html]

Reads the avatar cohort of a policy from the upstream FHIR server, generates one avatar per patient
and stores the build in the gateway's database (replacing the previous one, audited). From then on
the policy serves avatar values for the cohort's patients. Prints a JSON summary on stdout.`;

export interface CohortBuildRun {
  readonly loaded: LoadedConfig;
  readonly policy: string;
  readonly reportPath?: string;
}

export interface CohortBuildSummary {
  readonly policy: string;
  readonly patients: number;
  readonly columns: readonly string[];
  readonly builtAt: string;
  readonly report?: string;
  readonly hiddenRate: number;
  readonly localCloakingMedian: number;
  readonly meanHellinger: number;
}

/** `voile cohort build` (wired in main.ts as 'cohort build'). */
export async function cohortBuildCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(argv, { config: { type: 'string' }, policy: { type: 'string' }, report: { type: 'string' } }, USAGE);
  const summary = await runCohortBuild({
    loaded: loadConfigFile(required(values.config, '--config', USAGE)),
    policy: required(values.policy, '--policy', USAGE),
    ...(values.report !== undefined && { reportPath: values.report }),
  });
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

/** Builds, stores, audits and (optionally) writes the HTML report. The summary is aggregates only. */
export async function runCohortBuild(run: CohortBuildRun): Promise<CohortBuildSummary> {
  const { config, baseDir } = run.loaded;
  const fhir = config.upstream.fhir;
  if (!fhir) throw new VoileError('CONFIG_INVALID', 'cohort build needs upstream.fhir in the configuration');
  const runtime = createRuntime(run.loaded);
  const audit = runtime.openAuditStore();
  const avatars = runtime.avatars;
  const upstream = new FhirUpstream(upstreamOptionsOf(fhir, baseDir));
  const started = Date.now();
  let result: CohortBuildResult | undefined;
  let failure: VoileError | undefined;
  try {
    const resolved = runtime.registry.get(run.policy);
    if (!resolved) throw new VoileError('NOT_FOUND', `Policy '${run.policy}' is not loaded`);
    result = await buildCohort({ policy: resolved.policy, identity: resolved.identity, upstream, store: avatars });
    if (run.reportPath !== undefined) {
      mkdirSync(dirname(run.reportPath), { recursive: true });
      writeFileSync(run.reportPath, renderReportHtml(result.report, `Avatar cohort report: ${result.policy}`));
    }
  } catch (err) {
    failure = toVoileError(err);
  } finally {
    // The rebuild is audited whether it succeeded or not (no id, no value: who, what, outcome).
    const record = cohortBuildAuditRecord({
      clientId: null,
      policy: run.policy,
      method: 'CLI',
      route: 'voile cohort build',
      requestId: randomUUID(),
      failure,
      returned: {},
      durationMs: Date.now() - started,
    });
    await audit.append(record).catch(() => {});
    await Promise.allSettled([upstream.close(), audit.close()]);
    await runtime.close();
  }
  if (failure || !result) throw failure ?? new VoileError('INTERNAL', 'The cohort build did not complete');
  const privacy = result.report.privacy;
  return {
    policy: result.policy,
    patients: result.patients,
    columns: result.columns,
    builtAt: result.builtAt,
    ...(run.reportPath !== undefined && { report: run.reportPath }),
    hiddenRate: privacy.hiddenRate,
    localCloakingMedian: privacy.localCloakingMedian,
    meanHellinger: result.report.utility.hellinger.mean,
  };
}
