import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDev, loadHoldout, loadHoldout2, loadHoldout3, loadHoldout4, loadHoldout5, loadHoldout6, loadHoldout7, loadHoldout8, type Doc } from '../../eval/text/corpora.js';
import { LABELS } from '../../src/anonymize/text/types.js';

// The held-out sets (eval/text/holdout … holdout5) are each scored once; a malformed or
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

const SETS: HeldOutSet[] = [
  { name: 'first held-out set', folder: 'holdout', load: loadHoldout, minDocs: 30, minSpans: 300, others: () => loadDev() },
  { name: 'second held-out set', folder: 'holdout2', load: loadHoldout2, minDocs: 36, minSpans: 400, others: () => [...loadDev(), ...loadHoldout()] },
  { name: 'third held-out set', folder: 'holdout3', load: loadHoldout3, minDocs: 40, minSpans: 600, others: () => [...loadDev(), ...loadHoldout(), ...loadHoldout2()] },
  { name: 'fourth held-out set', folder: 'holdout4', load: loadHoldout4, minDocs: 45, minSpans: 700, others: () => [...loadDev(), ...loadHoldout(), ...loadHoldout2(), ...loadHoldout3()] },
  { name: 'fifth held-out set', folder: 'holdout5', load: loadHoldout5, minDocs: 50, minSpans: 900, others: () => [...loadDev(), ...loadHoldout(), ...loadHoldout2(), ...loadHoldout3(), ...loadHoldout4()] },
  { name: 'sixth held-out set', folder: 'holdout6', load: loadHoldout6, minDocs: 55, minSpans: 900, others: () => [...loadDev(), ...loadHoldout(), ...loadHoldout2(), ...loadHoldout3(), ...loadHoldout4(), ...loadHoldout5()] },
  { name: 'seventh held-out set', folder: 'holdout7', load: loadHoldout7, minDocs: 55, minSpans: 900, others: () => [...loadDev(), ...loadHoldout(), ...loadHoldout2(), ...loadHoldout3(), ...loadHoldout4(), ...loadHoldout5(), ...loadHoldout6()] },
  { name: 'eighth sealed held-out set', folder: 'holdout8', load: loadHoldout8, minDocs: 55, minSpans: 900, others: () => [...loadDev(), ...loadHoldout(), ...loadHoldout2(), ...loadHoldout3(), ...loadHoldout4(), ...loadHoldout5(), ...loadHoldout6(), ...loadHoldout7()] },
];

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
    for (const d of [...loadHoldout2(), ...loadHoldout3(), ...loadHoldout4()]) {
      for (const s of d.spans) {
        const value = d.text.slice(s.start, s.end);
        expect(value, d.id).toBe(value.trim());
      }
    }
  });
});
