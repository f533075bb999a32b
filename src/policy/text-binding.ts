import type { TextDeidentifier } from '../anonymize/text/api.js';
import { redactingTextDeidentifier } from '../anonymize/text/api.js';
import { createTextDeidentifier, type VoileTextDeidentifier } from '../anonymize/text/index.js';
import type { Identity } from '../identity/index.js';
import { VoileError } from '../errors.js';
import type { PolicyRegistry } from './runtime.js';
import type { Policy } from './types.js';

export interface TextBindingOptions {
  /** Where the NER model runs; 'cuda' throws at start-up when its files are missing. Default 'cpu'. */
  readonly executionProvider?: 'cpu' | 'cuda';
}

/**
 * The free-text de-identifier a policy asks for: none (`text` absent) means free text is removed;
 * otherwise the NER pipeline with the policy's language and surrogate mode. The model's worker
 * threads start on first use, so a gateway (or a test) that never meets free text never pays
 * for them.
 */
export function textDeidentifierFor(policy: Policy, identity: Identity, options: TextBindingOptions = {}): TextDeidentifier & { close(): Promise<void> } {
  if (!policy.text) return { ...redactingTextDeidentifier, close: async () => {} };
  const settings = { identity, mode: policy.text.surrogates ?? 'realistic', lang: policy.text.lang ?? 'auto', executionProvider: options.executionProvider ?? 'cpu' } as const;
  if (settings.executionProvider === 'cuda') {
    // Fail at start-up, not on the first note, when CUDA is asked for but absent.
    return eager(createTextDeidentifier(settings));
  }
  let real: VoileTextDeidentifier | undefined;
  let closed = false;
  return {
    // Once closed (shutdown), a late request must not start new worker threads: it fails closed.
    deidentify: (text, ctx) =>
      closed ? Promise.reject(new VoileError('ANONYMIZATION_FAILED', 'Free text could not be de-identified', { detail: 'the text model is closed' })) : (real ??= createTextDeidentifier(settings)).deidentify(text, ctx),
    close: async () => {
      closed = true;
      await real?.close();
    },
  };
}

function eager(real: VoileTextDeidentifier) {
  return { deidentify: real.deidentify.bind(real), close: () => real.close() };
}

/**
 * Stops the text-model worker threads of every policy of a registry (gateway shutdown, end of a CLI
 * command). ResolvedPolicy.text is typed as the plain TextDeidentifier the engines call; the ones
 * built here also have close(), and a test's own `textFor` may not.
 */
export async function closeTextDeidentifiers(registry: PolicyRegistry): Promise<void> {
  await Promise.all(
    registry.all().map((p) => {
      const text = p.text as TextDeidentifier & { close?: unknown };
      return typeof text.close === 'function' ? (text.close as () => Promise<void>)() : undefined;
    }),
  );
}
