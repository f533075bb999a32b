/**
 * Fuzz-style regression: random byte flips in every fixture never crash or hang the de-identifier.
 * Each mutated file either de-identifies into an output the reader parses again, or fails with a
 * clean Voile error that quotes nothing from the file — within a bounded time per file.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VoileError } from '../../src/errors.js';
import { createDicomDeidentifier, readPart10 } from '../../src/anonymize/dicom/index.js';
import { FIXTURES, fixture, makeIdentity } from './helpers.js';

const FIXTURE_FILES = readdirSync(FIXTURES).filter((name) => name.endsWith('.dcm'));
const MUTATIONS_PER_FILE = 40;
const CLEAN_ERRORS = ['MALFORMED_DICOM', 'ANONYMIZATION_FAILED', 'FORBIDDEN'];

/** A seeded generator (LCG), so a failure names a reproducible mutation. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 0x1_0000_0000;
}

describe('random byte flips', () => {
  it.each(FIXTURE_FILES)('%s: a clean error or a valid output, never a crash or a hang', async (name) => {
    const original = fixture(name);
    const d = createDicomDeidentifier({ allowBurnedIn: true }, { identity: makeIdentity() });
    const started = Date.now();
    for (let i = 0; i < MUTATIONS_PER_FILE; i++) {
      const random = generator(i * 7919 + name.length);
      const file = Buffer.from(original);
      // Flips land anywhere past the preamble: file meta, element headers, lengths, values.
      const flips = 1 + Math.floor(random() * 8);
      for (let k = 0; k < flips; k++) file[128 + Math.floor(random() * (file.length - 128))]! ^= 1 + Math.floor(random() * 255);
      try {
        const out = await d.part10(file);
        readPart10(Buffer.concat(out.chunks as Uint8Array[]));
      } catch (err) {
        if (!(err instanceof VoileError)) throw new Error(`${name}, mutation ${i}: not a VoileError`, { cause: err });
        expect(CLEAN_ERRORS, `${name}, mutation ${i}`).toContain(err.code);
        expect(err.message).not.toMatch(/\d{3,}/);
        if (err.detail !== undefined) expect(err.detail).toMatch(/^[a-z0-9 ,.()-]+$/i);
      }
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
