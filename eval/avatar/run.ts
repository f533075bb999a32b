/**
 * `npm run eval:avatar`: Voile's avatars side by side with the published Avatar results
 * (Guillaudeux et al. 2023; files from octopize/avatar-paper in ../shared/reference/avatar-paper),
 * every metric computed by the same code for both. Prints a markdown table and writes
 * eval/avatar/results.md (plus the HTML report of Voile's AIDS build).
 *
 * Protocol: full-data metrics (hidden rate, local cloaking, Hellinger, Pearson, Cox) on the whole
 * cohort and its avatars; attack metrics (singling out, linkability, inference), DCR/NNDR and the
 * classifier on the published privacy splits: `holdout_i` generates `avatar_i`, `remaining_i` is
 * the control set. Voile generates its own avatars of `holdout_i` with the same k and ncp.
 *
 * Then, when the `anonymeter` Python package is available (ANONYMETER_PYTHON, default
 * /tmp/anon/bin/python), eval/avatar/anonymeter_check.py runs the reference implementation on the
 * same split-0 files and the risks are compared interval against interval.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildAvatarReport,
  formatCsv,
  generateAvatars,
  readCsvFile,
  renderReportHtml,
} from '../../src/anonymize/embedding/index.js';
import type { AvatarOptions, AvatarReport, ColumnKind, ReportInput, Table } from '../../src/anonymize/embedding/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const reference = path.resolve(process.cwd(), '../shared/reference/avatar-paper');
const work = path.join(tmpdir(), 'voile-avatar-eval');
const SEED = 20230307;
const SPLITS = [0, 1, 2];

interface Dataset {
  readonly name: string;
  readonly dir: string;
  readonly original: string;
  readonly published: string;
  readonly drop: string[];
  readonly kinds: Record<string, ColumnKind>;
  readonly k: number;
  readonly ncp: number;
  readonly quasiIdentifiers?: string[];
  readonly linkability: [string[], string[]];
  readonly classifier: { target: string; positiveLevel: string };
  readonly survival?: ReportInput['survival'];
  readonly goals: { hiddenRate: number; localCloaking: number; hellinger?: number; pearson?: number };
  readonly variants: Variant[];
}

/** One Voile configuration: generation options, and column kinds for generation if they differ. */
interface Variant {
  readonly label: string;
  readonly options: Pick<AvatarOptions, 'dominance' | 'categoricalDecoding'>;
  readonly generationKinds?: Record<string, ColumnKind>;
}

const PAPER: Variant = { label: 'Voile, paper settings', options: {} };
const DRAW: Variant = { label: 'Voile, weighted draw', options: { categoricalDecoding: 'weighted-draw' } };

const AIDS_NUMERIC = ['age', 'wtkg', 'karnof', 'preanti', 'cd40', 'cd420', 'cd496', 'cd80', 'cd820', 'days'];
const AIDS_COLUMNS = ['age', 'wtkg', 'hemo', 'homo', 'drugs', 'karnof', 'oprior', 'z30', 'zprior', 'preanti', 'race', 'gender', 'str2', 'strat', 'symptom', 'treat', 'offtrt', 'cd40', 'cd420', 'cd496', 'r', 'cd80', 'cd820', 'cens', 'days', 'arms'];
const WBCD_COLUMNS = ['Clump_Thickness', 'Uniformity_of_Cell_Size', 'Uniformity_of_Cell_Shape', 'Marginal_Adhesion', 'Single_Epithelial_Cell_Size', 'Bare_Nuclei', 'Bland_Chromatin', 'Normal_Nucleoli', 'Mitoses', 'Class'];

