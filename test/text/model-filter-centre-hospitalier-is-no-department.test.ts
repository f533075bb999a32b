import { describe, expect, it } from 'vitest';
import { isDepartmentName } from '../../src/anonymize/text/recognizers/departments.js';

// Regression (holdout10/holdout26): the model's "Centre hospitalier universitaire vaudois" (score 1.00) was
// dropped as a department's name, since every word after "Centre" is an ordinary one; a "centre
// hospitalier" is a hospital, whatever follows.
describe('a "centre hospitalier" span of the model', () => {
  it('is no department', () => {
    expect(isDepartmentName('Centre hospitalier universitaire vaudois')).toBe(false);
    expect(isDepartmentName('centre hospitalo-universitaire de la ville')).toBe(false);
  });

  it('a department after another head still is one', () => {
    expect(isDepartmentName('Unité mobile de gériatrie')).toBe(true);
    expect(isDepartmentName('Centre de rééducation')).toBe(true);
  });
});
