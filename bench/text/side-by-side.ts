/**
 * Voile and Presidio on the same documents (the hand-written dev set and EDS-Pseudo's public small
 * test set): P/R/F1 per label with the eval scorer (strict and overlap) and characters per second.
 * Presidio gets, per document, the language Voile itself detected, so both see the same decision.
 */
import type { NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { fold, detectLang } from '../../src/anonymize/text/normalize.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { joinAddressParts, loadDev, loadEds, type Doc } from '../../eval/text/corpora.js';
import { emptyScores, prf, score, table, type Counts, type Gold, type Scores } from '../../eval/text/metrics.js';
import { presidioAvailable, runPresidio, type PresidioRun } from './presidio.js';

interface Speed {
  chars: number;
  wallS: number;
  cpuS: number;
}

interface Corpus {
  name: string;
  docs: Doc[];
  lang: 'fr' | 'auto';
  /** Predictions are mapped to the corpus's annotation convention the same way for every tool (as in eval:text). */
  convention: (text: string, pred: Gold[]) => Gold[];
}

async function voileOn(corpus: Corpus, runner: NerRunner): Promise<{ scores: Scores; speed: Speed }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const results = await Promise.all(corpus.docs.map((d) => detect(d.text, { lang: corpus.lang, model: (doc) => runner.detect(doc) })));
  const cpu = process.cpuUsage(cpu0);
  const speed = { chars: corpus.docs.reduce((a, d) => a + d.text.length, 0), wallS: (performance.now() - t0) / 1000, cpuS: (cpu.user + cpu.system) / 1e6 };
  const scores = emptyScores();
  corpus.docs.forEach((d, i) => score(scores, d.spans, corpus.convention(d.text, results[i]!.spans.map(({ start, end, label }) => ({ start, end, label })))));
  return { scores, speed };
}

function presidioScores(corpus: Corpus, run: PresidioRun): { scores: Scores; speed: Speed } {
  const scores = emptyScores();
  for (const d of corpus.docs) score(scores, d.spans, corpus.convention(d.text, run.spans.get(d.id) ?? []));
  return { scores, speed: { chars: run.timing.chars, wallS: run.timing.wall_s, cpuS: run.timing.cpu_s } };
}

const f3 = (x: number) => x.toFixed(3);
const total = (m: Map<string, Counts>): Counts => [...m.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });

/** One line per label: gold count, then overlap P / R / F1 and strict F1 for each tool. */
function comparison(voile: Scores, presidio: Scores | undefined): string {
  const labels = [...new Set([...voile.overlap.keys(), ...(presidio?.overlap.keys() ?? [])])].sort();
  const zero = { tp: 0, fp: 0, fn: 0 };
  const cells = (s: Scores | undefined, ov: Counts | undefined, st: Counts | undefined) => {
    if (!s) return ['–', '–', '–', '–'];
    const o = prf(ov ?? zero);
    // Precision of a label a tool never predicts is undefined, not 1.
    const predicted = (ov?.tp ?? 0) + (ov?.fp ?? 0) > 0;
    return [predicted ? f3(o.p) : '–', f3(o.r), f3(o.f), f3(prf(st ?? zero).f)];
  };
  const rows = [
    '| label | gold | Voile P | Voile R | Voile F1 | Voile strict F1 | Presidio P | Presidio R | Presidio F1 | Presidio strict F1 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const l of labels) {
    const gold = (voile.overlap.get(l)?.tp ?? 0) + (voile.overlap.get(l)?.fn ?? 0);
    rows.push(`| ${l} | ${gold} | ${[...cells(voile, voile.overlap.get(l), voile.strict.get(l)), ...cells(presidio, presidio?.overlap.get(l), presidio?.strict.get(l))].join(' | ')} |`);
  }
  const vo = total(voile.overlap);
  rows.push(
    `| **overall (micro)** | ${vo.tp + vo.fn} | ${[...cells(voile, vo, total(voile.strict)), ...cells(presidio, presidio && total(presidio.overlap), presidio && total(presidio.strict))].join(' | ')} |`,
  );
  const covered = (s: Scores) => `${s.anyLabel.covered}/${s.anyLabel.total} (${f3(s.anyLabel.covered / Math.max(1, s.anyLabel.total))})`;
  rows.push('', `Gold spans touched by a predicted span of any label: Voile ${covered(voile)}${presidio ? `, Presidio ${covered(presidio)}` : ''}.`);
  return rows.join('\n');
}

/** Presidio with spaCy's ORG kept as HOSPITAL (ignored by its default configuration): overall and HOSPITAL, overlap. */
function variantLine(s: Scores): string {
  const o = prf(total(s.overlap));
  const h = s.overlap.get('HOSPITAL');
  const hr = h ? prf(h) : undefined;
  return `Presidio with ORGANIZATION kept (→ HOSPITAL): overall P ${f3(o.p)} / R ${f3(o.r)} / F1 ${f3(o.f)}${hr ? `; HOSPITAL P ${h!.tp + h!.fp > 0 ? f3(hr.p) : '–'} / R ${f3(hr.r)}` : ''}.`;
}

