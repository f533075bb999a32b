import type { TextDeidentifier } from '../anonymize/text/api.js';
import { redactingTextDeidentifier } from '../anonymize/text/api.js';
import { createTextDeidentifier, type VoileTextDeidentifier } from '../anonymize/text/index.js';
import type { Identity } from '../identity/index.js';
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
  return {
    deidentify: (text, ctx) => (real ??= createTextDeidentifier(settings)).deidentify(text, ctx),
    close: async () => real?.close(),
  };
}

function eager(real: VoileTextDeidentifier) {
  return { deidentify: real.deidentify.bind(real), close: () => real.close() };
}
