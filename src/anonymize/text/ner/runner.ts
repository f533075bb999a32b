import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { VoileError } from '../../../errors.js';
import { spawnModuleWorker } from '../../../util/spawn-worker.js';
import { PRIORITY, type Doc, type Label, type Span } from '../types.js';
import { FeatureEncoder, tokenize, type Token, type Vocabulary } from './tokenizer.js';
import type { BatchReply, BatchRequest, ReadyMessage, StallRequest } from './worker.js';

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
  /** How long one batch may take, once the worker has loaded its session, before its requests fail and the worker is replaced. Default 30 s. */
  readonly timeoutMs?: number;
  /** How long a worker may take to load its session. Default 120 s. */
  readonly startupTimeoutMs?: number;
  /**
   * Compute character features once per distinct token and cache them across documents (the split
   * files of models/ner/split.py, when they match model.onnx). false: model.onnx whole. Default true.
   */
  readonly charFeatureCache?: boolean;
  /** Distinct tokens each worker keeps character features for, least recently used evicted. Default 50,000 (13 MB of features). */
  readonly cacheEntries?: number;
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

interface Pending {
  /** The document and one window of its tokens: encoded only when its batch is built. */
  text: string;
  tokens: readonly Token[];
  resolve: (r: { tags: Uint8Array; probs: Float32Array }) => void;
  reject: (e: Error) => void;
}

/** One worker thread and what it has been sent. */
interface Slot {
  worker: Worker;
  /** Its session is loaded: batch deadlines run from then, not from the (slow) start of the thread. */
  ready: boolean;
  /** Deadlines to start once ready. */
  onReady: (() => void)[];
  /** Batches sent and not answered. */
  batches: Set<number>;
  startup: NodeJS.Timeout | undefined;
}

/**
 * Padded window lengths are multiples of this. A window's logits depend, in their last float bits,
 * on the padded length it runs at (ONNX Runtime picks its kernels by size), never on the other rows
 * of the batch; so windows are batched only with windows of the same bucket, and a window gets
 * exactly the same output alone or in any batch.
 */
const BUCKET = 16;

/**
 * Runs the NER model in worker threads. Windows from concurrent requests are gathered into one
 * batch per padded length (micro-batching): the first window waits at most `maxWaitMs` for others,
 * a full batch leaves at once. Batches go to the least busy worker. A worker that does not answer
 * in time is terminated and replaced; its requests fail (fail closed).
 */
