import * as ort from 'onnxruntime-node';
import { CharFeatureCache } from './char-feature-cache.js';
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
  // Nonzero, new for each batch: a cache slot left waiting by another batch (failed, or still
  // running) is never read by this one.
  let batchNumber = 0;
  return {
    files: 'split',
    cacheStats,
    async logits({ batch: b, tokens: t, maxChars: c, words, shapes, chars }) {
      batchNumber = batchNumber === 0x7fffffff ? 1 : batchNumber + 1;
      const batch = batchNumber;
      // Padding positions are looked up like tokens (their character row is all zeros): they get
      // what the whole model computes for them, so the logits stay the same to the bit even for a
      // model that would not mask padding (the shipped one zeroes it before each convolution).
      const store = (cache ??= new CharFeatureCache(o.cacheEntries, width, c));
      if (store.rowLength !== c) throw new Error('characters per token changed');
      const features = new Float32Array(b * t * width);
      const cached = store.features;
      // Rows the cache lacks are computed once per batch: `missingAt` holds the first position of
      // each, `waiting` the later positions (position, row) that copy from the computed row.
      const missingAt: number[] = [];
      const missingSlot: number[] = [];
      const waiting: number[] = [];
      for (let p = 0; p < b * t; p++) {
        let slot = store.find(chars, p * c);
        const row = slot < 0 ? CharFeatureCache.STALE : store.waitingRow(slot, batch);
        if (row === CharFeatureCache.READY) {
          copyRow(cached, slot * width, features, p * width, width);
          cacheStats.hits++;
        } else if (row >= 0) waiting.push(p, row);
        else {
          if (slot < 0) slot = store.reserve(chars, p * c, batch, missingAt.length);
          else store.wait(slot, batch, missingAt.length);
          missingSlot.push(slot);
          missingAt.push(p);
        }
      }
      if (missingAt.length > 0) {
        const rows = new Int32Array(missingAt.length * c);
        missingAt.forEach((at, r) => rows.set(chars.subarray(at * c, (at + 1) * c), r * c));
        const result = await charEncoder.run({ chars: tensor(rows, [missingAt.length, c]) });
        const computed = result.charFeatures!.data as Float32Array;
        missingAt.forEach((at, r) => {
          copyRow(computed, r * width, features, at * width, width);
          store.fill(missingSlot[r]!, batch, r, computed, r * width);
        });
        for (let k = 0; k < waiting.length; k += 2) copyRow(computed, waiting[k + 1]! * width, features, waiting[k]! * width, width);
        cacheStats.computed += missingAt.length;
      }
      const result = await tagger.run({ words: tensor(words, [b, t]), charFeatures: new ort.Tensor('float32', features, [b, t, width]), shapes: tensor(shapes, [b, t]) });
      return result.logits!.data as Float32Array;
    },
  };
}
