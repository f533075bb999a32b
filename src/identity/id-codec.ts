/**
 * A base-64 alphabet made only of characters a FHIR id allows ([A-Za-z0-9\-\.]), so that an
 * encrypted pseudonym is itself a valid id.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.';
const REVERSE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) REVERSE[ALPHABET.charCodeAt(i)] = i;

export function encodeIdSafe(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET[(acc >> bits) & 63];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(acc << (6 - bits)) & 63];
  return out;
}

/** Returns undefined for any string that is not a canonical encoding. */
export function decodeIdSafe(text: string): Buffer | undefined {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? REVERSE[code] : -1;
    if (value < 0) return undefined;
    acc = (acc << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
    acc &= (1 << bits) - 1;
  }
  // Leftover bits must be zero padding, otherwise two strings would decode to the same bytes.
  if (acc !== 0 || bits >= 6) return undefined;
  return Buffer.from(out);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Compact binary form of an id: lowercase UUIDs take 17 bytes instead of 36. */
export function packId(id: string): Buffer {
  if (UUID.test(id)) return Buffer.concat([Buffer.of(1), Buffer.from(id.replaceAll('-', ''), 'hex')]);
  return Buffer.concat([Buffer.of(2), Buffer.from(id, 'utf8')]);
}

export function unpackId(bytes: Buffer): string | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 1 && bytes.length === 17) {
    const h = bytes.subarray(1).toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  if (bytes[0] === 2) return bytes.subarray(1).toString('utf8');
  return undefined;
}
