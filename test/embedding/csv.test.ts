import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../src/anonymize/embedding/csv.js';
import { VoileError } from '../../src/errors.js';

describe('CSV reader', () => {
  it('reads the semicolon dialect with quoted headers and NA, inferring kinds', () => {
    const t = parseCsv('"id";"age";"flag";"cd4"\n1;48;0;660\n2;61;1;NA\n3;55;0;480\n4;50;1;510\n', { drop: ['id'] });
    expect(t.columns).toEqual([
      { name: 'age', kind: 'numeric' },
      { name: 'flag', kind: 'categorical' },
      { name: 'cd4', kind: 'numeric' },
    ]);
    expect(t.rows).toEqual([
      [48, '0', 660],
      [61, '1', null],
      [55, '0', 480],
      [50, '1', 510],
    ]);
  });

  it('handles RFC 4180 quoting and explicit kinds, and canonicalises numeric categories', () => {
    const t = parseCsv('name,score\n"Doe, ""J""",1.0\nX,2\nY,\n', { kinds: { score: 'categorical' } });
    expect(t.rows).toEqual([
      ['Doe, "J"', '1'],
      ['X', '2'],
      ['Y', null],
    ]);
  });

  it('round-trips through formatCsv', () => {
    const t = parseCsv('a,b\n1.5,x\n2,"y,z"\n3,\n', { kinds: { b: 'categorical' } });
    expect(parseCsv(formatCsv(t), { kinds: { b: 'categorical' } })).toEqual(t);
  });

  it('reports bad input with a position and never quotes the value', () => {
    const secret = 'Dupont-Jean';
    try {
      parseCsv(`age,w\n40,2\n${secret},3\n`, { kinds: { age: 'numeric' } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(VoileError);
      const e = err as VoileError;
      expect(e.code).toBe('BAD_REQUEST');
      expect(e.detail).toBe('line 3, column 1');
      expect(`${e.message} ${e.detail}`).not.toContain(secret);
    }
    expect(() => parseCsv('a,b\n1\n')).toThrow(VoileError);
    expect(() => parseCsv('a,a\n1,2\n')).toThrow(VoileError);
    expect(() => parseCsv('a\n"open\n')).toThrow(VoileError);
  });
});
