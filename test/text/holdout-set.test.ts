import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDev, loadHoldout } from '../../eval/text/corpora.js';
import { LABELS } from '../../src/anonymize/text/types.js';

// The sealed held-out set (eval/text/holdout) is scored once; a malformed or stale file would make
// that single figure meaningless. This checks the files, not any score.
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../eval/text/holdout');
const sources = readdirSync(path.join(dir, 'src')).filter((f) => f.endsWith('.txt')).sort();
const docs = loadHoldout();

describe('sealed held-out evaluation set', () => {
  it('is large enough: at least 30 documents and 300 PHI spans, French and English', () => {
    expect(docs.length).toBeGreaterThanOrEqual(30);
    expect(docs.reduce((a, d) => a + d.spans.length, 0)).toBeGreaterThanOrEqual(300);
    expect(docs.filter((d) => d.id.startsWith('fr_')).length).toBeGreaterThanOrEqual(10);
    expect(docs.filter((d) => d.id.startsWith('en_')).length).toBeGreaterThanOrEqual(10);
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
        expect(LABELS as readonly string[], `${d.id}`).toContain(s.label);
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

  it('shares no document with the development set', () => {
    const dev = new Set(loadDev().map((d) => d.text));
    expect(docs.filter((d) => dev.has(d.text)).map((d) => d.id)).toEqual([]);
  });
});