const DATASETS: Dataset[] = [
  {
    name: 'AIDS',
    dir: 'AIDS',
    original: 'aids_original_data.csv',
    published: 'aids_avatarized_base_k20_nf5.csv',
    drop: ['pidnum'],
    kinds: Object.fromEntries(AIDS_COLUMNS.map((c) => [c, AIDS_NUMERIC.includes(c) ? 'numeric' : 'categorical'])),
    k: 20,
    ncp: 5,
    quasiIdentifiers: ['age', 'gender', 'race'],
    linkability: [['age', 'wtkg', 'gender', 'race', 'homo', 'drugs', 'hemo', 'karnof', 'symptom'], ['cd40', 'cd420', 'cd496', 'cd80', 'cd820', 'preanti', 'str2', 'strat', 'z30', 'zprior', 'oprior']],
    classifier: { target: 'cens', positiveLevel: '1' },
    survival: { time: 'days', event: 'cens', group: 'arms', reference: '0', compare: '1' },
    goals: { hiddenRate: 0.929, localCloaking: 11, hellinger: 0.051, pearson: 0.031 },
    variants: [
      PAPER,
      DRAW,
      { label: 'Voile, weighted draw, dominance 3', options: { categoricalDecoding: 'weighted-draw', dominance: 3 } },
      { label: 'Voile, dominance 4', options: { dominance: 4 } },
    ],
  },
  {
    name: 'WBCD',
    dir: 'WBCD',
    original: 'breast_cancer_wisconsin.csv',
    published: 'breast_cancer_wisconsin_avatarized_k20.csv',
    drop: ['Sample_code_number'],
    kinds: Object.fromEntries(WBCD_COLUMNS.map((c) => [c, c === 'Class' ? 'categorical' : 'numeric'])),
    k: 20,
    ncp: 2,
    linkability: [['Clump_Thickness', 'Uniformity_of_Cell_Size', 'Uniformity_of_Cell_Shape', 'Marginal_Adhesion', 'Single_Epithelial_Cell_Size'], ['Bare_Nuclei', 'Bland_Chromatin', 'Normal_Nucleoli', 'Mitoses', 'Class']],
    classifier: { target: 'Class', positiveLevel: '4' },
    goals: { hiddenRate: 0.927, localCloaking: 11 },
    variants: [
      PAPER,
      DRAW,
      {
        label: 'Voile, scores as categorical, weighted draw',
        options: { categoricalDecoding: 'weighted-draw' },
        generationKinds: Object.fromEntries(WBCD_COLUMNS.map((c) => [c, 'categorical'])),
      },
    ],
  },
];

interface SplitFigures {
  dcr: number;
  dcrReference: number;
  nndr: number;
  nndrReference: number;
  soUni: number;
  soMulti: number;
  link: number;
  infMean: number;
  infMax: number;
  aucReal: number;
  aucSynthetic: number;
  report: AvatarReport;
}

interface Row {
  metric: string;
  values: string[];
  goal?: string;
}

const labels: Record<string, string> = {};

function describe(v: Variant): string {
  const parts = [
    `dominance ${v.options.dominance ?? 2}`,
    `categorical decoding ${v.options.categoricalDecoding ?? 'most-likely'}`,
    v.generationKinds ? 'every column treated as categorical for generation (MCA)' : 'column kinds as declared (FAMD)',
  ];
  return parts.join(', ');
}

/** Avatars built with other column kinds, re-typed to the evaluation's columns. */
function retype(avatars: Table, like: Table): Table {
  return {
    columns: like.columns,
    rows: avatars.rows.map((row) =>
      row.map((cell, i) => {
        if (cell === null) return null;
        if (like.columns[i]!.kind === 'numeric') return typeof cell === 'number' ? cell : Number(cell);
        return typeof cell === 'string' ? cell : String(cell);
      }),
    ),
  };
}

const f = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function load(ds: Dataset, file: string, drop: string[] = []): Table {
  return readCsvFile(path.join(reference, ds.dir, file), { kinds: ds.kinds, drop });
}

function splitReport(ds: Dataset, avatars: Table, original: Table, control: Table, seed: number): SplitFigures {
  const report = buildAvatarReport({
    original,
    avatars,
    control,
    parameters: { k: ds.k, ncp: ds.ncp },
    seed,
    linkabilityColumns: ds.linkability,
    classifier: ds.classifier,
  });
  const p = report.privacy;
  return {
    dcr: p.dcr.medianAvatar,
    dcrReference: p.dcr.medianReference ?? Number.NaN,
    nndr: p.nndr.medianAvatar,
    nndrReference: p.nndr.medianReference ?? Number.NaN,
    soUni: p.singlingOut.univariate.risk.value,
    soMulti: p.singlingOut.multivariate.risk.value,
    link: p.linkability.risk.value,
    infMean: p.inference.meanRisk,
    infMax: p.inference.maxRisk,
    aucReal: report.utility.classifier?.trainedOnOriginal.auc ?? Number.NaN,
    aucSynthetic: report.utility.classifier?.trainedOnAvatars.auc ?? Number.NaN,
    report,
  };
}

