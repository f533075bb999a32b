import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { charClass, FeatureEncoder, shapeId, tokenize, type Vocabulary } from '../../src/anonymize/text/ner/tokenizer.js';

// The encoder reads tokens of ASCII and Latin letters code by code (per-character tables and
// WordTable); its word ids, shapes and character ids must be those of the general path (foldToken,
// wordKey and the vocabulary's Map, shapeId) for every token.
const vocab = JSON.parse(readFileSync(path.resolve(process.cwd(), 'models/ner/vocab.json'), 'utf8')) as Vocabulary;
const encoder = new FeatureEncoder(vocab);

/** Tokens of `text` whose encoded inputs differ from the general path's, and how many tokens there were. */
function mismatches(text: string): { wrong: string[]; tokens: number } {
  const tokens = tokenize(text, vocab.maxTokenChars);
  const { words, shapes, chars } = encoder.encode(text, tokens);
  const wrong: string[] = [];
  tokens.forEach((t, i) => {
    const token = text.slice(t.start, t.end);
    const ids = encoder.charIds(token);
    const charsDiffer = ids.some((id, k) => chars[i * vocab.maxChars + k] !== id);
    if (words[i] !== encoder.wordId(token) || shapes[i] !== shapeId(token) || charsDiffer) wrong.push(token);
  });
  return { wrong, tokens: tokens.length };
}

describe('word ids, shapes and character ids read code by code', () => {
  it('every vocabulary word, in lower case, capitals and capitalised, and with its digits changed', () => {
    const variants = vocab.words.flatMap((w) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1), w.replace(/0/g, '7')]);
    expect(mismatches(variants.join(' ')).wrong).toEqual([]);
    // Known words were found, not only unknown ones answered alike.
    const tokens = tokenize(variants.join(' '), vocab.maxTokenChars);
    expect(encoder.encode(variants.join(' '), tokens).words.filter((id) => id > 1).length).toBeGreaterThan(0.9 * tokens.length);
  });

  it('every character below U+0250 alone, and every pair of them', () => {
    const all = Array.from({ length: 0x250 }, (_, c) => String.fromCharCode(c));
    const alone = mismatches(all.join(' '));
    expect(alone.wrong).toEqual([]);
    let tokens = alone.tokens;
    for (const first of all) {
      const pairs = mismatches(all.map((second) => first + second).join(' '));
      expect(pairs.wrong).toEqual([]);
      tokens += pairs.tokens;
    }
    expect(tokens).toBeGreaterThan(200_000);
  });

  it('unknown tokens, letters and digits mixed, long runs cut at maxTokenChars, accented words, and the dev notes', () => {
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / (1 << 24);
    const alphabet = 'aAbBeEiInNoOrRsStTzZ0123456789éÉèàÀçÇœŒæßøØńŁİıǅǆ';
    const random = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    expect(mismatches(random.join(' ')).wrong).toEqual([]);
    // Beyond the tables: context casing (Greek final sigma), marks that follow their letter.
    expect(mismatches('ΟΔΥΣΣΕΥΣ Σοφία ΣΑΣ e\u0301te\u0301 Ᾰ ǅ Straße İstanbul').wrong).toEqual([]);
    const dev = path.resolve(process.cwd(), 'eval/text/dev');
    const notes = readdirSync(dev)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(path.join(dev, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
    expect(notes.length).toBeGreaterThan(10);
    for (const note of notes) expect(mismatches(note).wrong).toEqual([]);
  });
});

/** The tokenizer's rule spelled out code point by code point (the Python twin's), as a reference. */
function referenceTokens(text: string, maxTokenChars: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const points = [...text];
  let at = 0;
  let i = 0;
  while (i < points.length) {
    const k = charClass(points[i]!);
    const start = at;
    at += points[i]!.length;
    i++;
    if (k === 'S') continue;
    let count = 1;
    while ((k === 'L' || k === 'N') && i < points.length && count < maxTokenChars && charClass(points[i]!) === k) {
      at += points[i]!.length;
      i++;
      count++;
    }
    out.push({ start, end: at });
  }
  return out;
}

describe('tokenize reads classes from the table below U+0250', () => {
  it('the same tokens as the rule spelled out, on every character below U+0250 in pairs, astral characters, marks, spaces and the dev notes', () => {
    const all = Array.from({ length: 0x250 }, (_, c) => String.fromCharCode(c));
    const texts = all.map((first) => all.map((second) => first + second + 'a1').join(''));
    texts.push('😀Zoë\u0301 l\u2019h\u00f4pital 12ème 𝟘𝟙 ΣΑΣ \u00a0\u2009x\ud800y\udc00z \u3000終', 'a'.repeat(60) + '1'.repeat(50));
    const dev = path.resolve(process.cwd(), 'eval/text/dev');
    for (const f of readdirSync(dev).filter((f) => f.endsWith('.jsonl'))) texts.push(...readFileSync(path.join(dev, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
    const differ = texts.filter((t) => JSON.stringify(tokenize(t, vocab.maxTokenChars)) !== JSON.stringify(referenceTokens(t, vocab.maxTokenChars)));
    expect(differ.map((t) => t.slice(0, 20))).toEqual([]);
  });
});
