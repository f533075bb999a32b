import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

/**
 * The same guard as pathological-input.test.ts (kept in a file of its own so that the engineers of
 * parallel rule rounds do not edit one list), for the scans of the fourth round on the format labels:
 * compound codes, register words, dashed and grouped digits, spoken French phones, ages in words,
 * padded date separators, Roman months, letter-only OCR groups. Each case is ~40 k characters.
 */
const CASES: Record<string, string> = {
  'compound-codes': 'AB-12/'.repeat(7_000),
  'register-values': 'ref. AB 123 '.repeat(3_500),
  'dashed-digits': '123-'.repeat(10_000),
  'grouped-digits': 'Tel: 12 34 '.repeat(3_500),
  'trunk-groups': '01 23 '.repeat(7_000),
  'spoken-fr-phone': 'zéro six vingt '.repeat(2_700),
  'written-ages': 'quatre vingt '.repeat(3_000),
  'bracketed-ages': 'Aaa Bbb (95 '.repeat(3_500),
  'padded-slashes': '1 / '.repeat(10_000),
  'roman-months': '1.XI.'.repeat(8_000),
  'ocr-letter-pairs': '1 OO '.repeat(8_000),
  'usernames': 'username a_'.repeat(3_500),
  'spoken-ids': 'mrn is a one '.repeat(3_000),
};

describe('pathological input for the format-label scans takes linear time', () => {
  it.each(Object.entries(CASES))('%s', async (_name, text) => {
    const t0 = performance.now();
    await detect(text, { lang: 'auto' });
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