interface RiskFigure {
  value: number;
  ci: [number, number];
}
type RiskSet = Record<string, RiskFigure>;

function risksOf(report: AvatarReport): RiskSet {
  const p = report.privacy;
  const out: RiskSet = {
    'singling out (univariate)': { value: p.singlingOut.univariate.risk.value, ci: [...p.singlingOut.univariate.risk.ci] },
    'singling out (multivariate)': { value: p.singlingOut.multivariate.risk.value, ci: [...p.singlingOut.multivariate.risk.ci] },
    linkability: { value: p.linkability.risk.value, ci: [...p.linkability.risk.ci] },
  };
  for (const r of p.inference.perSecret) out[`inference ${r.secret}`] = { value: r.risk.value, ci: [...r.risk.ci] };
  return out;
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const started = Date.now();
  const sections: string[] = [];
  const anonymeterJobs: unknown[] = [];
  const voileRisks: Record<string, Record<string, RiskSet>> = {};


  for (const ds of DATASETS) {
    const original = load(ds, ds.original, ds.drop);
    const published = load(ds, ds.published);
    // Generates with the variant's kinds, returns avatars typed like the evaluation's columns.
    const build = (variant: Variant, file: string, drop: string[], seed: number): { avatars: Table; ms: number } => {
      const input = variant.generationKinds ? readCsvFile(path.join(reference, ds.dir, file), { kinds: variant.generationKinds, drop }) : load(ds, file, drop);
      const t0 = Date.now();
      const avatars = generateAvatars(input, { k: ds.k, ncp: ds.ncp, seed, ...variant.options }).avatars;
      return { avatars: retype(avatars, original), ms: Date.now() - t0 };
    };
    const full = (avatars: Table): AvatarReport =>
      buildAvatarReport({
        original,
        avatars,
        parameters: { k: ds.k, ncp: ds.ncp },
        seed: SEED,
        inferenceSecrets: [],
        ...(ds.quasiIdentifiers ? { quasiIdentifiers: ds.quasiIdentifiers } : {}),
        ...(ds.survival ? { survival: ds.survival } : {}),
      });
    const sets = [{ label: 'published avatars', key: 'published', full: full(published), splits: [] as SplitFigures[], ms: Number.NaN }];
    ds.variants.forEach((variant, v) => {
      const built = build(variant, ds.original, ds.drop, SEED);
      const report = full(built.avatars);
      if (ds.name === 'AIDS' && v === 0) writeFileSync(path.join(here, 'aids-report.html'), renderReportHtml(report, 'Voile avatars of AIDS (ACTG175), k = 20, ncp = 5'));
      sets.push({ label: variant.label, key: `voile-${v}`, full: report, splits: [], ms: built.ms });
    });

    voileRisks[ds.name] = {};
    for (const split of SPLITS) {
      const holdout = load(ds, `privacy/holdout_${split}.csv`);
      const control = load(ds, `privacy/remaining_${split}.csv`);
      const splitAvatars = [load(ds, `privacy/avatar_${split}.csv`), ...ds.variants.map((variant) => build(variant, `privacy/holdout_${split}.csv`, [], SEED + split).avatars)];
      splitAvatars.forEach((avatars, i) => sets[i]!.splits.push(splitReport(ds, avatars, holdout, control, SEED + 100 * split)));
      if (split === 0) {
        const synthetic: Record<string, string> = { published: path.join(reference, ds.dir, 'privacy/avatar_0.csv') };
        splitAvatars.forEach((avatars, i) => {
          const set = sets[i]!;
          voileRisks[ds.name]![set.key] = risksOf(set.splits[0]!.report);
          if (i === 0) return;
          const file = path.join(work, `${ds.name.toLowerCase()}_${set.key}_avatar_0.csv`);
          writeFileSync(file, formatCsv(avatars));
          synthetic[set.key] = file;
        });
        anonymeterJobs.push({
          dataset: ds.name,
          original: path.join(reference, ds.dir, 'privacy/holdout_0.csv'),
          control: path.join(reference, ds.dir, 'privacy/remaining_0.csv'),
          synthetic,
          categorical: Object.entries(ds.kinds).filter(([, k]) => k === 'categorical').map(([c]) => c),
          linkability: ds.linkability,
          nAttacks: sets[0]!.splits[0]!.report.privacy.linkability.nAttacks,
          secrets: sets[0]!.splits[0]!.report.privacy.inference.perSecret.map((r) => r.secret),
        });
      }
    }
    for (const set of sets) labels[`${ds.name}/${set.key}`] = set.label;

    const avg = (xs: SplitFigures[], key: keyof Omit<SplitFigures, 'report'>): number => mean(xs.map((x) => x[key] as number));
    const rows: Row[] = [];
    const add = (metric: string, value: (s: (typeof sets)[number]) => string, goal?: string): void => {
      rows.push({ metric, values: sets.map(value), ...(goal ? { goal } : {}) });
    };
    add('Hidden rate', (s) => pct(s.full.privacy.hiddenRate), `≥ ${pct(ds.goals.hiddenRate)}`);
    add('Local cloaking, median (strict)', (s) => f(s.full.privacy.localCloakingMedian, 1), `≥ ${ds.goals.localCloaking}`);
    add('Local cloaking, median (ties as half)', (s) => f(s.full.privacy.localCloakingTieAwareMedian, 1));
    add('Share with local cloaking 0', (s) => pct(s.full.privacy.localCloakingZeroShare));
    const k0 = sets[0]!.full.privacy.kAnonymity;
    if (k0) {
      add(`k-anonymity of ${k0.quasiIdentifiers.join('+')} (original: ${k0.original.k})`, (s) => String(s.full.privacy.kAnonymity?.avatars.k ?? '–'));
      add(`Records in classes < ${k0.avatars.threshold} (original: ${pct(k0.original.shareBelowThreshold)})`, (s) => pct(s.full.privacy.kAnonymity?.avatars.shareBelowThreshold ?? Number.NaN));
    }
    add(`Median DCR, avatars (holdout reference: ${f(avg(sets[0]!.splits, 'dcrReference'))})`, (s) => f(avg(s.splits, 'dcr')));
    add(`Median NNDR, avatars (holdout reference: ${f(avg(sets[0]!.splits, 'nndrReference'))})`, (s) => f(avg(s.splits, 'nndr')));
    add('Singling-out risk, univariate', (s) => f(avg(s.splits, 'soUni')));
    add('Singling-out risk, multivariate (3 columns)', (s) => f(avg(s.splits, 'soMulti')));
    add('Linkability risk', (s) => f(avg(s.splits, 'link')));
    add('Inference risk, mean over columns', (s) => f(avg(s.splits, 'infMean')));
    add('Inference risk, worst column', (s) => f(avg(s.splits, 'infMax')));
    add('Mean Hellinger distance', (s) => f(s.full.utility.hellinger.mean), ds.goals.hellinger ? `≤ ${ds.goals.hellinger} (paper's binning)` : undefined);
    add('Max Hellinger distance', (s) => f(s.full.utility.hellinger.max));
    add('Mean abs. delta Pearson', (s) => f(s.full.utility.correlation.meanAbsDelta), ds.goals.pearson ? `≤ ${ds.goals.pearson}` : undefined);
    add(`AUC for ${ds.classifier.target}, trained on avatars, tested on control (trained on real: ${f(avg(sets[0]!.splits, 'aucReal'))})`, (s) => f(avg(s.splits, 'aucSynthetic')));
    const surv = sets[0]!.full.utility.survival;
    if (surv) {
      const hr = (h: { hazardRatio: number; ci: readonly [number, number] }): string => `${f(h.hazardRatio, 2)} (${f(h.ci[0], 2)}–${f(h.ci[1], 2)})`;
      add(`Cox HR arms 1 vs 0 (original: ${hr(surv.original)})`, (s) => (s.full.utility.survival ? hr(s.full.utility.survival.avatars) : '–'), 'close to original');
    }
    add('Build time, full cohort', (s) => (Number.isFinite(s.ms) ? `${s.ms} ms` : '–'));
    const header = `| metric | ${sets.map((s) => s.label).join(' | ')} | goal |`;
    const table = [header, `|---|${sets.map(() => '---|').join('')}---|`, ...rows.map((r) => `| ${r.metric} | ${r.values.join(' | ')} | ${r.goal ?? ''} |`)].join('\n');
    const variantNotes = ds.variants.map((v) => `- **${v.label}**: ${describe(v)}`).join('\n');
    sections.push(`### ${ds.name} (${original.rows.length} × ${original.columns.length}, k = ${ds.k}, ncp = ${ds.ncp})\n\n${variantNotes}\n\n${table}\n\nAttack, DCR/NNDR and classifier figures: mean over privacy splits ${SPLITS.join(', ')} (holdout → avatars, remaining = control, ${sets[0]!.splits[0]!.report.privacy.linkability.nAttacks} attacks each; singling out: up to 500 queries).`);
  }

  // Cross-check against the reference implementation.
  const jobsPath = path.join(work, 'anonymeter_jobs.json');
  const anonymeterOut = path.join(work, 'anonymeter_results.json');
  writeFileSync(jobsPath, JSON.stringify(anonymeterJobs, null, 2));
  const python = process.env.ANONYMETER_PYTHON ?? '/tmp/anon/bin/python';
  let crossCheck = `The cross-check needs the \`anonymeter\` Python package (set ANONYMETER_PYTHON); it was not found, so it did not run.`;
  if (existsSync(python)) {
    execFileSync(python, [path.join(here, 'anonymeter_check.py'), jobsPath, anonymeterOut], { stdio: ['ignore', 'inherit', 'inherit'] });
    crossCheck = crossCheckTable(JSON.parse(readFileSync(anonymeterOut, 'utf8')), voileRisks);
  }

  const md = `# Avatar evaluation: Voile vs the published Avatar results

Generated by \`npm run eval:avatar\` (eval/avatar/run.ts) in ${((Date.now() - started) / 1000).toFixed(0)} s. Data: ../shared/reference/avatar-paper
(octopize/avatar-paper, Apache-2.0). Every figure in a row is computed by the same Voile code for both
avatar sets; "published" are the avatars released with Guillaudeux et al. (2023).
Distance metrics live in the FAMD space of the originals (ncp components, missing values mean-imputed), the
convention that reproduces the published hidden rate and local cloaking from these files. Voile seed ${SEED}.

${sections.join('\n\n')}

## Cross-check with Anonymeter (reference implementation), split 0

${crossCheck}
`;
  writeFileSync(path.join(here, 'results.md'), md);
  process.stdout.write(md);
}

