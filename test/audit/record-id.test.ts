import { describe, expect, it } from 'vitest';
import { newRecordId } from '../../src/audit/record-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The 48-bit millisecond timestamp at the start of a UUIDv7. */
const millisOf = (id: string) => parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe('audit record ids (UUIDv7)', () => {
  it('are UUIDs of version 7, variant 10', () => {
    for (let i = 0; i < 1000; i++) expect(newRecordId()).toMatch(UUID_V7);
  });

  it('carry the time of recording in their first 48 bits, big-endian', () => {
    for (const ms of [0, 1, 0xffff_ffff, 0x1_0000_0000, Date.UTC(2026, 10, 29, 17, 0, 0, 123), 2 ** 48 - 1]) {
      expect(millisOf(newRecordId(ms))).toBe(ms);
    }
    const before = Date.now();
    const id = newRecordId();
    expect(millisOf(id)).toBeGreaterThanOrEqual(before);
    expect(millisOf(id)).toBeLessThanOrEqual(Date.now());
  });

  it('sort by time across milliseconds (what keeps the UNIQUE index appending), and never repeat', () => {
    const ids: string[] = [];
    for (let ms = 1_800_000_000_000; ms < 1_800_000_000_000 + 600; ms++) for (let k = 0; k < 200; k++) ids.push(newRecordId(ms));
    expect(new Set(ids).size).toBe(ids.length); // more than one refill of the random pool
    for (let i = 200; i < ids.length; i += 200) expect(ids[i - 1]! < ids[i]!).toBe(true);
  });

  it('differ in their random part within the same millisecond', () => {
    const randomParts = new Set(Array.from({ length: 512 }, () => newRecordId(42).replaceAll('-', '').slice(12)));
    expect(randomParts.size).toBe(512);
  });
});