export class NerRunner {
  readonly #encoder: FeatureEncoder;
  readonly #vocab: Vocabulary;
  readonly #workerData: object;
  readonly #slots: Slot[] = [];
  readonly #inflight = new Map<number, { batch: Pending[]; slot: Slot }>();
  readonly #maxBatch: number;
  readonly #maxWaitMs: number;
  readonly #timeoutMs: number;
  readonly #startupTimeoutMs: number;
  #queue: Pending[] = [];
  #timer: NodeJS.Timeout | undefined;
  #nextId = 1;
  #closed = false;
  #brokenReason: string | undefined;
  #files: ReadyMessage['files'];

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
    this.#startupTimeoutMs = options.startupTimeoutMs ?? 120_000;
    this.#workerData = {
      modelDir: dir,
      split: options.charFeatureCache ?? true,
      cacheEntries: options.cacheEntries ?? 50_000,
      inputType: this.#vocab.inputType ?? 'int64',
      executionProvider: options.executionProvider,
      intraOpThreads: 1,
      outsideTag: this.#vocab.tags.indexOf('O'),
    };
    for (let i = 0; i < Math.max(1, options.workers ?? 1); i++) this.#slots.push(this.#startWorker());
  }

  #startWorker(): Slot {
    const worker = spawnModuleWorker(import.meta.url, 'worker', { workerData: this.#workerData });
    worker.unref();
    const slot: Slot = { worker, ready: false, onReady: [], batches: new Set(), startup: undefined };
    worker.on('message', (message: BatchReply | ReadyMessage) => {
      if ('ready' in message) {
        this.#noteFiles(message);
        clearTimeout(slot.startup);
        slot.ready = true;
        for (const start of slot.onReady.splice(0)) start();
      } else this.#onReply(slot, message);
    });
    // A worker that dies by itself takes its in-flight batches with it: they fail cleanly, and so does
    // every later request (fail closed) rather than waiting for a reply that will never come. One this
    // runner replaced or closed is no longer in #slots.
    const died = (reason: string) => {
      if (!this.#closed && this.#slots.includes(slot)) this.#broken(reason);
    };
    worker.on('error', () => died('inference worker stopped'));
    worker.on('exit', () => died('inference worker exited'));
    // A session that never loads is a worker that never answers.
    slot.startup = setTimeout(() => this.#replace(slot, 'Text model inference timed out'), this.#startupTimeoutMs).unref();
    return slot;
  }

  /** Terminates a worker that did not answer in time, fails what it held, and starts a new one in its place. */
  #replace(slot: Slot, message: string): void {
    const at = this.#slots.indexOf(slot);
    if (at < 0 || this.#closed) return;
    clearTimeout(slot.startup);
    this.#slots[at] = this.#startWorker();
    for (const id of slot.batches) {
      const entry = this.#inflight.get(id);
      this.#inflight.delete(id);
      for (const p of entry?.batch ?? []) p.reject(new VoileError('ANONYMIZATION_FAILED', message));
    }
    slot.batches.clear();
    void slot.worker.terminate();
  }

  /** Warns once when the split files are there but not used: the model then runs slower, never differently. */
  #noteFiles(message: ReadyMessage): void {
    const first = this.#files === undefined;
    this.#files = message.files ?? this.#files;
    if (first && message.files === 'whole' && message.why !== 'asked for') {
      // A fixed phrase: nothing of any document.
      process.emitWarning(`text model: ${message.why ?? 'split files not used'}; running model.onnx whole (slower, same output); run models/ner/split.py`, { code: 'VOILE_NER_SPLIT_UNUSED' });
    }
  }

  /** Which model files the workers run once loaded: the split pair with its character-feature cache, or model.onnx whole. */
  get modelFiles(): 'split' | 'whole' | undefined {
    return this.#files;
  }

  get vocabulary(): Vocabulary {
    return this.#vocab;
  }

  /** Test hook: stops the workers as a crash would. */
  async simulateCrash(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  /** Test hook: blocks every worker for `ms`, as an inference stuck in native code would. */
  simulateStall(ms: number): void {
    for (const s of this.#slots) s.worker.postMessage({ stallMs: ms } satisfies StallRequest);
  }

  /** Resolves once every worker has loaded its session. */
  async ready(): Promise<void> {
    await Promise.all(this.#slots.map((s) => (s.ready ? undefined : new Promise<void>((resolve) => s.onReady.push(resolve)))));
  }

  /** Model spans (PERSON, CITY, HOSPITAL, ADDRESS) for one document. */
  async detect(doc: Doc): Promise<Span[]> {
    const tokens = tokenize(doc.text, this.#vocab.maxTokenChars);
    if (tokens.length === 0) return [];
    const chunks: Token[][] = [];
    for (let k = 0; k < tokens.length; k += this.#vocab.maxLen) chunks.push(tokens.slice(k, k + this.#vocab.maxLen));
    const results = await Promise.all(chunks.map((chunk) => this.#infer(doc.text, chunk)));
    const spans: Span[] = [];
    chunks.forEach((chunk, i) => spans.push(...decode(chunk, results[i]!.tags, results[i]!.probs, this.#vocab.tags)));
    return spans;
  }

  #infer(text: string, tokens: readonly Token[]): Promise<{ tags: Uint8Array; probs: Float32Array }> {
    if (this.#closed) return Promise.reject(new VoileError('ANONYMIZATION_FAILED', 'The text model is closed'));
    if (this.#brokenReason) return Promise.reject(new VoileError('ANONYMIZATION_FAILED', 'Text model inference failed', { detail: this.#brokenReason }));
    return new Promise((resolve, reject) => {
      this.#queue.push({ text, tokens, resolve, reject });
      if (this.#queue.length >= this.#maxBatch) this.#flush();
      else this.#timer ??= setTimeout(() => this.#flush(), this.#maxWaitMs);
    });
  }

  #flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const byLength = new Map<number, Pending[]>();
    for (const p of this.#queue) {
      const t = Math.ceil(p.tokens.length / BUCKET) * BUCKET;
      const same = byLength.get(t);
      if (same) same.push(p);
      else byLength.set(t, [p]);
    }
    this.#queue = [];
    for (const [t, windows] of byLength) {
      for (let k = 0; k < windows.length; k += this.#maxBatch) this.#send(windows.slice(k, k + this.#maxBatch), t);
    }
  }

  /** Encodes a batch straight into the one buffer the worker receives (zeros are padding). */
  #send(batch: Pending[], t: number): void {
    const b = batch.length;
    const c = this.#vocab.maxChars;
    const buffer = new ArrayBuffer(4 * b * t * (2 + c));
    const rows = { words: new Int32Array(buffer, 0, b * t), shapes: new Int32Array(buffer, 4 * b * t, b * t), chars: new Int32Array(buffer, 8 * b * t, b * t * c), tokens: t };
    batch.forEach((p, i) => this.#encoder.encodeInto(p.text, p.tokens, rows, i));
    const id = this.#nextId++;
    const slot = this.#slots.reduce((a, s) => (s.batches.size < a.batches.size ? s : a));
    this.#inflight.set(id, { batch, slot });
    slot.batches.add(id);
    slot.worker.ref();
    const req: BatchRequest = { id, batch: b, tokens: t, maxChars: c, buffer };
    slot.worker.postMessage(req, [buffer]);
    // A worker that never answers must not hold requests forever, nor the next ones: fail closed and
    // start a fresh worker.
    const deadline = () => {
      setTimeout(() => {
        if (this.#inflight.get(id)?.slot === slot) this.#replace(slot, 'Text model inference timed out');
      }, this.#timeoutMs).unref();
    };
    if (slot.ready) deadline();
    else slot.onReady.push(deadline);
  }

  #onReply(slot: Slot, reply: BatchReply): void {
    slot.batches.delete(reply.id);
    if (slot.batches.size === 0) slot.worker.unref();
    const entry = this.#inflight.get(reply.id);
    if (!entry) return;
    this.#inflight.delete(reply.id);
    const { batch } = entry;
    if (reply.error || !reply.buffer) {
      for (const p of batch) p.reject(new VoileError('ANONYMIZATION_FAILED', 'Text model inference failed'));
      return;
    }
    const t = reply.buffer.byteLength / 5 / batch.length;
    const probs = new Float32Array(reply.buffer, 0, batch.length * t);
    const tags = new Uint8Array(reply.buffer, 4 * batch.length * t, batch.length * t);
    batch.forEach((p, i) => p.resolve({ tags: tags.subarray(i * t, i * t + p.tokens.length), probs: probs.subarray(i * t, i * t + p.tokens.length) }));
  }

  #broken(reason: string): void {
    this.#brokenReason = reason;
    this.#failInflight(reason);
  }

  #failInflight(reason: string): void {
    for (const { batch } of this.#inflight.values()) for (const p of batch) p.reject(new VoileError('ANONYMIZATION_FAILED', 'Text model inference failed', { detail: reason }));
    this.#inflight.clear();
    for (const s of this.#slots) s.batches.clear();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    for (const p of this.#queue) p.reject(new VoileError('ANONYMIZATION_FAILED', 'The text model is closed'));
    this.#queue = [];
    this.#failInflight('the text model was closed');
    for (const s of this.#slots) clearTimeout(s.startup);
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
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
