import { VoileError } from '../../errors.js';

/**
 * The Retain Safe Private Option's allowlist. An entry names a private creator, the group and the
 * element byte within the creator's block: `"SIEMENS MR HEADER|0019|0C"` keeps (0019,xx0C) wherever
 * the block reserved by "SIEMENS MR HEADER" lands. Only listed elements survive; everything else
 * private is removed, creators included when none of their elements is kept.
 */
export interface SafePrivateList {
  allows(creator: string, tag: number): boolean;
}

export function parseSafePrivateList(entries: readonly string[]): SafePrivateList {
  const allowed = new Set<string>();
  for (const entry of entries) {
    const m = /^(.{1,64})\|([0-9a-fA-F]{4})\|([0-9a-fA-F]{2})$/.exec(entry);
    if (!m || (Number.parseInt(m[2]!, 16) & 1) === 0) {
      throw new VoileError('POLICY_INVALID', 'A safe private entry is not "CREATOR|gggg|ee" with an odd group');
    }
    allowed.add(key(m[1]!.trim(), Number.parseInt(m[2]!, 16), Number.parseInt(m[3]!, 16)));
  }
  return {
    allows(creator, tag) {
      return allowed.has(key(creator.trim(), tag >>> 16, tag & 0xff));
    },
  };
}

/** The tag of the private creator element that reserves the block `tag` belongs to. */
export function privateCreatorSlot(tag: number): number | undefined {
  const element = tag & 0xffff;
  const block = element >>> 8;
  if (block < 0x10) return undefined;
  return (((tag >>> 16) << 16) | block) >>> 0;
}

function key(creator: string, group: number, elementByte: number): string {
  return `${creator}\u0000${group}\u0000${elementByte}`;
}
