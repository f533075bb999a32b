import { createCipheriv, createDecipheriv, createHmac, randomFillSync, timingSafeEqual } from 'node:crypto';
import type { MappingEntry, MappingStore } from '../store/mapping-store.js';
import { decodeIdSafe, encodeIdSafe, packId, unpackId } from './id-codec.js';
import { deriveDomainKeys, hmacParts, type DomainKeys } from './keys.js';
import { shiftDateValue } from './date-shift.js';
import { rememberBounded } from '../util/bounded-memo.js';

export interface IdentityOptions {
  /** Largest date shift in days, both directions. A shift is never 0. Default 365. */
  readonly maxDateShiftDays?: number;
  /** Where irreversible public values (remapped UIDs, long-id pseudonyms) are kept. */
  readonly store: MappingStore;
}

const TAG_BYTES = 12;
const REVERSIBLE_PREFIX = 'a';
const STORED_PREFIX = 'b';
/** 64 chars max for a FHIR id: 1 prefix char + 63 chars = 47 bytes = 12 tag + 35 payload. */
const MAX_REVERSIBLE_PAYLOAD = 35;
const PERSISTED_CACHE_LIMIT = 100_000;
/**
 * Pseudonyms and date shifts are pure functions of the secret and the real value, and a response
 * asks for the same few patients' many times (every reference, every date): one HMAC + AES per
 * distinct value, not per occurrence. Bounded; cleared whole when full (cheap, and still exact).
 */
const MEMO_LIMIT = 50_000;

/**
 * The one identity layer. For a given secret, a real patient has exactly one pseudonym and one
 * date shift, a real resource id one pseudonymous id, a real DICOM UID one remapped UID — in every
 * process that holds the same secret. FHIR, DICOM, text and avatars all ask this class.
 *
 * Pseudonyms of ids are a deterministic authenticated encryption (SIV construction: the IV is a MAC
 * of type and id), so any replica can turn them back into real ids without shared state, and a forged
 * or foreign pseudonym fails its tag check. Ids too long to fit a 64-character FHIR id, and DICOM UIDs
 * (which must stay short numeric strings), are keyed one-way values kept in the mapping store.
 */
export class Identity {
  readonly #keys: DomainKeys;
  readonly #store: MappingStore;
  readonly #maxShift: number;
  #pending: MappingEntry[] = [];
  readonly #persisted = new Set<string>();
  #inflight: Promise<void> = Promise.resolve();
  // type → real id → pseudonym: two lookups, no key string built per id (asked for every id and
  // reference of every response). Bounded as a whole, like the other memos.
  readonly #reversibleIds = new Map<string, Map<string, string>>();
  #reversibleIdCount = 0;
  /** Verified pseudonym → real id (forged ones are never cached). */
  readonly #resolvedIds = new Map<string, string>();
  readonly #shiftDays = new Map<string, number>();

