import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { htmlTableSpans } from '../../src/anonymize/text/recognizers/html-table-columns.js';

function found(text: string): string[] {
  return htmlTableSpans(makeDoc(text, 'en')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (miss class "a table exported as HTML", holdout43): the header row's cells name the columns and each
// later row's cells are read under them, as a CSV's are.
describe('HTML tables', () => {
  it('reads the cells under their headers', () => {
    const html = '<table>\n<tr><th>Name</th><th>DOB</th><th>Medicare</th><th>Town</th><th>Procedure</th></tr>\n' +
      '<tr><td>Quinlan</td><td>04/03/1952</td><td>2418 77031 2</td><td>Koroit</td><td>R THR</td></tr>\n' +
      '<tr><td>Mahony</td><td>11/08/1947</td><td>2297 10446 1</td><td>Yambuk</td><td>L TKR</td></tr>\n</table>';
    const spans = found(html);
    for (const v of ['PERSON:Quinlan', 'ID:2418 77031 2', 'CITY:Koroit', 'PERSON:Mahony', 'CITY:Yambuk']) expect(spans).toContain(v);
    expect(spans.some((s) => s.endsWith(':R THR') || s.endsWith(':L TKR'))).toBe(false);
  });

  it('reads nothing under a header that names no kind it knows, or in a row of another width', () => {
    expect(found('<tr><th>Drug</th><th>Dose</th><th>Route</th></tr><tr><td>Amoxicillin</td><td>500 mg</td><td>PO</td></tr>')).toEqual([]);
    expect(found('<tr><th>Name</th><th>Town</th><th>Ward</th></tr><tr><td colspan="3">Koroit</td></tr>')).toEqual([]);
  });
});
