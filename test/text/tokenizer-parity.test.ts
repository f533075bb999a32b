import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeatureEncoder, shapeId, tokenize, wordKey, type Vocabulary } from '../../src/anonymize/text/ner/tokenizer.js';
import { readVectorKeys, vectorId } from '../../src/anonymize/text/ner/vector-keys.js';

// Fixtures written by models/ner/make_fixtures.py with the Python tokenizer used for training.
const fixtures = readFileSync(path.resolve(process.cwd(), 'models/ner/fixtures/tokenizer.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; tokens: string[]; keys: string[]; shapes: number[]; chars: number[][]; vectors?: number[] });
const vocab = JSON.parse(readFileSync(path.resolve(process.cwd(), 'models/ner/vocab.json'), 'utf8')) as Vocabulary;
// The pretrained vectors' keys of a model trained with them (models/ner/build_vectors.py).
const vectorKeys = vocab.vectorKeys === undefined ? undefined : readVectorKeys(path.resolve(process.cwd(), 'models/ner', vocab.vectorKeys));

describe('the TypeScript tokenizer matches the Python training tokenizer', () => {
  const encoder = new FeatureEncoder(vocab, vectorKeys);
  it.each(fixtures.map((f) => [f.text.slice(0, 40), f] as const))('%s', (_name, f) => {
    const tokens = tokenize(f.text, vocab.maxTokenChars);
    const strings = tokens.map((t) => f.text.slice(t.start, t.end));
    expect(strings).toEqual(f.tokens);
    expect(strings.map(wordKey)).toEqual(f.keys);
    expect(strings.map(shapeId)).toEqual(f.shapes);
    expect(strings.map((s) => encoder.charIds(s))).toEqual(f.chars);
    // The batch encoder (typed arrays, ASCII fast paths) gives the model the same inputs.
    const encoded = encoder.encode(f.text, tokens);
    expect([...encoded.words]).toEqual(f.keys.map((k) => (vocab.words.indexOf(k) >= 0 ? vocab.words.indexOf(k) + 2 : 1)));
    expect([...encoded.shapes]).toEqual(f.shapes);
    expect([...encoded.chars]).toEqual(f.chars.flat());
    // The fixtures carry the vectors' rows exactly when the shipped model takes them.
    expect(f.vectors !== undefined).toBe(vectorKeys !== undefined);
    if (vectorKeys && f.vectors) {
      expect(strings.map((s) => vectorId(s, vectorKeys))).toEqual(f.vectors);
      expect([...encoded.vectors!]).toEqual(f.vectors);
    }
  });

  it('the pretrained-vector lookup tries the token as written, then lowercase, then capitalised (capitalised first for all capitals)', () => {
    const keys = new Map([
      ['Martin', 1],
      ['martin', 2],
      ['école', 3],
      ['Pierre', 4],
    ]);
    expect(vectorId('martin', keys)).toBe(2);
    expect(vectorId('Martin', keys)).toBe(1);
    expect(vectorId('MARTIN', keys)).toBe(1);
    expect(vectorId('pierre', keys)).toBe(4);
    // Decomposed accents are composed first; capitals fall back to lowercase.
    expect(vectorId('e\u0301cole', keys)).toBe(3);
    expect(vectorId('ÉCOLE', keys)).toBe(3);
    expect(vectorId('12', keys)).toBe(0);
    expect(vectorId('-', keys)).toBe(0);
    expect(vectorId('Dupont', keys)).toBe(0);
  });

  it('the vocabulary shipped with the model is the one the encoder reads', () => {
    expect(vocab.tags[0]).toBe('O');
    expect(vocab.words.length).toBeGreaterThan(1000);
    expect(new FeatureEncoder(vocab).wordId('patient')).toBeGreaterThan(1);
  });
});
