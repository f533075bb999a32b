import { describe, expect, it } from 'vitest';
import { boundedRisk, evaluateAttack, residualSuccess, wilsonSuccessRate } from '../../src/anonymize/embedding/metrics/confidence.js';
import { normalQuantile } from '../../src/anonymize/embedding/metrics/stats.js';

describe('Wilson score interval', () => {
  it('uses the exact normal quantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.5758293035489, 7);
  });

  it('matches hand-computed values', () => {
    // 0 successes out of 10: the classic Wilson interval is [0, 0.2775].
    const zero = wilsonSuccessRate(10, 0);
    expect(zero.value).toBeCloseTo(0.138767, 5);
    expect(zero.value + zero.error).toBeCloseTo(0.277535, 5);
    // 50 of 100: centred at 0.5, half-width z/(n+z²)·√(25 + z²/4) = 0.096170.
    const half = wilsonSuccessRate(100, 50);
    expect(half.value).toBeCloseTo(0.5, 12);
    expect(half.error).toBeCloseTo(0.09617, 5);
  });

  it('normalises the attack advantage by the control room and bounds the risk to [0, 1]', () => {
    const attack = { value: 0.6, error: 0.05 };
    const control = { value: 0.2, error: 0.04 };
    const residual = residualSuccess(attack, control);
    expect(residual.value).toBeCloseTo(0.5, 12);
    // Error propagation: √((0.05/0.8)² + (0.04·(0.6 − 1)/0.64)²).
    expect(residual.error).toBeCloseTo(Math.sqrt((0.05 / 0.8) ** 2 + ((0.04 * -0.4) / 0.64) ** 2), 12);
    expect(boundedRisk({ value: -0.1, error: 0.3 })).toEqual({ value: 0, ci: [0, 0.19999999999999998] });
  });

  it('reports a zero risk when the attack does no better on training than on control records', () => {
    const r = evaluateAttack({ nAttacks: 500, nSuccess: 120, nBaseline: 30, nControl: 120 });
    expect(r.risk.value).toBeCloseTo(0, 12);
    expect(r.risk.ci[0]).toBe(0);
    expect(r.risk.ci[1]).toBeGreaterThan(0);
    expect(r.betterThanBaseline).toBe(true);
  });
});