interface AnonymeterResult {
  dataset: string;
  synthetic: string;
  risks: Record<string, RiskFigure>;
}

function crossCheckTable(results: AnonymeterResult[], voile: Record<string, Record<string, RiskSet>>): string {
  const lines = ['| data | avatars | attack | Voile risk [95 % CI] | anonymeter risk [95 % CI] | intervals overlap |', '|---|---|---|---|---|---|'];
  let agree = 0;
  let total = 0;
  for (const r of results) {
    const ours = voile[r.dataset]?.[r.synthetic] ?? {};
    for (const [attack, theirs] of Object.entries(r.risks)) {
      const mine = ours[attack];
      if (!mine) continue;
      const overlap = mine.ci[0] <= theirs.ci[1] + 1e-9 && theirs.ci[0] <= mine.ci[1] + 1e-9;
      total++;
      if (overlap) agree++;
      lines.push(`| ${r.dataset} | ${labels[`${r.dataset}/${r.synthetic}`] ?? r.synthetic} | ${attack} | ${f(mine.value)} [${f(mine.ci[0])}, ${f(mine.ci[1])}] | ${f(theirs.value)} [${f(theirs.ci[0])}, ${f(theirs.ci[1])}] | ${overlap ? 'yes' : '**no**'} |`);
    }
  }
  return `${agree} of ${total} risk figures have overlapping 95 % intervals.\n\n${lines.join('\n')}`;
}

await main();
