import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { anonymizeJsonl, detectJsonl } from '../anonymize/text/index.js';
import { VoileError } from '../errors.js';
import { parseCommandArgs } from './args.js';
import { batchIdentity } from './batch-context.js';

const USAGE = `Usage:
  voile text detect    [--lang fr|en|auto] [--in FILE.jsonl] [--out FILE.jsonl] [--device cpu|cuda]
  voile text anonymize [--lang fr|en|auto] [--in FILE.jsonl] [--out FILE.jsonl] [--mode realistic|tags]
                       [--domain NAME] [--device cpu|cuda]

Input lines are {"id","text"} (anonymize also reads an optional "patientId" for consistent
surrogates); standard input and output by default. detect writes {"id","spans":[{start,end,label,score}]}
with offsets in UTF-16 code units; anonymize writes {"id","text"}.`;

const OPTIONS = {
  lang: { type: 'string' },
  in: { type: 'string' },
  out: { type: 'string' },
  mode: { type: 'string' },
  domain: { type: 'string' },
  device: { type: 'string' },
} as const;

export async function textCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub !== 'detect' && sub !== 'anonymize') throw new VoileError('BAD_REQUEST', USAGE);
  const { values } = parseCommandArgs(rest, OPTIONS, USAGE);
  const lang = oneOf(values.lang ?? 'auto', ['fr', 'en', 'auto'] as const, '--lang');
  const executionProvider = oneOf(values.device ?? 'cpu', ['cpu', 'cuda'] as const, '--device');
  const input: Readable = values.in ? createReadStream(values.in) : process.stdin;
  const output: Writable = values.out ? createWriteStream(values.out) : process.stdout;
  if (sub === 'detect') {
    await detectJsonl(input, output, { lang, executionProvider });
  } else {
    const mode = oneOf(values.mode ?? 'realistic', ['realistic', 'tags'] as const, '--mode');
    const identity = batchIdentity(values.domain ?? 'default', undefined);
    await anonymizeJsonl(input, output, { identity, lang, executionProvider, mode });
  }
  if (output !== process.stdout) {
    output.end();
    await finished(output);
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new VoileError('BAD_REQUEST', `${flag} must be one of ${allowed.join(', ')}\n\n${USAGE}`);
  return value as T;
}
