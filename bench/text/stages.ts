/**
 * Where the rules' CPU goes: each stage of the detection pipeline (src/anonymize/text/pipeline.ts)
 * timed alone over the dev notes repeated to BENCH_TEXT_BYTES (300 k by default), best of
 * BENCH_TEXT_PASSES (5) passes, as microseconds per 1,000 characters and share of the rules' total.
 * The model is not run (bench/text/ab.ts --mode model measures it); its filter and the merging
 * stages run on the rules' spans only. The last stage includes wrappedSpans once more (its input).
 *
 *   tsx bench/text/stages.ts
 */
import os from 'node:os';
import { dropHardNegatives, mergeSpans, propagateCities, propagateNames } from '../../src/anonymize/text/merge.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { RULE_RECOGNIZERS, ruleSpans } from '../../src/anonymize/text/pipeline.js';
import { hl7CodedRanges, touchesRange } from '../../src/anonymize/text/recognizers/hl7.js';
import type { Doc, Span } from '../../src/anonymize/text/types.js';
import { wrappedSpans } from '../../src/anonymize/text/wrapped.js';
import { devCorpus } from './dev-corpus.js';

const { corpus, size } = devCorpus(Number(process.env.BENCH_TEXT_BYTES ?? 300_000));
const passes = Number(process.env.BENCH_TEXT_PASSES ?? 5);

const docs: Doc[] = corpus.map((t) => makeDoc(t, 'auto'));
const found = new Map<Doc, Span[]>();
// The pipeline's own list: every recognizer it runs is timed here.
const recognizers = RULE_RECOGNIZERS;
const stages: [string, () => void][] = [
  ['normalise (makeDoc: fold, language)', () => corpus.forEach((t) => makeDoc(t, 'auto'))],
  ...recognizers.map(([name, f]) => [name, () => docs.forEach((d) => f(d))] as [string, () => void]),
  ['line-wrapped tokens (wrappedSpans)', () => docs.forEach((d) => wrappedSpans(d, found.get(d)!))],
  [
    'hard negatives, propagation, merging',
    () =>
      docs.forEach((d) => {
        let spans = found.get(d)!.concat(wrappedSpans(d, found.get(d)!));
        spans = dropHardNegatives(spans, d);
        const coded = hl7CodedRanges(d);
        if (coded.length) spans = spans.filter((s) => s.source === 'hl7' || !touchesRange(coded, s.start, s.end));
        spans = propagateNames(spans, d);
        spans = propagateCities(spans, d);
        spans = dropHardNegatives(spans, d);
        mergeSpans(spans, d);
      }),
  ],
];

// The later stages' input: every recognizer's spans, found once outside the timings.
for (const d of docs) found.set(d, recognizers.flatMap(([, f]) => f(d)));
// The list above must stay the pipeline's: a recognizer added to ruleSpans and not here would go untimed.
for (const d of docs) {
  if (found.get(d)!.length + wrappedSpans(d, found.get(d)!).length !== ruleSpans(d).length) throw new Error('bench/text/stages.ts: the recognizers listed differ from ruleSpans (src/anonymize/text/pipeline.ts)');
}

const best = new Map<string, number>();
for (let p = 0; p < passes + 1; p++) {
  for (const [name, run] of stages) {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    const s = (c.user + c.system) / 1e6;
    if (p > 0) best.set(name, Math.min(best.get(name) ?? Infinity, s)); // pass 0 warms the JIT
  }
}
const total = [...best.values()].reduce((a, b) => a + b, 0);
console.log(`Rules stages on ${(size / 1000).toFixed(0)} k characters, best of ${passes} passes, load average ${os.loadavg()[0]!.toFixed(1)}:`);
console.log('| stage | µs per 1,000 chars | share |');
console.log('|---|---:|---:|');
for (const [name, s] of [...best].sort((a, b) => b[1] - a[1])) console.log(`| ${name} | ${((s * 1e9) / size).toFixed(0)} | ${((s / total) * 100).toFixed(1)} % |`);
console.log(`| **all rules** | ${((total * 1e9) / size).toFixed(0)} | — (${(size / total / 1000).toFixed(0)} k chars per CPU-second) |`);
