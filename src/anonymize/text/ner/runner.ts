import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VoileError } from '../../../errors.js';
import { PRIORITY, type Doc, type Label, type Span } from '../types.js';
import { FeatureEncoder, tokenize, type Token, type Vocabulary } from './tokenizer.js';
import type { BatchReply, BatchRequest } from './worker.js';

export type ExecutionProvider = 'cpu' | 'cuda';

export interface NerRunnerOptions {
  readonly executionProvider: ExecutionProvider;
  /** Worker threads, each with its own session. Default 1. */
  readonly workers?: number;
  /** Directory holding model.onnx and vocab.json. Default: models/ner of this checkout. */
  readonly modelDir?: string;
  /** Largest number of sequences one inference call takes. Default 64. */
  readonly maxBatch?: number;
  /** How long a first sequence waits for others to join its batch. Default 2 ms. */
  readonly maxWaitMs?: number;
  /** How long one batch may take before its requests fail. Default 30 s. */
  readonly timeoutMs?: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
// src/anonymize/text/ner and dist/anonymize/text/ner are both four levels under the project root.
export const DEFAULT_MODEL_DIR = path.resolve(here, '../../../../models/ner');

/** Where onnxruntime-node keeps its CUDA provider library, when its install script fetched it. */
export function cudaProviderPath(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const root = path.dirname(require.resolve('onnxruntime-node/package.json'));
    const candidates = ['napi-v6', 'napi-v3'].map((napi) => path.join(root, 'bin', napi, process.platform, process.arch, 'libonnxruntime_providers_cuda.so'));
    return candidates.find((p) => existsSync(p));
  } catch {
    return undefined;
  }
}

/**
 * From the compiled build the worker is plain JavaScript. From sources (tests, tsx) it is
 * TypeScript, which a worker can only load after registering tsx's loader inside the thread.
 */
function spawnWorker(workerData: object): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  const require = createRequire(import.meta.url);
  const api = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

interface Pending {
  words: Int32Array;
  chars: Int32Array;
  shapes: Int32Array;
  resolve: (r: { tags: Uint8Array; probs: Float32Array }) => void;
  reject: (e: Error) => void;
}

/**
 * Runs the NER model in worker threads. Sequences from concurrent requests are gathered into one
 * batch (micro-batching): the first sequence waits at most `maxWaitMs` for others, a full batch
 * leaves at once. Batches go to the least busy worker.
 */
export class NerRunner {
  readonly #encoder: FeatureEncoder;
  readonly #vocab: Vocabulary;
  readonly #workers: { worker: Worker; busy: number }[] = [];
  readonly #inflight = new Map<number, Pending[]>();
  readonly #maxBatch: number;
  readonly #maxWaitMs: number;
  readonly #timeoutMs: number;
  #queue: Pending[] = [];
  #timer: NodeJS.Timeout | undefined;
  #nextId = 1;
  #closed = false;
  #brokenReason: string | undefined;

  /** undefined when the model files are absent (rules only); throws when CUDA is asked for but missing. */
  static create(options: NerRunnerOptions): NerRunner | undefined {
    if (options.executionProvider !== 'cpu' && options.executionProvider !== 'cuda') {
      throw new VoileError('CONFIG_INVALID', 'Unknown execution provider for the text model', { detail: 'expected cpu or cuda' });
    }
    if (options.executionProvider === 'cuda' && (process.platform !== 'linux' || cudaProviderPath() === undefined)) {
      throw new VoileError('CONFIG_INVALID', 'The CUDA execution provider was requested but its onnxruntime-node CUDA files are not installed', {
        detail: 'install onnxruntime-node with its CUDA binaries (ONNXRUNTIME_NODE_INSTALL_CUDA) or use executionProvider cpu',
      });
    }
    const dir = options.modelDir ?? DEFAULT_MODEL_DIR;
    if (!existsSync(path.join(dir, 'model.onnx')) || !existsSync(path.join(dir, 'vocab.json'))) return undefined;
    return new NerRunner(dir, options);
  }

  private constructor(dir: string, options: NerRunnerOptions) {
    this.#vocab = JSON.parse(readFileSync(path.join(dir, 'vocab.json'), 'utf8')) as Vocabulary;
    this.#encoder = new FeatureEncoder(this.#vocab);
    this.#maxBatch = options.maxBatch ?? 64;
    this.#maxWaitMs = options.maxWaitMs ?? 2;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    for (let i = 0; i < Math.max(1, options.workers ?? 1); i++) {
      const worker = spawnWorker({
        modelPath: path.join(dir, 'model.onnx'),
        inputType: this.#vocab.inputType ?? 'int64',
        executionProvider: options.executionProvider,
        intraOpThreads: 1,
      });
      worker.unref();
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: BatchReply) => this.#onReply(slot, reply));
      // A worker that dies takes its in-flight batches with it: they fail cleanly, and so does every
      // later request (fail closed) rather than waiting for a reply that will never come.
      worker.on('error', () => this.#broken('inference worker stopped'));
      worker.on('exit', () => {
        if (!this.#closed) this.#broken('inference worker exited');
      });
      this.#workers.push(slot);
    }
  }

  get vocabulary(): Vocabulary {
    return this.#vocab;
  }

  /** Test hook: stops the workers as a crash would. */
  async simulateCrash(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
  }

