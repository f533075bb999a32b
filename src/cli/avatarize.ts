import { avatarizeFile } from '../anonymize/embedding/index.js';
import { VoileError } from '../errors.js';
import { parseCommandArgs, required } from './args.js';
import { batchIdentity } from './batch-context.js';

const USAGE = `Usage: voile avatarize --in TABLE.csv --out DIR [--report report.html]
                      [--k 20] [--ncp 5] [--seed N] [--drop col1,col2] [--qi col1,col2]
                      [--categorical col1,col2] [--dominance 2] [--decoding most-likely|weighted-draw]

Generates one avatar per record in a learned embedding space (FAMD), writes the avatars and a
privacy/utility report (JSON + HTML) to DIR.
  --drop   direct identifiers to remove before anything else
  --qi     declared quasi-identifiers (for k-anonymity in the report)
  --categorical  columns to treat as categorical (others: inferred)
  --seed   default: derived from VOILE_SECRET (the same secret and data give the same avatars)
  --dominance  base b of the random b^(-rank) weight factor (default 2, the paper's; larger lets one
               random neighbour weigh more: see docs/avatars.md for the measured trade-off)
  --decoding   categorical decoding: most-likely (default) or weighted-draw`;

const DECODINGS = ['most-likely', 'weighted-draw'] as const;

export async function avatarizeCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(
    argv,
    {
      in: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      k: { type: 'string' },
      ncp: { type: 'string' },
      seed: { type: 'string' },
      drop: { type: 'string' },
      qi: { type: 'string' },
      categorical: { type: 'string' },
      dominance: { type: 'string' },
      decoding: { type: 'string' },
    },
    USAGE,
  );
  const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));
  const drop = list(values.drop);
  const quasiIdentifiers = list(values.qi);
  const categorical = list(values.categorical);
  const inPath = required(values.in, '--in', USAGE);
  const dominance = values.dominance === undefined ? undefined : dominanceOf(values.dominance);
  const decoding = values.decoding === undefined ? undefined : DECODINGS.find((d) => d === values.decoding);
  if (values.decoding !== undefined && decoding === undefined) throw new VoileError('BAD_REQUEST', `--decoding must be one of ${DECODINGS.join(', ')}\n\n${USAGE}`);
  const seed = values.seed !== undefined ? positiveInt(values.seed, '--seed') : batchIdentity('default', undefined).seed('avatar-seed', 'avatarize');
  let lastLine = '';
  const result = await avatarizeFile({
    inPath,
    outDir: required(values.out, '--out', USAGE),
    ...(values.report !== undefined && { reportPath: values.report }),
    k: positiveInt(values.k ?? '20', '--k'),
    ncp: positiveInt(values.ncp ?? '5', '--ncp'),
    seed,
    ...(dominance !== undefined && { dominance }),
    ...(decoding !== undefined && { categoricalDecoding: decoding }),
    ...(categorical && { kinds: Object.fromEntries(categorical.map((c) => [c, 'categorical' as const])) }),
    ...(drop && { drop }),
    ...(quasiIdentifiers && { quasiIdentifiers }),
    onProgress: (stage, done, total) => {
      // A one-line progress bar on stderr (stdout stays clean for scripts).
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const line = `${stage.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
      if (line !== lastLine && process.stderr.isTTY) process.stderr.write(`\r${line}`);
      lastLine = line;
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const { privacy, utility } = result.report as unknown as {
    privacy: { hiddenRate: number; localCloakingMedian: number };
    utility: { hellinger: { mean: number }; correlation: { meanAbsDelta: number } };
  };
  const summary = {
    avatars: result.avatarsPath,
    report: { json: result.reportJsonPath, html: result.reportHtmlPath },
    rows: result.report.rows,
    hiddenRate: privacy.hiddenRate,
    localCloakingMedian: privacy.localCloakingMedian,
    meanHellinger: utility.hellinger.mean,
    meanAbsDeltaPearson: utility.correlation.meanAbsDelta,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

/** At least 1: b = 1 gives every neighbour the same random factor; below 1 the ranks would invert. */
function dominanceOf(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1) throw new VoileError('BAD_REQUEST', `--dominance must be a number of at least 1\n\n${USAGE}`);
  return n;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new VoileError('BAD_REQUEST', `${flag} must be a positive integer\n\n${USAGE}`);
  return n;
}
