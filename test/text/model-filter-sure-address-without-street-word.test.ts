import { describe, expect, it } from 'vitest';
import { modelSpanKept } from './helpers.js';

const keptAsAddress = (text: string, part: string, score: number) => modelSpanKept(text, part, 'ADDRESS', score);

// Regression (read sets, 2026-11-30): the model's addresses without a street word or a house number
// followed by a name were dropped however sure it was — named houses, lieux-dits, "7700 S Broadway".
describe('an address the model is sure of, without a street word', () => {
  it('keeps a named house or a lieu-dit the model scores 0.9 or more', () => {
    expect(keptAsAddress('Next of kin: 01434 603 227, Burnfoot House, Haydon Bridge NE47 6JB', 'Burnfoot House', 0.97)).toBe(true);
    expect(keptAsAddress('à son domicile (quartier Les Sagnes, 07160 Le Cheylard)', 'quartier Les Sagnes', 0.99)).toBe(true);
  });

  it('keeps a house number, a compass letter and a street name', () => {
    expect(keptAsAddress('Rocky Mountain Movement Disorders Center, 7700 S Broadway, Littleton, CO 80120', '7700 S Broadway', 0.6)).toBe(true);
  });

  it('still drops a doubtful one, a lowercase one, and a heading', () => {
    expect(keptAsAddress('Next of kin: 01434 603 227, Burnfoot House, Haydon Bridge NE47 6JB', 'Burnfoot House', 0.8)).toBe(false);
    expect(keptAsAddress('patient went home with his daughter today', 'daughter today', 0.99)).toBe(false);
    expect(keptAsAddress('RENAL TRANSPLANT FOLLOW UP CLINIC\nSeen today.', 'TRANSPLANT FOLLOW', 0.95)).toBe(false);
  });
});
