import { describe, expect, it } from 'vitest';
import { Identity } from '../src/identity/index.js';
import { MemoryMappingStore } from '../src/store/mapping-store.js';

const secret = Buffer.alloc(32, 7);
const other = Buffer.alloc(32, 8);

describe('pseudonyms of resource ids', () => {
  const id = new Identity(secret, { store: new MemoryMappingStore() });

  it('are deterministic per (secret, type, id), valid FHIR ids, and resolve back', async () => {
    for (const real of ['3f2a1c9e-7b4d-4e8f-9a6b-1c2d3e4f5a6b', '123', 'pat-Ω-long-but-fits']) {
      const p = id.pseudonymizeId('Patient', real);
      expect(p).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(p).toBe(new Identity(secret, { store: new MemoryMappingStore() }).pseudonymizeId('Patient', real));
      expect(p).not.toContain(real);
      expect(await id.resolveId('Patient', p)).toBe(real);
    }
  });

  it('differ by resource type and by secret, and foreign ones do not resolve', async () => {
    const p = id.pseudonymizeId('Patient', '123');
    expect(id.pseudonymizeId('Observation', '123')).not.toBe(p);
    const foreign = new Identity(other, { store: new MemoryMappingStore() }).pseudonymizeId('Patient', '123');
    expect(foreign).not.toBe(p);
    expect(await id.resolveId('Patient', foreign)).toBeUndefined();
    expect(await id.resolveId('Observation', p)).toBeUndefined();
  });

  it('reject forged and tampered pseudonyms', async () => {
    const p = id.pseudonymizeId('Patient', '123');
    const flipped = p.slice(0, -2) + (p.at(-2) === 'A' ? 'B' : 'A') + p.at(-1);
    expect(await id.resolveId('Patient', flipped)).toBeUndefined();
    expect(await id.resolveId('Patient', 'aAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
    expect(await id.resolveId('Patient', '../../etc')).toBeUndefined();
    expect(await id.resolveId('Patient', '')).toBeUndefined();
  });

  it('keeps long ids in the store, written on flush, and resolvable by another instance', async () => {
    const store = new MemoryMappingStore();
    const a = new Identity(secret, { store });
    const long = 'x'.repeat(200);
    const p = a.pseudonymizeId('Patient', long);
    expect(p.length).toBeLessThanOrEqual(64);
    const b = new Identity(secret, { store });
    expect(await b.resolveId('Patient', p)).toBeUndefined();
    await a.flush();
    expect(await b.resolveId('Patient', p)).toBe(long);
  });
});

describe('flush after a failed write (regression: one failure used to fail every later flush)', () => {
  it('fails the caller whose entries were not written, then writes them on the next flush', async () => {
    const inner = new MemoryMappingStore();
    let failNext = true;
    const flaky = {
      putMany: async (entries: Parameters<MemoryMappingStore['putMany']>[0]) => {
        if (failNext) {
          failNext = false;
          throw new Error('database unavailable');
        }
        await inner.putMany(entries);
      },
      get: (kind: string, value: string) => inner.get(kind, value),
      close: async () => {},
    };
    const id = new Identity(secret, { store: flaky });
    const remapped = id.remapUid('1.2.3.4.5');
    await expect(id.flush()).rejects.toThrow('database unavailable');
    expect(await id.resolveUid(remapped)).toBeUndefined();
    const second = id.remapUid('1.2.3.4.6');
    await id.flush();
    expect(await id.resolveUid(remapped)).toBe('1.2.3.4.5');
    expect(await id.resolveUid(second)).toBe('1.2.3.4.6');
  });

  it('makes a concurrent flush wait for the write that holds its entries', async () => {
    const inner = new MemoryMappingStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = { putMany: async (e: Parameters<MemoryMappingStore['putMany']>[0]) => (await gate, inner.putMany(e)), get: inner.get.bind(inner), close: async () => {} };
    const id = new Identity(secret, { store: slow });
    const remapped = id.remapUid('1.2.3.9');
    const first = id.flush();
    let secondDone = false;
    const second = id.flush().then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(secondDone).toBe(false);
    release();
    await Promise.all([first, second]);
    expect(await inner.get('uid', remapped)).toBe('1.2.3.9');
  });
});

describe('date shifts', () => {
  const id = new Identity(secret, { store: new MemoryMappingStore(), maxDateShiftDays: 30 });

  it('are never 0, bounded, and one per patient', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const d = id.dateShiftDays(`p${i}`);
      expect(d).not.toBe(0);
      expect(Math.abs(d)).toBeLessThanOrEqual(30);
      expect(id.dateShiftDays(`p${i}`)).toBe(d);
      seen.add(d);
    }
    expect(seen.size).toBeGreaterThan(40);
  });

  it('keep intervals and precision', () => {
    const shift = (v: string) => id.shiftDate(v, 'p1');
    const a = new Date(shift('2020-02-27')).getTime();
    const b = new Date(shift('2020-03-02')).getTime();
    expect((b - a) / 86_400_000).toBe(4);
    expect(shift('1987')).toMatch(/^\d{4}$/);
    expect(shift('1987-06')).toMatch(/^\d{4}-\d{2}$/);
    expect(shift('2020-02-27T10:11:12+01:00')).toMatch(/^\d{4}-\d{2}-\d{2}T10:11:12\+01:00$/);
  });
});

describe('UID remapping', () => {
  it('gives stable 2.25 UIDs resolvable after flush', async () => {
    const store = new MemoryMappingStore();
    const id = new Identity(secret, { store });
    const uid = '1.2.840.113619.2.55.3.604688119.969.1268071029.320';
    const r = id.remapUid(uid);
    expect(r).toMatch(/^2\.25\.[1-9]\d{0,38}$/);
    expect(r.length).toBeLessThanOrEqual(64);
    expect(id.remapUid(uid)).toBe(r);
    await id.flush();
    expect(await new Identity(secret, { store }).resolveUid(r)).toBe(uid);
  });
});

describe('sealed cursors', () => {
  const id = new Identity(secret, { store: new MemoryMappingStore() });
  it('round-trip for the same audience only, and reject tampering', () => {
    const t = id.seal({ next: 'http://upstream/Patient?_page=2' }, 60, 'client-a');
    expect(t).not.toContain('upstream');
    expect(id.unseal(t, 'client-a')).toEqual({ next: 'http://upstream/Patient?_page=2' });
    expect(id.unseal(t, 'client-b')).toBeUndefined();
    expect(id.unseal(t.slice(0, -3) + 'AAA', 'client-a')).toBeUndefined();
    expect(id.unseal(id.seal({}, -10, 'client-a'), 'client-a')).toBeUndefined();
  });
});
