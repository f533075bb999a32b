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
}
export interface BatchRequest {
  id: number;
  batch: number;
  tokens: number;
  maxChars: number;
  words: Int32Array;
  chars: Int32Array;
  shapes: Int32Array;
}
export interface BatchReply {
  id: number;
  tags?: Uint8Array;
  probs?: Float32Array;
  error?: string;
}

const init = workerData as Init;
const sessionPromise = ort.InferenceSession.create(init.modelPath, {
  executionProviders: [init.executionProvider],
  intraOpNumThreads: init.intraOpThreads,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
});

function int64(a: Int32Array): BigInt64Array {
  const out = new BigInt64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = BigInt(a[i]!);
  return out;
}

parentPort!.on('message', async (req: BatchRequest) => {
  try {
    const session = await sessionPromise;
    const { batch: b, tokens: t } = req;
    const tensor = (a: Int32Array, dims: number[]) => (init.inputType === 'int32' ? new ort.Tensor('int32', a, dims) : new ort.Tensor('int64', int64(a), dims));
    const result = await session.run({
      words: tensor(req.words, [b, t]),
      chars: tensor(req.chars, [b, t, req.maxChars]),
      shapes: tensor(req.shapes, [b, t]),
    });
    const logits = result.logits!.data as Float32Array;
    const n = logits.length / (b * t);
    const tags = new Uint8Array(b * t);
    const probs = new Float32Array(b * t);
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
      let sum = 0;
      for (let k = 0; k < n; k++) sum += Math.exp(logits[i * n + k]! - max);
      tags[i] = best;
      probs[i] = 1 / sum;
    }
    const reply: BatchReply = { id: req.id, tags, probs };
    parentPort!.postMessage(reply, [tags.buffer, probs.buffer]);
  } catch {
    // The error of ONNX Runtime may quote tensor contents; report only that the batch failed.
    const reply: BatchReply = { id: req.id, error: 'inference failed' };
    parentPort!.postMessage(reply);
  }
});
