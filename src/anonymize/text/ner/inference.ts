import * as ort from 'onnxruntime-node';
import { CharFeatureCache, MissingRows, rowHash } from './char-feature-cache.js';
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

/** Copies `width` floats; a loop beats subarray + set for rows this short (no view object per row). */
function copyRow(from: Float32Array, fromAt: number, to: Float32Array, toAt: number, width: number): void {
  for (let k = 0; k < width; k++) to[toAt + k] = from[fromAt + k]!;
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
  // Made on the first batch, whose rows give the characters per token (the vocabulary's maxChars).
  let cache: CharFeatureCache | undefined;
  const cacheStats = { hits: 0, computed: 0 };
  return {
    files: 'split',
    cacheStats,
    async logits({ batch: b, tokens: t, maxChars: c, words, shapes, chars }) {
      // Padding positions are looked up like tokens (their character row is all zeros): they get
      // what the whole model computes for them, so the logits stay the same to the bit even for a
      // model that would not mask padding (the shipped one zeroes it before each convolution).
      const store = (cache ??= new CharFeatureCache(o.cacheEntries, width, c));
      if (store.rowLength !== c) throw new Error('characters per token changed');
      const features = new Float32Array(b * t * width);
      const cached = store.features;
      // Rows the cache lacks are computed once per batch: `waiting` holds each position that
      // missed and the index of its row among the missing ones.
      let missing: MissingRows | undefined;
      const waiting: number[] = [];
      for (let p = 0; p < b * t; p++) {
        const hash = rowHash(chars, p * c, c);
        const slot = store.find(chars, p * c, hash);
        if (slot >= 0) {
          copyRow(cached, slot * width, features, p * width, width);
          cacheStats.hits++;
        } else {
          missing ??= new MissingRows(chars, c, b * t);
          waiting.push(p, missing.indexOf(p, hash));
        }
      }
      if (missing) {
        const { positions, hashes } = missing;
        const rows = new Int32Array(positions.length * c);
        positions.forEach((at, r) => rows.set(chars.subarray(at * c, (at + 1) * c), r * c));
        const result = await charEncoder.run({ chars: tensor(rows, [positions.length, c]) });
        const computed = result.charFeatures!.data as Float32Array;
        for (let k = 0; k < waiting.length; k += 2) copyRow(computed, waiting[k + 1]! * width, features, waiting[k]! * width, width);
        // Another batch of this worker may have stored a row meanwhile (they interleave at each run).
        positions.forEach((at, r) => {
          if (store.find(chars, at * c, hashes[r]!) < 0) store.put(chars, at * c, hashes[r]!, computed, r * width);
        });
        cacheStats.computed += positions.length;
      }
      const result = await tagger.run({ words: tensor(words, [b, t]), charFeatures: new ort.Tensor('float32', features, [b, t, width]), shapes: tensor(shapes, [b, t]) });
      return result.logits!.data as Float32Array;
    },
  };
}
