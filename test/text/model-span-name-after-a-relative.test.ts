import { describe, expect, it } from 'vitest';
import { judgeModelSpan } from './helpers.js';

// Regression (holdout44 dropped-span class): a capitalised name that is also an ordinary word ("Paddy", "Rose") was
// dropped by the model-span filter even right after a relative's word ("since husband Paddy died").
describe('a name that is a word too, after a relative', () => {
  it('is kept', () => {
    expect(judgeModelSpan('Labile INRs, lives alone since husband Paddy died in March.', 'Paddy', 'PERSON', 'en', 1).kept).toBe(true);
  });

  it('is still dropped without the relative', () => {
    expect(judgeModelSpan('Labile INRs, the Paddy field died in March.', 'Paddy', 'PERSON', 'en', 1).kept).toBe(false);
  });
});
