import type { PolicyBinding } from '../policy/types.js';
import type { PolicyRegistry, ResolvedPolicy } from '../policy/runtime.js';
import type { TokenInfo } from './token.js';

/**
 * Which policy serves a caller, from the `bind` section of each policy:
 *
 * - every criterion a binding states must hold (clients: the client is listed; scopes: the token has
 *   one of them; claims: every listed claim has exactly that value) — a binding stating nothing
 *   binds nobody;
 * - when several policies bind, the most specific wins (a client list beats claims, which beat
 *   scopes); a tie between different policies binds none: the gateway never guesses which
 *   anonymization a partner gets.
 */
export type BindingResult = { readonly policy: ResolvedPolicy } | { readonly policy: undefined; readonly reason: 'none' | 'ambiguous' };

export function bindPolicy(registry: PolicyRegistry, token: Pick<TokenInfo, 'clientId' | 'scopes' | 'claims'>): BindingResult {
  let best: ResolvedPolicy | undefined;
  let bestScore = 0;
  let tie = false;
  for (const candidate of registry.all()) {
    const score = bindingScore(candidate.policy.bind, token);
    if (score === 0) continue;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && candidate.name !== best?.name) {
      tie = true;
    }
  }
  if (!best) return { policy: undefined, reason: 'none' };
  if (tie) return { policy: undefined, reason: 'ambiguous' };
  return { policy: best };
}

/** 0 when the binding does not apply; otherwise higher for more specific bindings. */
export function bindingScore(bind: PolicyBinding | undefined, token: Pick<TokenInfo, 'clientId' | 'scopes' | 'claims'>): number {
  if (!bind) return 0;
  let score = 0;
  if (bind.clients !== undefined) {
    if (!bind.clients.includes(token.clientId)) return 0;
    score += 4;
  }
  if (bind.claims !== undefined) {
    const entries = Object.entries(bind.claims);
    if (entries.length === 0 || !entries.every(([name, value]) => claimMatches(token.claims[name], value))) return 0;
    score += 2;
  }
  if (bind.scopes !== undefined) {
    if (!bind.scopes.some((s) => token.scopes.includes(s))) return 0;
    score += 1;
  }
  return score;
}

/** A string claim equals the value; an array claim (e.g. `groups`) contains it. */
function claimMatches(claim: unknown, value: string): boolean {
  if (typeof claim === 'string') return claim === value;
  if (typeof claim === 'number' || typeof claim === 'boolean') return String(claim) === value;
  return Array.isArray(claim) && claim.some((c) => c === value);
}
