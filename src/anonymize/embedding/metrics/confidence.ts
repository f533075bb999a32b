/**
 * Success rates and risks of privacy attacks, as in Anonymeter (Giomi et al., PETS 2023):
 * - a success rate is estimated with the Wilson score interval (robust for small samples and
 *   rates near 0 or 1): rate = (s + z²/2)/(n + z²), error = z/(n + z²)·√(s(n − s)/n + z²/4);
 * - the risk is the attacker's advantage on the training records over the control records,
 *   normalised by the room left: (r_attack − r_control)/(1 − r_control), with the error propagated
 *   to first order, then point and interval bounded to [0, 1].
 */
import { normalQuantile } from './stats.js';

export interface SuccessRate {
  readonly value: number;
  readonly error: number;
}

export interface PrivacyRisk {
  readonly value: number;
  readonly ci: readonly [number, number];
}

export function wilsonSuccessRate(nTotal: number, nSuccess: number, confidenceLevel = 0.95): SuccessRate {
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new RangeError('confidence level must be in (0, 1)');
  if (nTotal <= 0) return { value: 0, error: 0 };
  const z = normalQuantile(0.5 * (1 + confidenceLevel));
  const z2 = z * z;
  const variance = (nSuccess * (nTotal - nSuccess)) / nTotal;
  const denominator = nTotal + z2;
  return { value: (nSuccess + 0.5 * z2) / denominator, error: (z / denominator) * Math.sqrt(Math.max(0, variance) + 0.25 * z2) };
}

export function residualSuccess(attack: SuccessRate, control: SuccessRate): SuccessRate {
  const room = 1 - control.value;
  const value = (attack.value - control.value) / room;
  const dAttack = 1 / Math.abs(room);
  const dControl = (attack.value - 1) / (room * room);
  return { value, error: Math.sqrt((attack.error * dAttack) ** 2 + (control.error * dControl) ** 2) };
}

export function boundedRisk(rate: SuccessRate): PrivacyRisk {
  const clamp = (x: number): number => Math.min(1, Math.max(0, x));
  return { value: clamp(rate.value), ci: [clamp(rate.value - rate.error), clamp(rate.value + rate.error)] };
}

export interface AttackCounts {
  readonly nAttacks: number;
  readonly nSuccess: number;
  readonly nBaseline: number;
  /** Successes against the control set (may be fractional after a size correction). */
  readonly nControl?: number;
}

export interface AttackResult extends AttackCounts {
  readonly attackRate: SuccessRate;
  readonly baselineRate: SuccessRate;
  readonly controlRate?: SuccessRate;
  /** Residual risk when a control set was given, else the attack rate as a risk. */
  readonly risk: PrivacyRisk;
  readonly baselineRisk: PrivacyRisk;
  /** False when the attack did no better than random guessing: the figure says little then. */
  readonly betterThanBaseline: boolean;
}

export function evaluateAttack(counts: AttackCounts, confidenceLevel = 0.95): AttackResult {
  const attackRate = wilsonSuccessRate(counts.nAttacks, counts.nSuccess, confidenceLevel);
  const baselineRate = wilsonSuccessRate(counts.nAttacks, counts.nBaseline, confidenceLevel);
  const controlRate = counts.nControl === undefined ? undefined : wilsonSuccessRate(counts.nAttacks, counts.nControl, confidenceLevel);
  const risk = controlRate === undefined ? boundedRisk(attackRate) : boundedRisk(residualSuccess(attackRate, controlRate));
  return {
    ...counts,
    attackRate,
    baselineRate,
    ...(controlRate === undefined ? {} : { controlRate }),
    risk,
    baselineRisk: boundedRisk(baselineRate),
    betterThanBaseline: attackRate.value > baselineRate.value,
  };
}
