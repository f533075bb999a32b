import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Every keyed function of Voile uses its own sub-key, derived with HKDF from one secret per
 * identity domain (a policy secret). Compromise of, say, the cursor key says nothing about
 * pseudonyms, and two domains never share a pseudonym.
 */
export type KeyPurpose =
  | 'pseudonym-mac'
  | 'pseudonym-enc'
  | 'pseudonym-store'
  | 'date-shift'
  | 'uid'
  | 'cursor'
  | 'crypto-hash'
  | 'encrypt'
  | 'surrogate'
  | 'avatar-seed';

export type DomainKeys = Readonly<Record<KeyPurpose, Buffer>>;

const PURPOSES: readonly KeyPurpose[] = [
  'pseudonym-mac',
  'pseudonym-enc',
  'pseudonym-store',
  'date-shift',
  'uid',
  'cursor',
  'crypto-hash',
  'encrypt',
  'surrogate',
  'avatar-seed',
];

export const MIN_SECRET_BYTES = 32;

export function deriveDomainKeys(secret: Uint8Array): DomainKeys {
  if (secret.byteLength < MIN_SECRET_BYTES) {
    throw new RangeError(`identity secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  const keys = {} as Record<KeyPurpose, Buffer>;
  for (const purpose of PURPOSES) {
    keys[purpose] = Buffer.from(hkdfSync('sha256', secret, 'voile/identity/v1', purpose, 32));
  }
  return Object.freeze(keys);
}

/** HMAC-SHA256 over length-prefixed parts, so ("ab","c") and ("a","bc") never collide. */
export function hmacParts(key: Buffer, ...parts: string[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) {
    const bytes = Buffer.from(part, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    mac.update(len).update(bytes);
  }
  return mac.digest();
}

/**
 * Decodes a configured secret: `base64:...`, `hex:...`, or raw text (UTF-8).
 */
export function parseSecret(text: string): Buffer {
  if (text.startsWith('base64:')) return Buffer.from(text.slice(7), 'base64');
  if (text.startsWith('hex:')) return Buffer.from(text.slice(4), 'hex');
  return Buffer.from(text, 'utf8');
}
