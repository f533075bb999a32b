import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The lot or batch of what one patient received: a vaccine dose, a contrast injection, a laser fibre, an implant's
 * components ("Stamaril, lot Y3F231", "fibre laser 272 µm (lot 26K0417)", "batch FRM24K0912", "lot P100458221 bloqué",
 * "cupule : réf. DM-C50 — lot 24K1187-03"). A lot ties the record to one dose given to one person, and a recall
 * reaches that person through it; the recent hand-written sets mark it ID (holdout36 onwards, every time), as device
 * serials are. The generic code rules leave the word "lot" to this one. Only a code with a digit and a letter, or five
 * digits at least: "a lot 5 mg better", "lot 22" (a plot of land in an address) and "lot de 3" are none.
 */
const LOT = /\b(?:lot|lote|batch)(?:[ \t]+(?:no\.?|n°|number|#))?[ \t]*[:#]?[ \t]*([a-z0-9](?:[a-z0-9]|[-/.](?=[a-z0-9])){3,24})(?![\p{L}\p{N}])/dgu;
const DOSE = /^\d+(?:[.,]\d+)?(?:mg|mcg|µg|ml|g|kg|iu|ui|x|h|min|mm|cm)$/;
const A_LOT_BEFORE = /\b(?:a|quite a|such a|whole)[ \t]+$/;

export function lotIdSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!/\b(?:lot|lote|batch)\b/.test(f)) return [];
  const out: Span[] = [];
  for (const m of f.matchAll(LOT)) {
    const code = m[1]!;
    const digits = code.replace(/\D/g, '').length;
    if (digits === 0 || (!/[a-z]/.test(code) && digits < 5) || DOSE.test(code)) continue;
    if (A_LOT_BEFORE.test(f.slice(Math.max(0, m.index - 10), m.index))) continue;
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ID', score: 0.85, priority: PRIORITY.context + 20, source: 'id-lot' });
  }
  return out;
}
