import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const devDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../eval/text/dev');

/** The hand-written dev notes (eval/text/dev), and them repeated in order until they hold at least `targetBytes` characters. */
export function devCorpus(targetBytes: number): { notes: string[]; corpus: string[]; size: number } {
  const notes = readdirSync(devDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(devDir, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
  const corpus: string[] = [];
  let size = 0;
  while (size < targetBytes) for (const n of notes) (corpus.push(n), (size += n.length));
  return { notes, corpus, size };
}
