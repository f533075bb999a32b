import { describe, expect, it } from 'vitest';
import type { IdentifyingValues } from '../../src/demo/cohort.js';
import { haystackOf, LeakDetector } from './support/leaks.js';

/** The leak test is only as good as its detector: these show that it bites, and where it does not. */
const values: IdentifyingValues = [
  { kind: 'name', value: 'Martin', patientId: 'p1' },
  { kind: 'name', value: 'Anne-Sophie', patientId: 'p1' },
  { kind: 'phone', value: '06 22 23 67 01', patientId: 'p1' },
  { kind: 'identifier', value: '2280020154', patientId: 'p1' },
  { kind: 'free-text', value: 'Adresse : 14 Quai La Boétie, 33623 Pessac', patientId: 'p1' },
];
const detector = new LeakDetector(values);
const found = (body: unknown) => detector.find(haystackOf(JSON.stringify(body))).map((v) => v.value).sort();

describe('LeakDetector', () => {
  it('finds names case-insensitively, on word boundaries only', () => {
    expect(found({ text: 'Mme MARTIN est venue' })).toEqual(['Martin']);
    expect(found({ text: 'Martinez, Martine' })).toEqual([]);
    expect(found({ text: 'vue par anne sophie' })).toEqual(['Anne-Sophie']);
  });

  it('finds other values as exact substrings, even inside longer tokens', () => {
    expect(found({ value: 'x2280020154y' })).toEqual(['2280020154']);
    expect(found({ telecom: [{ value: '06 22 23 67 01' }] })).toEqual(['06 22 23 67 01']);
  });

  it('looks inside base64 attachments, JSON escapes and XHTML narratives', () => {
    const note = Buffer.from('Adresse : 14 Quai La Boétie, 33623 Pessac\nTel 06 22 23 67 01').toString('base64');
    expect(found({ content: [{ attachment: { data: note } }] })).toEqual(['06 22 23 67 01', 'Adresse : 14 Quai La Boétie, 33623 Pessac']);
    const escaped = '{"v":"Adresse : 14 Quai La Bo\\u00e9tie, 33623 Pessac"}';
    expect(detector.find(haystackOf(escaped)).map((v) => v.value)).toEqual(['Adresse : 14 Quai La Boétie, 33623 Pessac']);
    expect(found({ text: { div: '<div xmlns="http://www.w3.org/1999/xhtml"><b>Martin</b> &#50;280020154</div>' } })).toEqual(['2280020154', 'Martin']);
  });

  it('does not take a name for a leak inside an opaque pseudonym, but still reads those tokens for exact values', () => {
    expect(found({ id: 'aXk3.martin-Qz81', subject: { reference: 'Patient/b.MARTIN-x9' } })).toEqual([]);
    expect(found({ id: 'a2280020154b' })).toEqual(['2280020154']);
  });

  it('finds nothing in clean data', () => {
    expect(found({ resourceType: 'Observation', status: 'final', valueQuantity: { value: 7.2 } })).toEqual([]);
  });
});