  constructor(secret: Uint8Array, options: IdentityOptions) {
    this.#keys = deriveDomainKeys(secret);
    this.#store = options.store;
    this.#maxShift = options.maxDateShiftDays ?? 365;
    if (!Number.isInteger(this.#maxShift) || this.#maxShift < 1) throw new RangeError('maxDateShiftDays must be a positive integer');
  }

  // ---- resource ids -------------------------------------------------------------------------

  pseudonymizeId(resourceType: string, realId: string): string {
    const known = this.#reversibleIds.get(resourceType)?.get(realId);
    if (known !== undefined) return known;
    const payload = packId(realId);
    if (payload.length <= MAX_REVERSIBLE_PAYLOAD) {
      const tag = hmacParts(this.#keys['pseudonym-mac'], resourceType, realId).subarray(0, TAG_BYTES);
      const ct = this.#ctr(tag, payload);
      const pseudonym = REVERSIBLE_PREFIX + encodeIdSafe(Buffer.concat([tag, ct]));
      this.#memoReversible(resourceType, realId, pseudonym);
      memo(this.#resolvedIds, `${resourceType}\u0000${pseudonym}`, realId);
      return pseudonym;
    }
    const publicValue = STORED_PREFIX + encodeIdSafe(hmacParts(this.#keys['pseudonym-store'], resourceType, realId).subarray(0, 30));
    this.#remember(`id:${resourceType}`, publicValue, realId);
    return publicValue;
  }

  /** The real id behind a pseudonym, or undefined when it is forged, foreign or of another type. */
  async resolveId(resourceType: string, pseudonym: string): Promise<string | undefined> {
    if (pseudonym.startsWith(STORED_PREFIX)) return this.#store.get(`id:${resourceType}`, pseudonym);
    const real = this.resolveReversibleId(resourceType, pseudonym);
    return real;
  }

  #memoReversible(resourceType: string, realId: string, pseudonym: string): void {
    if (this.#reversibleIdCount >= MEMO_LIMIT) {
      this.#reversibleIds.clear();
      this.#reversibleIdCount = 0;
    }
    let byId = this.#reversibleIds.get(resourceType);
    if (!byId) this.#reversibleIds.set(resourceType, (byId = new Map()));
    byId.set(realId, pseudonym);
    this.#reversibleIdCount += 1;
  }

  /** Synchronous resolution for pseudonyms that carry their id (all but very long ids). */
  resolveReversibleId(resourceType: string, pseudonym: string): string | undefined {
    if (!pseudonym.startsWith(REVERSIBLE_PREFIX) || pseudonym.length > 64) return undefined;
    const memoKey = `${resourceType}\u0000${pseudonym}`;
    const known = this.#resolvedIds.get(memoKey);
    if (known !== undefined) return known;
    const bytes = decodeIdSafe(pseudonym.slice(1));
    if (!bytes || bytes.length <= TAG_BYTES) return undefined;
    const tag = bytes.subarray(0, TAG_BYTES);
    const realId = unpackId(this.#ctr(tag, bytes.subarray(TAG_BYTES)));
    if (realId === undefined) return undefined;
    const expected = hmacParts(this.#keys['pseudonym-mac'], resourceType, realId).subarray(0, TAG_BYTES);
    if (!timingSafeEqual(tag, expected)) return undefined;
    memo(this.#resolvedIds, memoKey, realId);
    return realId;
  }

  /** The pseudonym of a patient: the same in FHIR (Patient.id) and DICOM (PatientID). */
  patientPseudonym(realPatientId: string): string {
    return this.pseudonymizeId('Patient', realPatientId);
  }

  // ---- dates ---------------------------------------------------------------------------------

  /** One whole-day offset per patient, in [-max, -1] ∪ [1, max]. */
  dateShiftDays(realPatientId: string): number {
    const known = this.#shiftDays.get(realPatientId);
    if (known !== undefined) return known;
    const n = hmacParts(this.#keys['date-shift'], realPatientId).readUInt32BE(0);
    const magnitude = 1 + (n % this.#maxShift);
    const days = (n & 0x80000000) === 0 ? magnitude : -magnitude;
    memo(this.#shiftDays, realPatientId, days);
    return days;
  }

  shiftDate(value: string, realPatientId: string): string {
    return shiftDateValue(value, this.dateShiftDays(realPatientId));
  }

  // ---- DICOM UIDs ----------------------------------------------------------------------------

  /** `2.25.<decimal>` from 128 keyed bits: a valid UID (≤ 64 chars), stored for resolution. */
  remapUid(uid: string): string {
    const digest = hmacParts(this.#keys.uid, uid).subarray(0, 16);
    digest[0] = digest[0]! & 0x7f; // keep the value under 2^127 so the string has at most 39 digits
    const remapped = `2.25.${BigInt(`0x${digest.toString('hex')}`).toString(10)}`;
    this.#remember('uid', remapped, uid);
    return remapped;
  }

  resolveUid(remapped: string): Promise<string | undefined> {
    return this.#store.get('uid', remapped);
  }

  // ---- keyed helpers for profile methods -----------------------------------------------------

  /** HMAC-SHA256 (hex) of a value under this domain's hash key. */
  cryptoHash(value: string): string {
    return createHmac('sha256', this.#keys['crypto-hash']).update(value, 'utf8').digest('hex');
  }

  /** A stable 32-bit seed for surrogate generation or avatar sampling tied to a value. */
  seed(purpose: 'surrogate' | 'avatar-seed', ...parts: string[]): number {
    return hmacParts(this.#keys[purpose], ...parts).readUInt32BE(0);
  }

  /** AES-256-GCM, random IV, base64url; for values a trusted party may decrypt later. */
  encrypt(value: string): string {
    const iv = freshIv();
    const cipher = createCipheriv('aes-256-gcm', this.#keys.encrypt, iv);
    const ct = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url');
  }

  decrypt(token: string): string | undefined {
    return openAead(this.#keys.encrypt, token)?.toString('utf8');
  }

  // ---- sealed tokens (paging cursors, job ids) -----------------------------------------------

  /** Encrypts and authenticates a small JSON value; the caller gets an opaque base64url string. */
  seal(value: unknown, ttlSeconds: number, audience: string): string {
    const body = Buffer.from(JSON.stringify({ v: value, exp: Math.floor(Date.now() / 1000) + ttlSeconds, aud: audience }), 'utf8');
    const iv = freshIv();
    const cipher = createCipheriv('aes-256-gcm', this.#keys.cursor, iv);
    const ct = Buffer.concat([cipher.update(body), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url');
  }

  /** The sealed value, or undefined when forged, expired, or sealed for another audience. */
  unseal(token: string, audience: string): unknown {
    const plain = openAead(this.#keys.cursor, token);
    if (!plain) return undefined;
    try {
      const parsed = JSON.parse(plain.toString('utf8')) as { v: unknown; exp: number; aud: string };
      if (parsed.aud !== audience || parsed.exp < Date.now() / 1000) return undefined;
      return parsed.v;
    } catch {
      return undefined;
    }
  }

  // ---- durability ----------------------------------------------------------------------------

  /**
   * Writes every mapping handed out so far. Callers await this before a response leaves, so no
   * client ever holds a public value the store does not know.
   */
  async flush(): Promise<void> {
    for (;;) {
      // Writes go one at a time. A write under way may hold this caller's entries: wait for it
      // (if it fails, its batch is queued again and written below, or the caller fails).
      const inflight = this.#inflight;
      await inflight;
      if (this.#inflight !== inflight) continue;
      if (this.#pending.length === 0) return;
      const batch = this.#pending;
      this.#pending = [];
      const write = this.#store.putMany(batch);
      // #inflight never rejects, so one failed write does not fail every later flush.
      this.#inflight = write.then(
        () => undefined,
        () => {
          this.#pending.unshift(...batch);
        },
      );
      await write;
      return;
    }
  }

  #remember(kind: string, publicValue: string, realValue: string): void {
    const key = `${kind}\u0000${publicValue}`;
    if (this.#persisted.has(key)) return;
    if (this.#persisted.size >= PERSISTED_CACHE_LIMIT) this.#persisted.clear();
    this.#persisted.add(key);
    this.#pending.push({ kind, publicValue, realValue });
  }

  #ctr(tag: Buffer, data: Buffer): Buffer {
    const iv = Buffer.alloc(16);
    tag.copy(iv, 0, 0, TAG_BYTES);
    const cipher = createCipheriv('aes-256-ctr', this.#keys['pseudonym-enc'], iv);
    return Buffer.concat([cipher.update(data), cipher.final()]);
  }
}

function memo<V>(cache: Map<string, V>, key: string, value: V): void {
  rememberBounded(cache, key, value, MEMO_LIMIT);
}

function openAead(key: Buffer, token: string): Buffer | undefined {
  try {
    const raw = Buffer.from(token, 'base64url');
    if (raw.length < 29 || raw.toString('base64url') !== token) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  } catch {
    return undefined;
  }
}

// Random 96-bit GCM nonces, drawn from the CSPRNG 256 at a time: one randomBytes call per seal
// (paging cursors, every search) cost more than the encryption itself.
const IV_BYTES = 12;
const ivPool = Buffer.alloc(IV_BYTES * 256);
let ivOffset = ivPool.length;

/** A fresh random nonce; a copy, so the pool can be refilled under it. */
function freshIv(): Buffer {
  if (ivOffset >= ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}
