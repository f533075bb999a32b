import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { VoileError } from '../../errors.js';
import type { Identity } from '../../identity/index.js';
import { createTextDeidentifier, type TextDeidentifierOptions } from './deidentifier.js';
import type { Lang } from './types.js';

/**
 * Cores of `voile text detect` and `voile text anonymize`: one `{"id","text"}` JSON object per line
 * in, one result per line out, in order. Offsets are UTF-16 code units of `text`. A bad line stops
 * the run with a BAD_REQUEST that names the line number, never its content.
 */
export interface JsonlOptions {
  readonly lang?: Lang | 'auto';
  readonly executionProvider?: TextDeidentifierOptions['executionProvider'];
  readonly ner?: boolean;
  /** How many documents are in flight at once (their model calls share batches). Default 16. */
  readonly concurrency?: number;
}

export interface AnonymizeJsonlOptions extends JsonlOptions {
  readonly identity: Identity;
  readonly mode?: 'realistic' | 'tags';
  /** Field of each input line holding the real patient id, for consistent surrogates. Default 'patientId'. */
  readonly patientField?: string;
}

interface InputLine {
  id: unknown;
  text: string;
  [k: string]: unknown;
}

async function* lines(input: Readable): AsyncGenerator<{ n: number; value: InputLine }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new VoileError('BAD_REQUEST', 'Input line is not valid JSON', { detail: `line ${n}` });
    }
    if (!value || typeof value !== 'object' || typeof (value as InputLine).text !== 'string' || !('id' in value)) {
      throw new VoileError('BAD_REQUEST', 'Input line must be an object with "id" and a string "text"', { detail: `line ${n}` });
    }
    yield { n, value: value as InputLine };
  }
}

async function run(input: Readable, output: Writable, concurrency: number, work: (line: InputLine) => Promise<object>): Promise<number> {
  const window: Promise<object>[] = [];
  let count = 0;
  const write = async (obj: object) => {
    if (!output.write(`${JSON.stringify(obj)}\n`)) await new Promise((r) => output.once('drain', r));
  };
  for await (const { value } of lines(input)) {
    window.push(work(value));
    if (window.length >= concurrency) await write(await window.shift()!);
    count++;
  }
  while (window.length > 0) await write(await window.shift()!);
  return count;
}

export async function detectJsonl(input: Readable, output: Writable, opts: JsonlOptions & { identity?: Identity } = {}): Promise<number> {
  const deid = createTextDeidentifier({
    identity: opts.identity ?? (undefined as unknown as Identity), // detection never touches identity
    lang: opts.lang,
    executionProvider: opts.executionProvider,
    ner: opts.ner,
  });
  try {
    return await run(input, output, opts.concurrency ?? 16, async (line) => {
      const spans = await deid.detect(line.text, opts.lang);
      return { id: line.id, spans: spans.map((s) => ({ start: s.start, end: s.end, label: s.label, score: Math.round(s.score * 1000) / 1000 })) };
    });
  } finally {
    await deid.close();
  }
}

export async function anonymizeJsonl(input: Readable, output: Writable, opts: AnonymizeJsonlOptions): Promise<number> {
  const deid = createTextDeidentifier({ identity: opts.identity, mode: opts.mode, lang: opts.lang, executionProvider: opts.executionProvider, ner: opts.ner });
  const field = opts.patientField ?? 'patientId';
  try {
    return await run(input, output, opts.concurrency ?? 16, async (line) => {
      const pid = line[field];
      const text = await deid.deidentify(line.text, { format: 'plain', lang: opts.lang, patientId: typeof pid === 'string' ? pid : undefined });
      return { id: line.id, text: text ?? '' };
    });
  } finally {
    await opts.identity.flush();
    await deid.close();
  }
}