  /** Model spans (PERSON, CITY, HOSPITAL, ADDRESS) for one document. */
  async detect(doc: Doc): Promise<Span[]> {
    const tokens = tokenize(doc.text, this.#vocab.maxTokenChars);
    if (tokens.length === 0) return [];
    const chunks: Token[][] = [];
    for (let k = 0; k < tokens.length; k += this.#vocab.maxLen) chunks.push(tokens.slice(k, k + this.#vocab.maxLen));
    const results = await Promise.all(chunks.map((chunk) => this.#infer(this.#encoder.encode(doc.text, chunk))));
    const spans: Span[] = [];
    chunks.forEach((chunk, i) => spans.push(...decode(chunk, results[i]!.tags, results[i]!.probs, this.#vocab.tags)));
    return spans;
  }

  #infer(features: { words: Int32Array; chars: Int32Array; shapes: Int32Array }): Promise<{ tags: Uint8Array; probs: Float32Array }> {
    if (this.#closed) return Promise.reject(new VoileError('ANONYMIZATION_FAILED', 'The text model is closed'));
    if (this.#brokenReason) return Promise.reject(new VoileError('ANONYMIZATION_FAILED', 'Text model inference failed', { detail: this.#brokenReason }));
    return new Promise((resolve, reject) => {
      this.#queue.push({ ...features, resolve, reject });
      if (this.#queue.length >= this.#maxBatch) this.#flush();
      else this.#timer ??= setTimeout(() => this.#flush(), this.#maxWaitMs);
    });
  }

  #flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    // Similar lengths batch together so short windows are not padded to the longest one.
    const queue = this.#queue.sort((a, b) => a.words.length - b.words.length);
    this.#queue = [];
    while (queue.length > 0) {
      let size = 1;
      while (size < queue.length && size < this.#maxBatch && queue[size]!.words.length <= 2 * queue[0]!.words.length) size++;
      const batch = queue.splice(0, size);
      const t = Math.max(...batch.map((p) => p.words.length));
      const c = this.#vocab.maxChars;
      const words = new Int32Array(batch.length * t);
      const chars = new Int32Array(batch.length * t * c);
      const shapes = new Int32Array(batch.length * t);
      batch.forEach((p, i) => {
        words.set(p.words, i * t);
        chars.set(p.chars, i * t * c);
        shapes.set(p.shapes, i * t);
      });
      const id = this.#nextId++;
      this.#inflight.set(id, batch);
      const slot = this.#workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      slot.busy++;
      slot.worker.ref();
      const req: BatchRequest = { id, batch: batch.length, tokens: t, maxChars: c, words, chars, shapes };
      slot.worker.postMessage(req, [words.buffer, chars.buffer, shapes.buffer]);
      // A worker that never answers must not hold a request forever: fail closed.
      setTimeout(() => {
        if (this.#inflight.get(id) !== batch) return;
        this.#inflight.delete(id);
        for (const p of batch) p.reject(new VoileError('ANONYMIZATION_FAILED', 'Text model inference timed out'));
      }, this.#timeoutMs).unref();
    }
  }

  #onReply(slot: { worker: Worker; busy: number }, reply: BatchReply): void {
    slot.busy--;
    if (slot.busy === 0) slot.worker.unref();
    const batch = this.#inflight.get(reply.id);
    if (!batch) return;
    this.#inflight.delete(reply.id);
    if (reply.error || !reply.tags || !reply.probs) {
      for (const p of batch) p.reject(new VoileError('ANONYMIZATION_FAILED', 'Text model inference failed'));
      return;
    }
    const t = reply.tags.length / batch.length;
    batch.forEach((p, i) => p.resolve({ tags: reply.tags!.subarray(i * t, i * t + p.words.length), probs: reply.probs!.subarray(i * t, i * t + p.words.length) }));
  }

  #broken(reason: string): void {
    this.#brokenReason = reason;
    this.#failAll(reason);
  }

  #failAll(reason: string): void {
    for (const batch of this.#inflight.values()) for (const p of batch) p.reject(new VoileError('ANONYMIZATION_FAILED', 'Text model inference failed', { detail: reason }));
    this.#inflight.clear();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    for (const p of this.#queue) p.reject(new VoileError('ANONYMIZATION_FAILED', 'The text model is closed'));
    this.#queue = [];
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
  }
}

const MODEL_LABELS = new Set<Label>(['PERSON', 'CITY', 'HOSPITAL', 'ADDRESS']);

/** BIO tags → spans. An I- tag without its B- opens a span (the usual repair). */
export function decode(tokens: readonly Token[], tags: ArrayLike<number>, probs: ArrayLike<number>, tagNames: readonly string[]): Span[] {
  const out: Span[] = [];
  let cur: { label: Label; start: number; end: number; score: number } | undefined;
  const close = () => {
    if (cur) out.push({ start: cur.start, end: cur.end, label: cur.label, score: cur.score, priority: PRIORITY.model, source: 'ner' });
    cur = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const name = tagNames[tags[i]!] ?? 'O';
    if (name === 'O') {
      close();
      continue;
    }
    const label = name.slice(2) as Label;
    if (!MODEL_LABELS.has(label)) {
      close();
      continue;
    }
    if (name.startsWith('B-') || !cur || cur.label !== label) {
      close();
      cur = { label, start: tokens[i]!.start, end: tokens[i]!.end, score: probs[i]! };
    } else {
      cur.end = tokens[i]!.end;
      cur.score = Math.min(cur.score, probs[i]!);
    }
  }
  close();
  return out;
}