const speedLine = (tool: string, s: Speed) =>
  `| ${tool} | ${(s.chars / 1000).toFixed(1)} k | ${s.wallS.toFixed(2)} s | ${(s.chars / s.wallS / 1000).toFixed(1)} k | ${s.cpuS.toFixed(2)} s | ${(s.chars / s.cpuS / 1000).toFixed(1)} k |`;

/** Runs both tools and returns the markdown section (also printed by the caller). */
export async function sideBySide(runner: NerRunner): Promise<string> {
  const corpora = ([
    { name: 'Hand-written development set (eval/text/dev)', docs: loadDev(), lang: 'auto' as const, convention: (_text: string, pred: Gold[]) => pred },
    { name: 'EDS-Pseudo public_small_test_data.jsonl (labels mapped, NOM/PRENOM joined, predicted street+ZIP+city joined)', docs: loadEds(), lang: 'fr' as const, convention: joinAddressParts },
  ] satisfies Corpus[]).filter((c) => c.docs.length > 0);
  const out: string[] = [];
  const withPresidio = presidioAvailable();
  if (!withPresidio) {
    const hint = 'Presidio venv not found (.cache/presidio-venv): run `bash bench/text/presidio/setup.sh` for the side-by-side; Voile alone below.';
    out.push(`_${hint}_`, '');
  }
  const speeds: { tool: string; speed: Speed }[] = [];
  for (const corpus of corpora) {
    const voile = await voileOn(corpus, runner);
    let presidio: { scores: Scores; speed: Speed } | undefined;
    let presidioWithOrganizations: Scores | undefined;
    if (withPresidio) {
      const inputs = corpus.docs.map((d) => ({ id: d.id, text: d.text, lang: corpus.lang === 'fr' ? ('fr' as const) : detectLang(fold(d.text)) }));
      presidio = presidioScores(corpus, await runPresidio(inputs));
      presidioWithOrganizations = presidioScores(corpus, await runPresidio(inputs, { organizations: true })).scores;
    }
    speeds.push({ tool: `Voile, ${corpus.docs.length} docs of ${corpus.name.split(' (')[0]}`, speed: voile.speed });
    if (presidio) speeds.push({ tool: `Presidio, same docs`, speed: presidio.speed });
    out.push(
      `### ${corpus.name}: ${corpus.docs.length} documents, ${corpus.docs.reduce((a, d) => a + d.spans.length, 0)} PHI spans`,
      '',
      'Overlap matching (same label, overlapping offsets) unless marked strict (same offsets).',
      '',
      comparison(voile.scores, presidio?.scores),
      '',
      ...(presidioWithOrganizations ? [variantLine(presidioWithOrganizations), ''] : []),
      '<details><summary>full tables (strict and overlap)</summary>',
      '',
      'Voile:',
      '',
      table(voile.scores),
      '',
      ...(presidio ? ['Presidio:', '', table(presidio.scores), ''] : []),
      '</details>',
      '',
    );
  }
  // The sets are small (tens of kB): time both tools again on all their documents repeated to
  // SIDE_BY_SIDE_CHARS (100 k by default) so fixed costs weigh less.
  const target = Number(process.env.SIDE_BY_SIDE_CHARS ?? 100_000);
  const pool = corpora.flatMap((c) => c.docs.map((d) => ({ text: d.text, lang: c.lang === 'fr' ? ('fr' as const) : detectLang(fold(d.text)) })));
  const repeated: { id: string; text: string; lang: 'fr' | 'en' }[] = [];
  for (let size = 0, k = 0; size < target && pool.length > 0; k++) {
    const d = pool[k % pool.length]!;
    repeated.push({ id: String(k), text: d.text, lang: d.lang });
    size += d.text.length;
  }
  const repeatedChars = repeated.reduce((a, d) => a + d.text.length, 0);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < repeated.length; i += 16) {
    await Promise.all(repeated.slice(i, i + 16).map((d) => detect(d.text, { lang: d.lang, model: (doc) => runner.detect(doc) })));
  }
  const cpu = process.cpuUsage(cpu0);
  speeds.push({ tool: `Voile, both sets repeated (16 notes in flight)`, speed: { chars: repeatedChars, wallS: (performance.now() - t0) / 1000, cpuS: (cpu.user + cpu.system) / 1e6 } });
  if (withPresidio) {
    const run = await runPresidio(repeated);
    speeds.push({ tool: 'Presidio, both sets repeated (one note at a time)', speed: { chars: run.timing.chars, wallS: run.timing.wall_s, cpuS: run.timing.cpu_s } });
  }
  out.push(
    '### Speed on these documents',
    '',
    'Voile: full pipeline (rules + NER, one inference worker, all documents of a set in flight). Presidio: its',
    'analyzer one document at a time (its usual use), models loaded beforehand. CPU time counts every thread of',
    'the process.',
    '',
    '| run | characters | wall | chars/s wall | CPU | chars per CPU-second |',
    '|---|---:|---:|---:|---:|---:|',
    ...speeds.map((s) => speedLine(s.tool, s.speed)),
    '',
  );
  return out.join('\n');
}
