/**
 * `npx tsx eval/text/dropped.ts [set …] [--label L]`: fail-open drops of the model-span filter. For every
 * span the NER model proposes that `plausibleModelSpan` rejects, and that touches a gold span of its
 * label which the full pipeline then misses, one line with the text around it and the model's score.
 * These are names and places the model found and a filter threw away: the most valuable misses to study
 * (a general fix to the filter, never a patch for one string). Without a set, every scored set.
 *   set: dev | holdout … holdout55 (HELD_OUT_SETS, as misses.ts lists them; a sealed set is never listed here).
 */
import { NerRunner } from '../../src/anonymize/text/ner/runner.js';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { HELD_OUT_SETS, loadDev, loadHeldOut, type Doc } from './corpora.js';

const SETS: Record<string, () => Doc[]> = { dev: loadDev, ...Object.fromEntries(HELD_OUT_SETS.map((s) => [s, () => loadHeldOut(s)])) };
const args = process.argv.slice(2);
const labelAt = args.indexOf('--label');
const onlyLabel = labelAt >= 0 ? args[labelAt + 1] : undefined;
const chosen = args.filter((a, i) => !a.startsWith('--') && (labelAt < 0 || i !== labelAt + 1));
const unknown = chosen.filter((s) => !SETS[s]);
if (unknown.length) {
  console.error(`usage: npx tsx eval/text/dropped.ts [${Object.keys(SETS).join('|')} …] [--label L]`);
  process.exit(2);
}
const flat = (s: string) => s.replace(/\r?\n/g, '⏎').replace(/\t/g, '⇥');
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

const runner = NerRunner.create({ executionProvider: 'cpu' });
if (!runner) {
  console.error('dropped.ts needs the NER model (models/ner/model.onnx): there is nothing to drop without it');
  process.exit(2);
}
let dropped = 0;
let leaked = 0;
try {
  for (const name of chosen.length ? chosen : Object.keys(SETS)) {
    for (const d of SETS[name]!()) {
      const doc = makeDoc(d.text, 'auto');
      // Copies: the filter trims or relabels the spans it is given, and the runner may hand out the same objects again.
      const raw = (await runner.detect(doc)).map((s) => ({ ...s }));
      // The pipeline makes the same doc (makeDoc(text, 'auto')), so it gets copies of these spans instead of a second model run.
      const { spans } = await detect(d.text, { lang: 'auto', model: async () => raw.map((s) => ({ ...s })) });
      for (const r of raw) {
        if ((onlyLabel && r.label !== onlyLabel) || plausibleModelSpan({ ...r }, doc)) continue;
        dropped++;
        const missed = d.spans.filter((g) => g.label === r.label && overlaps(g, r) && !spans.some((p) => p.label === g.label && overlaps(p, g)));
        if (!missed.length) continue;
        leaked++;
        console.log(`${name}  ${d.id}  ${r.label} ${r.score.toFixed(2)}  ${flat(d.text.slice(Math.max(0, r.start - 40), r.start))}⟦${flat(d.text.slice(r.start, r.end))}⟧${flat(d.text.slice(r.end, r.end + 30))}`);
      }
    }
  }
} finally {
  await runner.close();
}
console.log(`\n${dropped} model spans dropped; ${leaked} of them touched a gold span of their label that nothing else found.`);
