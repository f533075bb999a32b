import { describe, expect, it } from 'vitest';
import { dropHardNegatives } from '../../src/anonymize/text/merge.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { PRIORITY, type Span } from '../../src/anonymize/text/types.js';

const modelSpan = (text: string, words: string, label: Span['label'] = 'PERSON'): Span => {
  const start = text.indexOf(words);
  return { start, end: start + words.length, label, score: 0.8, priority: PRIORITY.model, source: 'ner' };
};
const kept = (text: string, span: Span) => dropHardNegatives([span], makeDoc(text, 'auto')).length === 1;

// Regression (holdout52 false positives, paediatric surgery and orthopaedics): the model read eponyms as names or
// towns: "Kasai portoenterostomy", "Pavlik harness", "Graf method", "Roux loop", "au Hegar 9", "papules de Gottron".
describe('an eponymous procedure, device or method the model proposes', () => {
  it('is no person and no town', () => {
    expect(kept('Procedure: Kasai portoenterostomy on day 50.', modelSpan('Procedure: Kasai portoenterostomy on day 50.', 'Kasai portoenterostomy'))).toBe(false);
    expect(kept('1. Pavlik harness fitted today.', modelSpan('1. Pavlik harness fitted today.', 'Pavlik harness'))).toBe(false);
    expect(kept('Technique: Graf method, lateral decubitus.', modelSpan('Technique: Graf method, lateral decubitus.', 'Graf method'))).toBe(false);
    expect(kept('Col perméable au Hegar 9.', modelSpan('Col perméable au Hegar 9.', 'Hegar', 'HOSPITAL'))).toBe(false);
    expect(kept('des papules de Gottron aux mains', modelSpan('des papules de Gottron aux mains', 'Gottron', 'CITY'))).toBe(false);
  });

  it('leaves a person the model proposes, and an eponym a title announces, alone', () => {
    expect(kept('Seen by Tamsin Rowe today.', modelSpan('Seen by Tamsin Rowe today.', 'Tamsin Rowe'))).toBe(true);
    const text = 'Letter to Dr Pavlik, orthopaedics.';
    expect(kept(text, { ...modelSpan(text, 'Pavlik'), priority: PRIORITY.context + 5, source: 'person-title' })).toBe(true);
  });
});
