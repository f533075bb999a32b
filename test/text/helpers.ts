import { Identity } from '../../src/identity/index.js';
import { plausibleModelSpan } from '../../src/anonymize/text/ner/filter.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Label, Span } from '../../src/anonymize/text/types.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';

export function testIdentity(seed = 7): Identity {
  return new Identity(Buffer.alloc(32, seed), { store: new MemoryMappingStore() });
}

/** Whether the model-span filter keeps a span the model proposed over `part` (its first occurrence in `text`). */
export function modelSpanKept(text: string, part: string, label: Label, score = 0.97): boolean {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  const span: Span = { start, end: start + part.length, label, score, priority: 40, source: 'ner' };
  return plausibleModelSpan(span, makeDoc(text, 'auto'));
}

/** The model-span filter's verdict on a span over `part` and the label the span ends with (the filter relabels in place). */
export function judgeModelSpan(text: string, part: string, label: Label, lang: 'fr' | 'en' = 'en', score = 0.95): { kept: boolean; label: Label } {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  const span: Span = { start, end: start + part.length, label, score, priority: 40, source: 'ner' };
  const kept = plausibleModelSpan(span, makeDoc(text, lang));
  return { kept, label: span.label };
}
