import { isResourceType } from './schema.js';

/** Bound of the engine's memo maps (references as written → parsed or released): cleared when full. */
export const CACHE_LIMIT = 50_000;

/** A literal reference taken apart: `[base/]Type/id[/_history/v]`, `urn:uuid:…`, `#local`. */
export type ParsedReference =
  | { readonly kind: 'literal'; readonly type: string; readonly id: string; readonly version: string | undefined }
  | { readonly kind: 'uuid'; readonly uuid: string }
  | { readonly kind: 'local'; readonly id: string }
  | { readonly kind: 'other' };

const LITERAL = /^(?:(?:https?:\/\/[^\s]*?)\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/;
const UUID = /^urn:uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export function parseReference(reference: string): ParsedReference {
  if (reference.startsWith('#')) return { kind: 'local', id: reference.slice(1) };
  const uuid = UUID.exec(reference);
  if (uuid) return { kind: 'uuid', uuid: uuid[1]!.toLowerCase() };
  const literal = LITERAL.exec(reference);
  if (literal && isResourceType(literal[1]!)) return { kind: 'literal', type: literal[1]!, id: literal[2]!, version: literal[3] };
  return { kind: 'other' };
}

/**
 * A UUID derived from a keyed hash of the original one: still a valid RFC 4122 (version 4 layout)
 * UUID, the same wherever the original appears (fullUrl and every reference to it).
 */
export function uuidFromHash(hex: string): string {
  const h = hex.slice(0, 32).split('');
  h[12] = '4';
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
