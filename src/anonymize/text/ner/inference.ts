import * as ort from 'onnxruntime-node';
import { CharFeatureCache, charRowKey } from './char-feature-cache.js';
import type { ModelFiles } from './model-files.js';

/** One batch of the encoder's rows: words and shapes [B, T], chars [B, T, maxChars]; zeros are padding. */
export interface BatchInputs {
  readonly batch: number;
  readonly tokens: number;
  readonly maxChars: number;
  readonly words: Int32Array;
  readonly shapes: Int32Array;
  readonly chars: Int32Array;
}

export interface InferenceOptions {
  readonly executionProvider: 'cpu' | 'cuda';
  readonly intraOpThreads: number;
  /** 'int32' models take the encoder's arrays as they are; older ones need int64. */
  readonly inputType: 'int32' | 'int64';
  /** Distinct tokens whose character features are kept between batches (split model only). */
  readonly cacheEntries: number;
}

/** The model's logits [B, T, tags] for one batch. */
export interface Inference {
  readonly files: ModelFiles['kind'];
  logits(inputs: BatchInputs): Promise<Float32Array>;
  /** Character-feature lookups answered by the cache and computed, since the start (split model only). */
  readonly cacheStats?: { hits: number; computed: number };
}

function sessionOptions(o: InferenceOptions): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: [o.executionProvider],
    // One thread per worker: the runner scales with workers, and a second pool per session would
    // only fight the main thread and the other workers for the same cores.
    intraOpNumThreads: o.intraOpThreads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // The defaults, said explicitly: the arena and the memory pattern reuse allocations between runs
    // of the same shapes, which bucketed batch lengths make common.
    enableCpuMemArena: true,
    enableMemPattern: true,
  };
}

function int64(a: Int32Array): BigInt64Array {
  const out = new BigInt64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = BigInt(a[i]!);
  return out;
}

export async function createInference(files: ModelFiles, o: InferenceOptions): Promise<Inference> {
  const tensor = (a: Int32Array, dims: number[]) => (o.inputType === 'int32' ? new ort.Tensor('int32', a, dims) : new ort.Tensor('int64', int64(a), dims));
  if (files.kind === 'whole') {
    const session = await ort.InferenceSession.create(files.model, sessionOptions(o));
    return {
      files: 'whole',
      async logits({ batch: b, tokens: t, maxChars: c, words, shapes, chars }) {
        const result = await session.run({ words: tensor(words, [b, t]), chars: tensor(chars, [b, t, c]), shapes: tensor(shapes, [b, t]) });
        return result.logits!.data as Float32Array;
      },
    };
  }
  const [charEncoder, tagger] = await Promise.all([ort.InferenceSession.create(files.charEncoder, sessionOptions(o)), ort.InferenceSession.create(files.tagger, sessionOptions(o))]);
  const width = files.charFeatures;
  const cache = new CharFeatureCache(o.cacheEntries, width);
  const cacheStats = { hits: 0, computed: 0 };
  return {
    files: 'split',
    cacheStats,
    async logits({ batch: b, tokens: t, maxChars: c, words, shapes, chars }) {
      // Padding positions are looked up like tokens (their character row is all zeros): they get
      // what the whole model computes for them, so the logits stay the same to the bit even for a
      // model that would not mask padding (the shipped one zeroes it before each convolution).
      const features = new Float32Array(b * t * width);
      // Each distinct token of the batch is looked up (or computed) once, at its first position;
      // its later positions copy from there.
      const firstAt = new Map<string, number>();
      const repeats: number[] = [];
      const missing: { key: string; at: number }[] = [];
      for (let p = 0; p < b * t; p++) {
        const key = charRowKey(chars, p * c, c);
        const first = firstAt.get(key);
        if (first !== undefined) repeats.push(p, first);
        else {
          firstAt.set(key, p);
          if (cache.copyTo(key, features, p * width)) cacheStats.hits++;
          else missing.push({ key, at: p });
        }
      }
      if (missing.length > 0) {
        const rows = new Int32Array(missing.length * c);
        missing.forEach(({ at }, r) => rows.set(chars.subarray(at * c, (at + 1) * c), r * c));
        const result = await charEncoder.run({ chars: tensor(rows, [missing.length, c]) });
        const computed = result.charFeatures!.data as Float32Array;
        missing.forEach(({ key, at }, r) => {
          features.set(computed.subarray(r * width, (r + 1) * width), at * width);
          cache.put(key, computed, r * width);
        });
        cacheStats.computed += missing.length;
      }
      for (let k = 0; k < repeats.length; k += 2) features.copyWithin(repeats[k]! * width, repeats[k + 1]! * width, (repeats[k + 1]! + 1) * width);
      const result = await tagger.run({ words: tensor(words, [b, t]), charFeatures: new ort.Tensor('float32', features, [b, t, width]), shapes: tensor(shapes, [b, t]) });
      return result.logits!.data as Float32Array;
    },
  };
}
