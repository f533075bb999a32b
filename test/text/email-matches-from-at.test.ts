import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMAIL, emailMatches } from '../../src/anonymize/text/recognizers/contact.js';

const asFound = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0]]);
const devNotes = (() => {
  const dir = path.join(import.meta.dirname, '../../eval/text/dev');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
})();

// xorshift32, so that a failure repeats.
let seed = 7;
const random = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) / 2 ** 32);
const PIECES = ['a', 'b', 'Z', '9', '.', '_', '-', '+', '%', '@', '@', ' ', '\n', 'x.fr', 'mail.com', 'é', '𝐀', '𝐀𝐀', 'chu-lyon.fr', ',', '(', ')'];
function randomText(): string {
  let s = '';
  const n = 1 + Math.floor(random() * 60);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(random() * PIECES.length)];
  return s;
}

describe('emails found from each @ rather than from every position', () => {
  it('finds what matchAll of the pattern finds, in order', () => {
    const long = (unit: string, n: number) => unit.repeat(n);
    const texts = [
      '',
      'no address here',
      'a@b.fr',
      'ecrire a jean.dupont@chu-lyon.fr ou marie@x.com, puis @ seul et a@b',
      // local parts of 64 code points: 64 ASCII units, or 128 units of astral letters, before the @
      `${long('x', 70)} ${long('a', 64)}@host.org`,
      `${long('x', 70)}${long('a', 64)}@host.org`,
      `${long('𝐀', 64)}@host.org and ${long('𝐀', 65)}@host.org`,
      `${long('é', 64)}@host.org`,
      'a@b.fr@c.fr x@y.zz',
      ...devNotes,
    ];
    for (let i = 0; i < 3000; i++) texts.push(randomText());
    for (const text of texts) expect(asFound(emailMatches(text)), text.slice(0, 80)).toEqual(asFound([...text.matchAll(EMAIL)]));
  });
});
