import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { sqlInsertSpans } from '../../src/anonymize/text/recognizers/sql-insert-columns.js';

function found(text: string): string[] {
  return sqlInsertSpans(makeDoc(text, 'en')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (holdout42 miss class): a database dump pasted into a ticket writes its table as SQL, and the names,
// towns and postcodes in the tuples were left in clear; the column list says what each value is, as a table's
// header does. Every example is invented.
const DUMP = [
  '-- audiology dump',
  'INSERT INTO patients (mrn, last_name, first_name, dob, phone, street, city, zip) VALUES',
  "('QX00411', 'Redsky', 'Talulah', '2021-03-02', '218-555-0142', '12 Pine Ridge Rd', 'Walker', '56484'),",
  "('QX00412', 'O''Keefe', 'Brenna', NULL, '218-555-0177', '4 Lake St', 'Nevis', '56467');",
].join('\n');

describe('an SQL INSERT with its column list', () => {
  it('reads each tuple value as its column says', () => {
    expect(found(DUMP)).toEqual(expect.arrayContaining([
      'ID:QX00411', 'PERSON:Redsky', 'PERSON:Talulah', 'PHONE:218-555-0142', 'ADDRESS:12 Pine Ridge Rd', 'CITY:Walker', 'ZIP:56484',
      "PERSON:O''Keefe", 'PERSON:Brenna', 'CITY:Nevis', 'ZIP:56467',
    ]));
  });

  it('reads nothing without a column list, or when a tuple has another count of values', () => {
    expect(found("INSERT INTO patients VALUES ('QX00411', 'Redsky', 'Talulah');")).toEqual([]);
    expect(found("INSERT INTO patients (last_name, first_name, city) VALUES ('Redsky', 'Talulah');")).toEqual([]);
  });

  it('a column list of nothing this module knows gives nothing', () => {
    expect(found("INSERT INTO results (ear, type, ecv_ml) VALUES ('R', 'B', 0.6), ('L', 'B', 0.5);")).toEqual([]);
  });

  it('reaches the pipeline: the town of a tuple is a town, not a person', async () => {
    const { spans } = await detect(DUMP, { lang: 'en' });
    const at = DUMP.indexOf("'Nevis'") + 1;
    expect(spans.find((s) => s.start === at)?.label).toBe('CITY');
  });
});
