import { redactingTextDeidentifier, type TextDeidentifier } from '../../src/anonymize/text/api.js';

// Text hooks that remove every text they are given, one per way the engine settles a removed text:
// the shipped redaction and a dropping hook (both answered during the walk), and an asynchronous
// one (answered after the walk). A validity test runs each case with all three: both paths must
// leave the same, valid output.

const droppingSync: TextDeidentifier = { deidentify: async () => undefined, deidentifySync: () => undefined };
const droppingAsync: TextDeidentifier = { deidentify: async () => undefined };

export const REMOVING_HOOKS = [
  ['redacting', redactingTextDeidentifier],
  ['dropping synchronously', droppingSync],
  ['dropping asynchronously', droppingAsync],
] as const;

/** The `meta.security` codes of an anonymized resource, in order. */
export function securityCodes(out: Record<string, unknown> | undefined): string[] {
  const meta = out?.['meta'] as { security?: { code: string }[] } | undefined;
  return (meta?.security ?? []).map((s) => s.code);
}
