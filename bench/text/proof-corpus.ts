/**
 * The real documents the output-unchanged proofs (same-rules.ts, same-post-model.ts) run on: the dev
 * notes, held-out sets 1, 2 and 4–6 (never the third, nor a set still sealed), and EDS-Pseudo's test
 * set when ../shared is there. One list, so that both proofs read the same documents in the same order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROOF_SETS = ['dev', 'holdout', 'holdout2', 'holdout4', 'holdout5', 'holdout6'];

function texts(file: string, field: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as Record<string, string>)[field]!);
}

/** The documents' texts, and what they came from in words (for the proofs' closing line). */
export function proofCorpus(): { texts: string[]; from: string } {
  const setDir = (name: string) => path.join(root, 'eval/text', name);
  const sets = PROOF_SETS.filter((s) => existsSync(setDir(s)));
  const corpus = sets.flatMap((s) =>
    readdirSync(setDir(s))
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .flatMap((f) => texts(path.join(setDir(s), f), 'text')),
  );
  const eds = path.resolve(root, '../shared/reference/eds-pseudo/public_small_test_data.jsonl');
  if (existsSync(eds)) corpus.push(...texts(eds, 'note_text'));
  return { texts: corpus, from: `${sets.join(', ')}${existsSync(eds) ? ', EDS-Pseudo test' : ''}` };
}
