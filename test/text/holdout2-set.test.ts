import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDev, loadHoldout, loadHoldout2 } from '../../eval/text/corpora.js';
import { LABELS } from '../../src/anonymize/text/types.js';

// The second sealed held-out set (eval/text/holdout2) measures the rule work done after the first
// set was scored; it is scored once, so a malformed or stale file would make that figure
// meaningless. This checks the files, never a score.
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../eval/text/holdout2');
const sources = readdirSync(path.join(dir, 'src')).filter((f) => f.endsWith('.txt')).sort();
const docs = loadHoldout2();

describe('second sealed held-out evaluation set', () => {
  it('is large enough: at least 36 documents and 400 PHI spans, half French, half English', () => {
    expect(docs.length).toBeGreaterThanOrEqual(36);
    expect(docs.reduce((a, d) => a + d.spans.length, 0)).toBeGreaterThanOrEqual(400);
    const fr = docs.filter((d) => d.id.startsWith('fr_')).length;
    const en = docs.filter((d) => d.id.startsWith('en_')).length;
    expect(fr + en).toBe(docs.length);
    expect(fr).toBe(en);
  });

  it('has one built .jsonl per source file and unique document ids', () => {
    const built = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
    expect(built).toEqual(sources.map((f) => f.replace(/\.txt$/, '.jsonl')));
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it('has spans in range, with valid labels, sorted, not overlapping and without edge spaces', () => {
    for (const d of docs) {
      let previousEnd = 0;
      for (const s of d.spans) {
        expect(LABELS as readonly string[], d.id).toContain(s.label);
        expect(Number.isInteger(s.start) && Number.isInteger(s.end), d.id).toBe(true);
        expect(s.start, d.id).toBeGreaterThanOrEqual(previousEnd);
        expect(s.end, d.id).toBeGreaterThan(s.start);
        expect(s.end, d.id).toBeLessThanOrEqual(d.text.length);
        const value = d.text.slice(s.start, s.end);
        expect(value, d.id).toBe(value.trim());
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

  it('shares no document with the development set or the first held-out set', () => {
    const seen = new Set([...loadDev(), ...loadHoldout()].map((d) => d.text));
    expect(docs.filter((d) => seen.has(d.text)).map((d) => d.id)).toEqual([]);
  });
});
