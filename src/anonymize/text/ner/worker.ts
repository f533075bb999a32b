import { parentPort, workerData } from 'node:worker_threads';
import { createInference, type Inference } from './inference.js';
import { readModelFiles, type ModelFiles, type WholeModelReason } from './model-files.js';

/**
 * One inference worker: owns the ONNX Runtime session(s) and answers batches from the runner with
 * the best tag and its probability per token. Never sees anything but token ids.
 */
interface Init {
  /** Directory of model.onnx and, when models/ner/split.py was run for it, the split pair. */
  modelDir: string;
  /** false: run model.onnx whole even when the split files are there. */
  split: boolean;
  /** Distinct tokens whose character features are cached between batches. */
  cacheEntries: number;
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
  /** Which files it runs (absent when loading failed), and why not the split pair when whole. */
  files?: ModelFiles['kind'];
  why?: WholeModelReason;
}
/** Test hook: blocks this thread for `ms`, as an inference stuck in native code would. */
export interface StallRequest {
  stallMs: number;
}

const init = workerData as Init;
const loaded: Promise<{ inference: Inference; why?: WholeModelReason }> = (async () => {
  const files = readModelFiles(init.modelDir, init.split);
  const inference = await createInference(files, init);
  return files.kind === 'whole' ? { inference, why: files.why } : { inference };
})();
// Loaded or not: after a failed load each batch answers 'inference failed'.
void loaded.then(
  ({ inference, why }) => parentPort!.postMessage({ ready: true, files: inference.files, why } satisfies ReadyMessage),
  () => parentPort!.postMessage({ ready: true } satisfies ReadyMessage),
);

parentPort!.on('message', async (req: BatchRequest | StallRequest) => {
  if ('stallMs' in req) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, req.stallMs);
    return;
  }
  try {
    const { inference } = await loaded;
    const { batch: b, tokens: t, maxChars: c } = req;
    const words = new Int32Array(req.buffer, 0, b * t);
    const shapes = new Int32Array(req.buffer, 4 * b * t, b * t);
    const chars = new Int32Array(req.buffer, 8 * b * t, b * t * c);
    const logits = await inference.logits({ batch: b, tokens: t, maxChars: c, words, shapes, chars });
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
