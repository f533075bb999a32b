import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';

/**
 * One inference worker: owns an ONNX Runtime session and answers batches from the runner with
 * the best tag and its probability per token. Never sees anything but token ids.
 */
interface Init {
  modelPath: string;
  /** 'int32' models take the encoder's arrays as they are; older ones need int64. */
  inputType: 'int32' | 'int64';
  executionProvider: 'cpu' | 'cuda';
  intraOpThreads: number;
  /** Index of the 'O' tag: its tokens' probabilities are never read (decode closes the span), so not computed. */
  outsideTag: number;
}
/**
 * One buffer, transferred (not copied): words [B, T], then shapes [B, T], then chars [B, T, maxChars],
 * all int32.
 */
export interface BatchRequest {
  id: number;
  batch: number;
  tokens: number;
  maxChars: number;
  buffer: ArrayBuffer;
}
/** probs (float32, B × T) then tags (uint8, B × T) in one transferred buffer. */
export interface BatchReply {
  id: number;
  buffer?: ArrayBuffer;
  error?: string;
}
/** Sent once the session is loaded (or failed to load): the runner's batch deadlines start then. */
export interface ReadyMessage {
  ready: true;
}
/** Test hook: blocks this thread for `ms`, as an inference stuck in native code would. */
export interface StallRequest {
  stallMs: number;
}

const init = workerData as Init;
const sessionPromise = ort.InferenceSession.create(init.modelPath, {
  executionProviders: [init.executionProvider],
  // One thread per worker: the runner scales with workers, and a second pool per session would
  // only fight the main thread and the other workers for the same cores.
  intraOpNumThreads: init.intraOpThreads,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  // The defaults, said explicitly: the arena and the memory pattern reuse allocations between runs
  // of the same shapes, which bucketed batch lengths make common.
  enableCpuMemArena: true,
  enableMemPattern: true,
});
// Loaded or not: after a failed load each batch answers 'inference failed'.
const ready = () => parentPort!.postMessage({ ready: true } satisfies ReadyMessage);
void sessionPromise.then(ready, ready);

function int64(a: Int32Array): BigInt64Array {
  const out = new BigInt64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = BigInt(a[i]!);
  return out;
}

parentPort!.on('message', async (req: BatchRequest | StallRequest) => {
  if ('stallMs' in req) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, req.stallMs);
    return;
  }
  try {
    const session = await sessionPromise;
    const { batch: b, tokens: t, maxChars: c } = req;
    const words = new Int32Array(req.buffer, 0, b * t);
    const shapes = new Int32Array(req.buffer, 4 * b * t, b * t);
    const chars = new Int32Array(req.buffer, 8 * b * t, b * t * c);
    const tensor = (a: Int32Array, dims: number[]) => (init.inputType === 'int32' ? new ort.Tensor('int32', a, dims) : new ort.Tensor('int64', int64(a), dims));
    const result = await session.run({ words: tensor(words, [b, t]), chars: tensor(chars, [b, t, c]), shapes: tensor(shapes, [b, t]) });
    const logits = result.logits!.data as Float32Array;
    const n = logits.length / (b * t);
    const buffer = new ArrayBuffer(5 * b * t);
    const probs = new Float32Array(buffer, 0, b * t);
    const tags = new Uint8Array(buffer, 4 * b * t, b * t);
    for (let i = 0; i < b * t; i++) {
      let best = 0;
      let max = -Infinity;
      for (let k = 0; k < n; k++) {
        const v = logits[i * n + k]!;
        if (v > max) {
          max = v;
          best = k;
        }
      }
      tags[i] = best;
      if (best === init.outsideTag) continue;
      let sum = 0;
      for (let k = 0; k < n; k++) sum += Math.exp(logits[i * n + k]! - max);
      probs[i] = 1 / sum;
    }
    const reply: BatchReply = { id: req.id, buffer };
    parentPort!.postMessage(reply, [buffer]);
  } catch {
    // The error of ONNX Runtime may quote tensor contents; report only that the batch failed.
    const reply: BatchReply = { id: req.id, error: 'inference failed' };
    parentPort!.postMessage(reply);
  }
});
