import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { mergeSpans } from '../../src/anonymize/text/merge.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Label, Span } from '../../src/anonymize/text/types.js';

function span(text: string, part: string, label: Label, priority: number): Span {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return { start, end: start + part.length, label, score: 0.9, priority, source: `p${priority}` };
}

function merged(text: string, spans: Span[]): string[] {
  return mergeSpans(spans, makeDoc(text, 'en')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

describe('a kept span widened over what an outranked span of its label found beyond it', () => {
  it('takes the rest of a facility, an identifier and an address', () => {
    const h = 'transferred to Brigham and Women\'s Hospital today';
    expect(merged(h, [span(h, "Women's Hospital", 'HOSPITAL', 80), span(h, "Brigham and Women's Hospital", 'HOSPITAL', 40)])).toEqual([
      "HOSPITAL:Brigham and Women's Hospital",
    ]);
    const id = 'NHS number 9876 543 210, seen';
    expect(merged(id, [span(id, '9876', 'ID', 85), span(id, '9876 543 210', 'ID', 20)])).toEqual(['ID:9876 543 210']);
    const a = 'Address: The Old Rectory, Church Lane, Ashby';
    expect(merged(a, [span(a, 'Church Lane', 'ADDRESS', 80), span(a, 'The Old Rectory, Church Lane', 'ADDRESS', 40)])).toEqual([
      'ADDRESS:The Old Rectory, Church Lane',
    ]);
  });

  it('goes through the pipeline: a model span the rules outrank in part', async () => {
    const text = "She was transferred to Brigham and Women's Hospital today.";
    const model = async () => [span(text, "Brigham and Women's Hospital", 'HOSPITAL', 40)];
    const { spans } = await detect(text, { lang: 'en', model });
    expect(spans.map((s) => `${s.label}:${text.slice(s.start, s.end)}`)).toEqual(["HOSPITAL:Brigham and Women's Hospital"]);
  });
});

describe('what a kept span is not widened over', () => {
  it('a span of another label, nor the characters another kept span holds', () => {
    const t = 'at Royal Infirmary Leeds';
    expect(merged(t, [span(t, 'Infirmary Leeds', 'HOSPITAL', 80), span(t, 'Royal Infirmary', 'CITY', 40)])).toEqual(['HOSPITAL:Infirmary Leeds']);
    const h = "Brigham and Women's Hospital";
    expect(merged(h, [span(h, 'Brigham', 'PERSON', 90), span(h, "Women's Hospital", 'HOSPITAL', 80), span(h, h, 'HOSPITAL', 40)])).toEqual([
      'PERSON:Brigham',
      "HOSPITAL:and Women's Hospital",
    ]);
  });

  it('an address field label the outranked span opened with', () => {
    const t = 'Demeurant Les Hautes Brandes, 79200 Parthenay';
    const spans = [span(t, 'Les Hautes Brandes', 'ADDRESS', 65), span(t, 'Demeurant Les Hautes Brandes', 'ADDRESS', 45)];
    expect(mergeSpans(spans, makeDoc(t, 'fr')).map((s) => t.slice(s.start, s.end))).toEqual(['Les Hautes Brandes']);
  });

  it('a line break', () => {
    const t = 'Grove Surgery\nThe patient';
    expect(merged(t, [span(t, 'Grove Surgery', 'HOSPITAL', 80), span(t, 'Grove Surgery\nThe', 'HOSPITAL', 40)])).toEqual(['HOSPITAL:Grove Surgery']);
  });
});
