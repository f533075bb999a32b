/**
 * The report as one self-contained HTML page: summary tables first (what a data protection
 * officer reads), then the plots (marginals, correlation matrices, distance histograms).
 */
import type { AttackResult } from '../metrics/confidence.js';
import type { AvatarReport } from './build.js';
import { AVATAR_COLOUR, ORIGINAL_COLOUR, escapeXml, groupedBarChart, heatmap, histogramChart } from './svg.js';

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '–');
const num = (x: number | undefined, digits = 3): string => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

function riskCell(r: AttackResult): string {
  const flag = r.betterThanBaseline ? '' : ' <span class="muted">(not better than random)</span>';
  return `${num(r.risk.value)} [${num(r.risk.ci[0])}, ${num(r.risk.ci[1])}]${flag}`;
}

function row(label: string, value: string): string {
  return `<tr><th>${escapeXml(label)}</th><td>${value}</td></tr>`;
}

export function renderReportHtml(report: AvatarReport, title = 'Avatar privacy and utility report'): string {
  const p = report.privacy;
  const u = report.utility;
  const summary = [
    row('Records', String(report.rows)),
    row('Columns', String(report.columns.length)),
    row('Method', escapeXml(`${report.parameters.method ?? ''} · k = ${report.parameters.k} · ncp = ${report.parameters.ncp} · weighting ${report.parameters.weighting ?? 'avatar'}`)),
  ].join('');
  const privacy = [
    row('Hidden rate', pct(p.hiddenRate)),
    row('Local cloaking (median)', `${num(p.localCloakingMedian, 1)} <span class="muted">(ties as half: ${num(p.localCloakingTieAwareMedian, 1)})</span>`),
    row('Local cloaking = 0', pct(p.localCloakingZeroShare)),
    row('Median DCR (avatars / holdout reference)', `${num(p.dcr.medianAvatar)} / ${num(p.dcr.medianReference)}`),
    row('Median NNDR (avatars / holdout reference)', `${num(p.nndr.medianAvatar)} / ${num(p.nndr.medianReference)}`),
    ...(p.kAnonymity
      ? [row(`k-anonymity of ${p.kAnonymity.quasiIdentifiers.join(', ')} (original → avatars)`, `${p.kAnonymity.original.k} → ${p.kAnonymity.avatars.k} <span class="muted">(records in classes &lt; ${p.kAnonymity.avatars.threshold}: ${pct(p.kAnonymity.original.shareBelowThreshold)} → ${pct(p.kAnonymity.avatars.shareBelowThreshold)})</span>`)]
      : []),
    row('Singling out, univariate (risk [95 % CI])', riskCell(p.singlingOut.univariate)),
    row('Singling out, multivariate', riskCell(p.singlingOut.multivariate)),
    row('Linkability', riskCell(p.linkability)),
    row('Inference, worst secret', `${num(p.inference.maxRisk)} <span class="muted">(mean over ${p.inference.perSecret.length} secrets: ${num(p.inference.meanRisk)})</span>`),
  ].join('');
  const controlNote = p.hasControl
    ? p.separateEvaluation
      ? '<p class="muted">Attacks, DCR/NNDR and the classifier are measured on a separate evaluation build: the same parameters on a random part of the records, the rest held out as control records never used for generation.</p>'
      : ''
    : '<p class="warn">No control set was given: attack figures are raw success rates, not residual risks over a control set, and overstate the risk.</p>';
  const utility = [
    row('Mean Hellinger distance', `${num(u.hellinger.mean)} <span class="muted">(max ${num(u.hellinger.max)})</span>`),
    row('Mean |Δ Pearson|', `${num(u.correlation.meanAbsDelta)} <span class="muted">(max ${num(u.correlation.maxAbsDelta)}; similarity ${num(u.correlation.similarity)})</span>`),
    ...(u.classifier
      ? [row(`Classifier for ${u.classifier.trainedOnOriginal.target} (AUC on real holdout)`, `trained on real ${num(u.classifier.trainedOnOriginal.auc)} · trained on avatars ${num(u.classifier.trainedOnAvatars.auc)}`)]
      : []),
    ...(u.survival
      ? [row(`Hazard ratio ${u.survival.options.group} ${u.survival.options.compare} vs ${u.survival.options.reference}`, `original ${num(u.survival.original.hazardRatio, 2)} (${num(u.survival.original.ci[0], 2)}–${num(u.survival.original.ci[1], 2)}) · avatars ${num(u.survival.avatars.hazardRatio, 2)} (${num(u.survival.avatars.ci[0], 2)}–${num(u.survival.avatars.ci[1], 2)})`)]
      : []),
  ].join('');
  const inference = p.inference.perSecret
    .map((r) => `<tr><td>${escapeXml(r.secret)}</td><td>${riskCell(r)}</td><td>${pct(r.attackRate.value)}</td><td>${r.controlRate ? pct(r.controlRate.value) : '–'}</td><td>${pct(r.baselineRate.value)}</td></tr>`)
    .join('');
  const marginals = Object.entries(u.marginals)
    .map(([name, dist]) => groupedBarChart(`${name} (H = ${num(u.hellinger.perColumn[name])})`, dist.labels, [
      { name: 'original', colour: ORIGINAL_COLOUR, values: dist.original },
      { name: 'avatars', colour: AVATAR_COLOUR, values: dist.avatar },
    ]))
    .join('');
  const m = u.correlation.columns.length;
  const correlations = m > 1
    ? heatmap('Pearson, original', u.correlation.columns, u.correlation.original) + heatmap('Pearson, avatars', u.correlation.columns, u.correlation.avatar)
    : '<p>Fewer than two numerically coded columns.</p>';
  const distances = [
    histogramChart('Local cloaking', p.localCloakingHistogram.edges, [{ name: 'records', colour: ORIGINAL_COLOUR, counts: p.localCloakingHistogram.counts }]),
    histogramChart('Distance to closest original record', p.dcr.avatarHistogram.edges, [
      { name: 'avatars', colour: AVATAR_COLOUR, counts: p.dcr.avatarHistogram.counts },
      ...(p.dcr.referenceHistogram ? [{ name: 'holdout reference', colour: ORIGINAL_COLOUR, counts: p.dcr.referenceHistogram.counts }] : []),
    ]),
  ].join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;font-size:14px}
th{background:#f6f6f6;font-weight:600}.muted{color:#777;font-size:12px}.warn{color:#a33}
.grid{display:flex;flex-wrap:wrap;gap:12px}svg{background:#fff;border:1px solid #eee}
</style></head><body>
<h1>${escapeXml(title)}</h1>
<p class="muted">Aggregates only: this report contains no record. Risks follow Anonymeter (Giomi et al., PETS 2023): residual success over a control set, Wilson 95 % intervals. Distance metrics follow the Avatar paper (Guillaudeux et al., 2023), in the FAMD space of the originals.</p>
<h2>Build</h2><table>${summary}</table>
<h2>Privacy</h2>${controlNote}<table>${privacy}</table>
<details><summary>Inference per secret column</summary><table><tr><th>secret</th><th>risk [95 % CI]</th><th>attack</th><th>control</th><th>baseline</th></tr>${inference}</table></details>
<h2>Utility</h2><table>${utility}</table>
<h2>Distances</h2><div class="grid">${distances}</div>
<h2>Correlation matrices</h2><div class="grid">${correlations}</div>
<h2>Marginal distributions</h2><div class="grid">${marginals}</div>
</body></html>
`;
}
