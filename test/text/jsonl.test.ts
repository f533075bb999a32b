import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { anonymizeJsonl, detectJsonl } from '../../src/anonymize/text/jsonl.js';
import { isVoileError } from '../../src/errors.js';
import { testIdentity } from './helpers.js';

async function collect(run: (out: PassThrough) => Promise<unknown>): Promise<unknown[]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await run(out);
  return Buffer.concat(chunks).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
}

describe('voile text detect / anonymize cores', () => {
  const input = () => Readable.from(['{"id":"a","text":"Vu par le Dr Martin le 12/03/2023."}\n', '\n', '{"id":2,"text":"😀 Mme DUPONT"}\n']);

  it('detect writes spans with UTF-16 offsets, in input order', async () => {
    const rows = (await collect((out) => detectJsonl(input(), out, { lang: 'fr', ner: false }))) as { id: unknown; spans: { start: number; end: number; label: string }[] }[];
    expect(rows.map((r) => r.id)).toEqual(['a', 2]);
    expect(rows[0]!.spans.map((s) => [s.label, s.start, s.end])).toEqual([
      ['PERSON', 13, 19],
      ['DATE', 23, 33],
    ]);
    // '😀' is two UTF-16 code units: "Mme " starts at 3, DUPONT at 7.
    expect(rows[1]!.spans).toMatchObject([{ label: 'PERSON', start: 7, end: 13 }]);
    expect(typeof rows[0]!.spans[0]).toBe('object');
  });

  it('anonymize writes de-identified text', async () => {
    const rows = await collect((out) => anonymizeJsonl(input(), out, { identity: testIdentity(), mode: 'tags', lang: 'fr', ner: false }));
    expect(rows).toEqual([
      { id: 'a', text: 'Vu par le Dr [PERSON] le [DATE].' },
      { id: 2, text: '😀 Mme [PERSON]' },
    ]);
  });

  it('a malformed line is a BAD_REQUEST naming the line, not its content', async () => {
    const bad = Readable.from(['{"id":"a","text":"ok"}\n', '{"id":"b","text": Jeanne DUPONT}\n']);
    const err = await detectJsonl(bad, new PassThrough(), { ner: false }).catch((e: unknown) => e);
    expect(isVoileError(err) && err.code).toBe('BAD_REQUEST');
    expect((err as { detail: string }).detail).toBe('line 2');
    expect(JSON.stringify({ m: (err as Error).message, d: (err as { detail: string }).detail })).not.toContain('DUPONT');
  });
});
