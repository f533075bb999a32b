import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_SETS, loadDev, loadHeldOut, type Doc } from '../../eval/text/corpora.js';
import { LABELS } from '../../src/anonymize/text/types.js';

// The held-out sets (eval/text/holdout … holdout55) are each scored once; a malformed or
// stale file would make that single figure meaningless. These check the files, never a score.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../eval/text');

interface HeldOutSet {
  readonly name: string;
  readonly folder: string;
  readonly load: () => Doc[];
  readonly minDocs: number;
  readonly minSpans: number;
  /** Sets it must share no document with. */
  readonly others: () => Doc[];
}

const NAMES = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty-first', 'twenty-second', 'twenty-third', 'twenty-fourth', 'twenty-fifth', 'twenty-sixth', 'twenty-seventh', 'twenty-eighth', 'twenty-ninth', 'thirtieth', 'thirty-first', 'thirty-second', 'thirty-third', 'thirty-fourth', 'thirty-fifth', 'thirty-sixth', 'thirty-seventh', 'thirty-eighth', 'thirty-ninth', 'fortieth', 'forty-first', 'forty-second', 'forty-third', 'forty-fourth', 'forty-fifth', 'forty-sixth', 'forty-seventh', 'forty-eighth', 'forty-ninth', 'fiftieth', 'fifty-first', 'fifty-second', 'fifty-third', 'fifty-fourth', 'fifty-fifth'];
// Minimum sizes as each set's brief asked; each set shares no document with the dev set or an earlier set.
const MINIMUMS: Record<string, [docs: number, spans: number]> = {
  holdout: [30, 300], holdout2: [36, 400], holdout3: [40, 600], holdout4: [45, 700],
  holdout5: [50, 900], holdout6: [55, 900], holdout7: [55, 900], holdout8: [55, 900],
  holdout9: [62, 850], holdout10: [62, 850], holdout11: [60, 800], holdout12: [60, 800],
  holdout13: [60, 800], holdout14: [64, 1000], holdout15: [64, 1000], holdout16: [64, 1000], holdout17: [64, 1000], holdout18: [64, 1000], holdout19: [64, 1000], holdout20: [64, 1000], holdout21: [64, 1000], holdout22: [64, 1000], holdout23: [60, 1000], holdout24: [60, 1100], holdout25: [60, 1100], holdout26: [60, 1400], holdout27: [60, 1400], holdout28: [60, 1400], holdout29: [60, 1400], holdout30: [60, 1400], holdout31: [60, 1400], holdout32: [60, 1400], holdout33: [60, 1400], holdout34: [60, 1400], holdout35: [60, 1400], holdout36: [60, 1400], holdout37: [60, 1800], holdout38: [60, 1800], holdout39: [60, 1800], holdout40: [60, 1800], holdout41: [60, 1800], holdout42: [60, 1800], holdout43: [60, 1800], holdout44: [60, 1800], holdout45: [60, 1800], holdout46: [60, 2300], holdout47: [60, 2300], holdout48: [60, 2300], holdout49: [60, 2300], holdout50: [60, 2300], holdout51: [60, 2300], holdout52: [60, 2300], holdout53: [60, 2300], holdout54: [60, 2300], holdout55: [60, 2300],
};

const SETS: HeldOutSet[] = HELD_OUT_SETS.map((folder, i) => ({
  name: `${NAMES[i]} held-out set`,
  folder,
  load: () => loadHeldOut(folder),
  minDocs: MINIMUMS[folder]![0],
  minSpans: MINIMUMS[folder]![1],
  others: () => [...loadDev(), ...HELD_OUT_SETS.slice(0, i).flatMap((earlier) => loadHeldOut(earlier))],
}));

describe.each(SETS)('$name (eval/text/$folder)', ({ folder, load, minDocs, minSpans, others }) => {
  const dir = path.join(root, folder);
  const sources = readdirSync(path.join(dir, 'src')).filter((f) => f.endsWith('.txt')).sort();
  const docs = load();

  it(`is large enough (≥ ${minDocs} documents, ≥ ${minSpans} PHI spans), French, English and bilingual only`, () => {
    expect(docs.length).toBeGreaterThanOrEqual(minDocs);
    expect(docs.reduce((a, d) => a + d.spans.length, 0)).toBeGreaterThanOrEqual(minSpans);
    const fr = docs.filter((d) => d.id.startsWith('fr_')).length;
    const en = docs.filter((d) => d.id.startsWith('en_')).length;
    const mixed = docs.filter((d) => d.id.startsWith('mixed_')).length;
    expect(fr + en + mixed).toBe(docs.length);
    expect(Math.min(fr, en)).toBeGreaterThanOrEqual(10);
  });

  it('has one built .jsonl per source file and unique document ids', () => {
    const built = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
    expect(built).toEqual(sources.map((f) => f.replace(/\.txt$/, '.jsonl')));
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it('has spans in range, with valid labels, sorted and not overlapping', () => {
    for (const d of docs) {
      let previousEnd = 0;
      for (const s of d.spans) {
        expect(LABELS as readonly string[], d.id).toContain(s.label);
        expect(Number.isInteger(s.start) && Number.isInteger(s.end), d.id).toBe(true);
        expect(s.start, d.id).toBeGreaterThanOrEqual(previousEnd);
        expect(s.end, d.id).toBeGreaterThan(s.start);
        expect(s.end, d.id).toBeLessThanOrEqual(d.text.length);
        previousEnd = s.end;
      }
    }
  });

  it('marks, at each span, exactly the text the source marked (built files are not stale)', () => {
    for (const file of sources) {
      const stem = file.replace(/\.txt$/, '');
      const sourceDocs = readFileSync(path.join(dir, 'src', file), 'utf8').split(/^=====\s*$/m);
      sourceDocs.forEach((raw, i) => {
        const doc = docs.find((d) => d.id === `${stem}-${i + 1}`);
        expect(doc, `${stem}-${i + 1}`).toBeDefined();
        // Read the marks straight from the source, independently of the builder.
        const marked = [...raw.matchAll(/\{\{([^|{}]+)\|([A-Z]+)\}\}/g)].filter((m) => m[2] !== 'O').map((m) => `${m[2]}:${m[1]}`);
        expect(doc!.spans.map((s) => `${s.label}:${doc!.text.slice(s.start, s.end)}`)).toEqual(marked);
        expect(doc!.text).toBe(raw.replace(/^\n+|\n+$/g, '').replace(/\{\{([^|{}]+)\|[A-Z]+\}\}/g, '$1'));
      });
      expect(docs.filter((d) => d.id.startsWith(`${stem}-`)).length).toBe(sourceDocs.length);
    }
  });

  it('shares no document with the sets written before it', () => {
    const seen = new Set(others().map((d) => d.text));
    expect(docs.filter((d) => seen.has(d.text)).map((d) => d.id)).toEqual([]);
  });
});

describe('second, third and fourth held-out sets: annotation hygiene', () => {
  it('have no span starting or ending with a space', () => {
    for (const d of [...loadHeldOut('holdout2'), ...loadHeldOut('holdout3'), ...loadHeldOut('holdout4')]) {
      for (const s of d.spans) {
        const value = d.text.slice(s.start, s.end);
        expect(value, d.id).toBe(value.trim());
      }
    }
  });
});
