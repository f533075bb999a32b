/**
 * Runs Microsoft Presidio (bench/text/presidio/run_presidio.py, in the venv made by
 * bench/text/presidio/setup.sh) on documents and reads back its spans, already in Voile's labels and
 * UTF-16 offsets, plus its own analysis timing (model loading excluded).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gold } from '../../eval/text/metrics.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
export const PRESIDIO_PYTHON = path.join(process.env.PRESIDIO_VENV ?? path.join(root, '.cache/presidio-venv'), 'bin/python');
const RUNNER = path.join(here, 'presidio/run_presidio.py');

export interface PresidioInput {
  id: string;
  text: string;
  lang: 'fr' | 'en';
}

export interface PresidioRun {
  spans: Map<string, Gold[]>;
  /** UTF-16 code units analysed, wall seconds and process CPU seconds (all threads) of the analysis. */
  timing: { chars: number; wall_s: number; cpu_s: number };
}

export function presidioAvailable(): boolean {
  return existsSync(PRESIDIO_PYTHON);
}

/** `organizations`: keep spaCy's ORG entities as HOSPITAL (Presidio's default configuration ignores them). */
export async function runPresidio(docs: readonly PresidioInput[], options: { organizations?: boolean } = {}): Promise<PresidioRun> {
  const child = spawn(PRESIDIO_PYTHON, [RUNNER, ...(options.organizations ? ['--organizations'] : [])], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  child.stdin.end(docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const code = await exited;
  if (code !== 0) throw new Error(`Presidio runner exited with ${code}: ${stderr.slice(-2000)}`);
  const spans = new Map<string, Gold[]>();
  let timing: PresidioRun['timing'] | undefined;
  for (const line of stdout.split('\n').filter(Boolean)) {
    const row = JSON.parse(line) as { id?: string; spans?: Gold[]; timing?: PresidioRun['timing'] };
    if (row.timing) timing = row.timing;
    else if (row.id !== undefined && row.spans) spans.set(row.id, row.spans.map(({ start, end, label }) => ({ start, end, label })));
  }
  if (!timing || spans.size !== docs.length) throw new Error('Presidio runner output is incomplete');
  return { spans, timing };
}
