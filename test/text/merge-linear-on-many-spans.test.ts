import { describe, expect, it } from 'vitest';
import { mergeSpans, propagateNames } from '../../src/anonymize/text/merge.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Label, Span } from '../../src/anonymize/text/types.js';

// Merging and name propagation once compared every span with every other (kept spans in mergeSpans,
// all spans for each name in propagateNames): 100 000 spans took minutes. A hostile note of short
// repeated forms ("1/2 1/2 …") gives that many. With 100 000 spans a quadratic pass does 10^10 steps.
const N = 100_000;
const span = (start: number, end: number, label: Label, priority: number): Span => ({ start, end, label, score: 0.9, priority, source: 'test' });

describe('merging is linear in the spans', () => {
  it('keeps the surer of overlapping spans and every disjoint one, quickly', () => {
    const doc = makeDoc('ab '.repeat(N), 'en');
    const spans: Span[] = [];
    for (let i = 0; i < N; i++) spans.push(span(3 * i, 3 * i + 2, 'ID', 10), span(3 * i + 1, 3 * i + 3, 'DATE', 20));
    const t0 = performance.now();
    const out = mergeSpans(spans, doc);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(out).toHaveLength(N);
    expect(out.every((s) => s.label === 'DATE')).toBe(true);
  });
  it('checks the names against the other labels quickly', () => {
    const doc = makeDoc('Qzorvan Tell '.repeat(N / 2), 'en');
    const spans: Span[] = [];
    for (let i = 0; i < N / 2; i++) spans.push(span(13 * i, 13 * i + 7, 'PERSON', 30), span(13 * i + 8, 13 * i + 12, 'CITY', 40));
    // A surer span of another label over the first name: the per-name check runs on every name.
    spans.push(span(0, 12, 'HOSPITAL', 90));
    const t0 = performance.now();
    propagateNames(spans, doc);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });
});
